import TemporalAPI
import TemporalContracts
@testable import TemporalContractsEngine

/// Machines driven alone, from events of a `HistoryBuilder`: what a transition the state does
/// not allow throws, as text.
enum MachineTesting {
    /// `unexpected <event type> in <state>`, `invalid <transition>`, or nil when `body` succeeds.
    static func failure(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch MachineError.unexpectedEvent(let event, let state) {
            return "unexpected \(event.eventType) in \(state)"
        } catch MachineError.invalidTransition(let transition) {
            return "invalid \(transition)"
        } catch {
            return "\(error)"
        }
    }

    /// A history whose first task completed: the events of its commands follow.
    static func history() -> HistoryBuilder {
        var history = HistoryBuilder()
        history.workflowTask()
        history.taskCompleted()
        return history
    }

    static func outcome<Value>(_ pending: PendingResult<Value>) -> String {
        switch pending.result {
        case nil: "pending"
        case .success(let value as [Payload]): value.map { String(decoding: $0.data, as: UTF8.self) }.joined(separator: " ")
        case .success(let value): "\(value)"
        case .failure(let error): ScriptedWorkflow.describe(error)
        }
    }
}

extension CancelAction {
    /// `none`, `withdraw`, or `issue` and the command's line.
    var line: String {
        switch self {
        case .none: "none"
        case .withdraw: "withdraw"
        case .issue(let machine): "issue \(machine.command.line)"
        }
    }
}
