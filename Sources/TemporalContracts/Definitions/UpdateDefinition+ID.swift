import Foundation

extension UpdateDefinition {
    /// The ID a client sends for this update: the call's, else the contract's template evaluated
    /// on the input, else a random UUID (what the other SDKs send).
    ///
    /// - Throws: ``IDExpressionError`` when the template's expression rejects the input
    ///   (`throw("…")`, `not_empty()`), before anything is sent.
    public func updateID(for input: Input, options: UpdateOptions) throws -> String {
        if let id = options.id { return id }
        if let makeID { return try makeID(input, .system) }
        return UUID().uuidString.lowercased()
    }
}
