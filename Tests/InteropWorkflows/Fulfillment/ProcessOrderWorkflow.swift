import TemporalContracts

/// The Swift twin of the Python `ProcessOrder` (Tests/InteropTests/python/fulfillment.py):
/// waits for an approval, then returns a receipt of the order as the worker saw it.
public final class ProcessOrderWorkflow: Fulfillment.ProcessOrderWorkflow {
    private var status = Fulfillment.OrderStatus.pending
    private var items: [Fulfillment.LineItem] = []
    private var priority = 0
    private var approvals: [String] = []

    public init() {}

    public func run(_ input: Fulfillment.Order, context: any WorkflowContext) async throws -> Fulfillment.Receipt {
        // Signals delivered with the start (signal-with-start) run before this: keep their items.
        items = input.items + items
        try await context.condition { !self.approvals.isEmpty }
        return Fulfillment.Receipt(
            order: input,
            status: .approved,
            itemCount: items.count,
            priority: priority,
            approvals: approvals,
            processedAt: context.now
        )
    }

    public func approve(_ input: Fulfillment.Approval, context: any WorkflowContext) async throws {
        approvals.append(input.approver)
        status = .approved
    }

    public func addLineItem(_ input: Fulfillment.LineItem, context: any WorkflowContext) async throws {
        items.append(input)
    }

    public func getProgress(context: any WorkflowContext) throws -> Fulfillment.Progress {
        Fulfillment.Progress(status: status, itemCount: items.count, priority: priority, approvals: approvals)
    }

    public func failingQuery(context: any WorkflowContext) throws -> String {
        throw ApplicationError("query failed on purpose")
    }

    public func setPriority(_ input: Fulfillment.Priority, context: any WorkflowContext) async throws -> Fulfillment.Priority {
        priority = input.level
        return input
    }

    public func validateSetPriority(_ input: Fulfillment.Priority, context: any WorkflowContext) throws {
        guard input.level >= 0 else { throw ApplicationError("priority must not be negative", type: "ValueError") }
    }

    public func failingUpdate(_ input: String, context: any WorkflowContext) async throws -> String {
        throw ApplicationError("update failed: \(input)", type: "UpdateFailure", isNonRetryable: true)
    }
}
