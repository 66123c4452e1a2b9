import TemporalContracts

extension EngineWorkflowContext {
    /// A priority to send, or nil to inherit the workflow's; an invalid one fails the call with a
    /// non-retryable error before any command is issued, as the server would reject the task.
    static func validated(_ priority: Priority?, of owner: String) throws -> Priority? {
        guard let priority, !priority.isEmpty else { return nil }
        do {
            try priority.validate()
        } catch let error as InvalidPriorityError {
            throw ApplicationError("\(owner): \(error.description)", type: "InvalidPriority", isNonRetryable: true)
        }
        return priority
    }
}
