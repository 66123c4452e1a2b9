import Foundation
import TemporalContracts

/// Signals, queries and updates on one state, and a condition with a timeout.
final class ApprovalWorkflow: Engine.ApprovalWorkflow {
    private var state = Engine.ApprovalState(approved: false, notes: [], limit: 0)

    func run(context: any WorkflowContext) async throws -> Engine.ApprovalState {
        let approved = try await context.condition(timeout: .seconds(86_400)) { self.state.approved }
        state.timedOut = !approved
        return state
    }

    func approve(_ input: String, context: any WorkflowContext) async throws {
        state.notes.append("approved by \(input)")
        state.approved = true
    }

    func addNote(_ input: String, context: any WorkflowContext) async throws {
        state.notes.append(input)
    }

    func status(context: any WorkflowContext) throws -> Engine.ApprovalState {
        state
    }

    func mutatingStatus(context: any WorkflowContext) throws -> String {
        context.uuid().uuidString
    }

    func setLimit(_ input: Int, context: any WorkflowContext) async throws -> Int {
        let previous = state.limit
        state.limit = input
        return previous
    }

    func validateSetLimit(_ input: Int, context: any WorkflowContext) throws {
        guard input >= 0 else { throw ApplicationError("limit must not be negative, got \(input)", type: "InvalidLimit") }
    }

    func slowNote(_ input: String, context: any WorkflowContext) async throws -> Int {
        try await context.sleep(for: .seconds(3_600))
        state.notes.append(input)
        return state.notes.count
    }
}
