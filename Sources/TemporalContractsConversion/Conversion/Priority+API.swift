import TemporalAPI
import TemporalContracts

extension Priority {
    /// The priority as the API carries it; unset fields stay zero, which the server reads as
    /// "inherit, else default".
    public var apiPriority: Temporal_Api_Common_V1_Priority {
        var priority = Temporal_Api_Common_V1_Priority()
        if let priorityKey { priority.priorityKey = Int32(clamping: priorityKey) }
        if let fairnessKey { priority.fairnessKey = fairnessKey }
        if let fairnessWeight { priority.fairnessWeight = Float(fairnessWeight) }
        return priority
    }

    /// The priority an API message carries; zero fields are unset.
    public init(_ priority: Temporal_Api_Common_V1_Priority) {
        self.init(
            priorityKey: priority.priorityKey == 0 ? nil : Int(priority.priorityKey),
            fairnessKey: priority.fairnessKey.isEmpty ? nil : priority.fairnessKey,
            fairnessWeight: priority.fairnessWeight == 0 ? nil : Double(priority.fairnessWeight)
        )
    }
}
