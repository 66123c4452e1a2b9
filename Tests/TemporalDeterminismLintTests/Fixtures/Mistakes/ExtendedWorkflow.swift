import Foundation
import TemporalContracts

/// Becomes a workflow through an extension; its helpers in another extension are checked too.
final class ExtendedWorkflow {
    func stamp() -> Date { Date() }
}

extension ExtendedWorkflow: Orders.ShipOrderWorkflow {
    func run(orderID: String, address: Common.Address, express: Bool, context: any WorkflowContext) async throws {
        _ = nextID()
    }
}

extension ExtendedWorkflow {
    func nextID() -> UUID { UUID() }
}

/// A refinement of the workflow protocol declared by the user: conformers and its default
/// implementations are workflow code.
protocol AuditedWorkflowImplementation: WorkflowImplementation {}

extension AuditedWorkflowImplementation {
    func audit() { debugPrint(self) }
}

final class AuditedJob: AuditedWorkflowImplementation {
    func run() -> Int { Int.random(in: 0..<10) }
}
