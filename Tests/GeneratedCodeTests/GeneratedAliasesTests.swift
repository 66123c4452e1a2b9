import Foundation
import Synchronization
import TemporalContracts
import Testing

/// The aliases fixture (`Fixtures/valid/aliases.temporal.yaml`) compiled: its definitions carry the
/// former names, a workflow's registration files its handlers under them too, and the generated
/// client still sends the current names.
struct GeneratedAliasesTests {
    /// An implementation of the renamed workflow, for its registration.
    final class Payment: Aliases.ProcessPaymentWorkflow {
        var limit = 0

        init() {}

        func run(_ input: String, context: any WorkflowContext) async throws -> String { input }
        func approve(_ input: String, context: any WorkflowContext) async throws {}
        func currentState(context: any WorkflowContext) throws -> String { "limit \(limit)" }
        func setLimit(_ input: Int, context: any WorkflowContext) async throws -> Int {
            defer { limit = input }
            return limit
        }
        func validateSetLimit(_ input: Int, context: any WorkflowContext) throws {}
    }

    @Test func definitionsCarryTheFormerNames() {
        #expect(Aliases.Workflows.processPayment.name == "ProcessPayment")
        #expect(Aliases.Workflows.processPayment.aliases == ["ChargeCustomer", "charge-v1"])
        #expect(Aliases.Workflows.refund.name == "payments.Refund")
        #expect(Aliases.Workflows.refund.aliases == ["RefundPayment"])
        #expect(Aliases.Signals.approve.aliases == ["Confirm"])
        #expect(Aliases.Queries.currentState.name == "current_state")
        #expect(Aliases.Queries.currentState.aliases == ["GetState", "get-state"])
        #expect(Aliases.Updates.setLimit.aliases == ["ChangeLimit"])
        #expect(Aliases.Updates.setLimit.hasValidator)
        #expect(Aliases.Activities.sendReceipt.aliases == ["EmailReceipt"])
    }

    @Test func registrationsAnswerToEveryFormerName() {
        let registration = Payment.registration
        #expect(registration.names == ["ProcessPayment", "ChargeCustomer", "charge-v1"])
        #expect(Set(registration.signals.keys) == ["Approve", "Confirm"])
        #expect(Set(registration.queries.keys) == ["current_state", "GetState", "get-state"])
        #expect(Set(registration.updates.keys) == ["SetLimit", "ChangeLimit"])
        // Which names are former ones, for the metadata the CLI shows.
        #expect(registration.signalAliases == ["Confirm": "Approve"])
        #expect(registration.queryAliases == ["GetState": "current_state", "get-state": "current_state"])
        #expect(registration.updateAliases == ["ChangeLimit": "SetLimit"])
        let activity = ActivityRegistration(Aliases.Activities.sendReceipt) { input, _ in input }
        #expect(activity.names == ["SendReceipt", "EmailReceipt"])
    }

    @Test func theClientSendsTheCurrentNames() async throws {
        let transport = GeneratedClientTests.ScriptedTransport()
        let client = Aliases.Client(TemporalClient(transport: transport))
        let handle = try await client.startProcessPayment("p-1", options: WorkflowStartOptions(id: "payment-1"))
        try await handle.approve("ann")
        let sent = transport.state.withLock { ($0.starts.map(\.workflowType), $0.signals.map(\.signalName)) }
        #expect(sent.0 == ["ProcessPayment"])
        #expect(sent.1 == ["Approve"])
    }
}
