import TemporalContracts

extension ScriptedWorkflow {
    /// Runs `operation` as a child task, lets it issue its command first, then cancels it once
    /// `trigger` returns (at once for an empty trigger: in the same workflow task). Returns the
    /// child's result, or `canceled: ` and how it failed.
    static func cancel(
        _ operation: @escaping @Sendable () async throws -> String,
        after trigger: @escaping @Sendable () async throws -> Void = {}
    ) async throws -> String {
        try await withThrowingTaskGroup(of: String.self) { group in
            group.addTask(operation: operation)
            // The child's job runs before this task resumes: its command comes first.
            await Task.yield()
            try await trigger()
            group.cancelAll()
            do {
                return try await group.next() ?? "no result"
            } catch {
                return "canceled: \(describe(error))"
            }
        }
    }

    /// An error's type, with its cause for activity and child workflow errors.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as ActivityError: "ActivityError(\(error.cause.map { "\(type(of: $0))" } ?? "nil"))"
        case let error as ChildWorkflowError: "ChildWorkflowError(\(error.cause.map { "\(type(of: $0))" } ?? "nil"))"
        default: "\(type(of: error))"
        }
    }
}
