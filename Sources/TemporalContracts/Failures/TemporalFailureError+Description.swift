extension TemporalFailureError {
    /// The error and its causes on one line: each as `Type: message` (an application error's
    /// type, else the Swift type's name), joined by "; caused by ".
    var chainDescription: String {
        var parts: [String] = []
        var current: (any TemporalFailureError)? = self
        while let error = current {
            let type = (error as? ApplicationError)?.type ?? String(describing: Swift.type(of: error))
            parts.append(error.message.isEmpty ? type : "\(type): \(error.message)")
            current = error.cause
        }
        return parts.joined(separator: "; caused by ")
    }
}
