import Foundation
import Logging
import TemporalContracts
import TemporalContractsEngine
import Testing

@testable import TemporalContractsWorker

/// Workers file registrations under their aliases as well as their wire names (the table the
/// workflow, activity and local-activity workers look tasks up in), so work sent under a former
/// name still finds the code that took the name over.
struct RegistrationNamesTests {
    private static let charge = ActivityDefinition<Int, String>(
        name: "Charge",
        aliases: ["Bill", "charge-v1"],
        input: .single(),
        output: .single()
    )
    private static let bill = ActivityDefinition<Int, String>(name: "Bill", input: .single(), output: .single())
    private let workflow = WorkflowInfo(namespace: "default", workflowID: "wf", runID: "run", workflowType: "Test", taskQueue: "q")

    private func registration(_ definition: ActivityDefinition<Int, String>) -> ActivityRegistration {
        ActivityRegistration(definition) { amount, context in "\(definition.name) \(amount) as \(context.info.activityType)" }
    }

    @Test func aliasesAreFiledBesideTheWireName() {
        let table = [String: ActivityRegistration](registrations: [registration(Self.charge)], keepingFirst: true) {
            ($0.name, $0.aliases)
        }
        #expect(table.keys.sorted() == ["Bill", "Charge", "charge-v1"])
        #expect(table.values.allSatisfy { $0.name == "Charge" })
    }

    @Test func aWireNameWinsOverAnotherRegistrationsAliasInEitherOrder() {
        for activities in [[registration(Self.charge), registration(Self.bill)], [registration(Self.bill), registration(Self.charge)]] {
            for keepingFirst in [true, false] {
                let table = [String: ActivityRegistration](registrations: activities, keepingFirst: keepingFirst) { ($0.name, $0.aliases) }
                #expect(table["Bill"]?.name == "Bill")
                #expect(table["Charge"]?.name == "Charge")
                #expect(table["charge-v1"]?.name == "Charge")
            }
        }
    }

    @Test func registrationsSharingANameKeepTheFirstOrTheLast() {
        // Told apart by their aliases.
        let first = registration(ActivityDefinition(name: "Bill", aliases: ["first"], input: .single(), output: .single()))
        let last = registration(ActivityDefinition(name: "Bill", aliases: ["last"], input: .single(), output: .single()))
        let keepFirst = [String: ActivityRegistration](registrations: [first, last], keepingFirst: true) { ($0.name, $0.aliases) }
        let keepLast = [String: ActivityRegistration](registrations: [first, last], keepingFirst: false) { ($0.name, $0.aliases) }
        #expect(keepFirst["Bill"]?.aliases == ["first"])
        #expect(keepLast["Bill"]?.aliases == ["last"])
    }

    @Test func aLocalActivityRequestedUnderAnAliasRuns() async throws {
        let runner = LocalActivityRunner(
            registrations: [String: ActivityRegistration](registrations: [registration(Self.charge)], keepingFirst: true) {
                ($0.name, $0.aliases)
            },
            dataConverter: .default,
            logger: Logger(label: "test")
        )
        let request = LocalActivityRequest(
            sequence: 1,
            activityType: "charge-v1",
            activityID: "1",
            input: [try DefaultPayloadConverter().toPayload(5)],
            options: ActivityOptions(startToCloseTimeout: .seconds(5))
        )
        let outcome = await runner.run(request, workflow: workflow)
        guard case .completed(let payloads) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        // The activity sees the type name it was scheduled under.
        #expect(try DefaultPayloadConverter().fromPayload(payloads[0], as: String.self) == "Charge 5 as charge-v1")
    }
}
