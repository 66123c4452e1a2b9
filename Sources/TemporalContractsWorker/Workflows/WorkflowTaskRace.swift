import GRPCCore

/// A workflow task report the server refused because the task is no longer current: the normal
/// races of a busy run, not failures. sdk-core treats them alike: it evicts the run (the next
/// task replays it from history) and logs them below error level.
struct WorkflowTaskRace: Error, Sendable, CustomStringConvertible {
    enum Kind: Sendable, Equatable {
        /// New events (a signal, say) arrived while the task ran and the completion closed the
        /// run; the server asks for a new task that sees them.
        case unhandledCommand
        /// The task is gone: timed out, already answered, or its run ended.
        case taskNotFound
    }

    let kind: Kind
    let message: String

    /// The race `error` reports, or nil when it is a real failure.
    init?(_ error: any Error) {
        guard let rpcError = error as? RPCError else { return nil }
        switch rpcError.code {
        case .invalidArgument where rpcError.message.contains("UnhandledCommand"):
            kind = .unhandledCommand
        case .notFound:
            kind = .taskNotFound
        default:
            return nil
        }
        message = rpcError.message
    }

    var description: String {
        switch kind {
        case .unhandledCommand: "the server refused the completion: new events arrived while the task ran (\(message))"
        case .taskNotFound: "the workflow task is no longer current (\(message))"
        }
    }
}
