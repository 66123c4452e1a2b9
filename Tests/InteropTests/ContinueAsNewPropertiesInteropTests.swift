import Foundation
@_spi(Generated) import TemporalContracts
import TemporalContractsGRPC
import TemporalContractsWorker
import TemporalDevServer
import Testing

/// On a real dev server, with a payload codec on the client and the worker: a run's memo and
/// search attributes, its own upserts included, reach the run it continues as; memo values and the
/// static summary are stored encoded and come back decoded from `describe()`.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct ContinueAsNewPropertiesInteropTests {
    static let stage = SearchAttributeKey<String>.keyword("RelayStage")
    static let customer = SearchAttributeKey<String>.keyword("RelayCustomer")

    final class Relay: WorkflowImplementation {
        static let definition = WorkflowDefinition<Int, String>(name: "SwiftRelay", input: .single(), output: .single())
        static var registration: WorkflowRegistration {
            WorkflowRegistration(definition, implementation: Relay.self) { (_: Relay, leg: Int, context) in
                if leg == 1 {
                    var attributes = SearchAttributes()
                    attributes[ContinueAsNewPropertiesInteropTests.stage] = "first leg done"
                    context.upsertSearchAttributes(attributes)
                    try context.upsertMemo(["progress": "half way"])
                    try context.continueAsNew(definition, input: 2)
                }
                let stage = context.searchAttributes[ContinueAsNewPropertiesInteropTests.stage] ?? "-"
                let customer = context.searchAttributes[ContinueAsNewPropertiesInteropTests.customer] ?? "-"
                let origin = try context.memoValue("origin", as: String.self) ?? "-"
                let progress = try context.memoValue("progress", as: String.self) ?? "-"
                return "\(customer) \(stage); \(origin) \(progress)"
            }
        }

        init() {}
    }

    @Test func theContinuedRunKeepsMemoAndSearchAttributesThroughACodec() async throws {
        var options = DevServerOptions(searchDirectory: PythonPeer.repositoryRoot)
        options.searchAttributes = ["RelayStage": "Keyword", "RelayCustomer": "Keyword"]
        let server = try await DevServer.start(options)
        do {
            let connection = try await TemporalConnection.connect(
                TemporalConnectionOptions(host: server.host, port: server.port, namespace: server.namespace)
            )
            let converter = DataConverter(codecs: [WorkflowWorkerInteropTests.FlippingCodec()])
            let queue = "relay-\(UUID().uuidString)"
            let worker = try TemporalWorker(
                connection: connection,
                workflows: [Relay.registration],
                options: TemporalWorkerOptions(taskQueue: queue, dataConverter: converter)
            )
            do {
                try await running(worker) {
                    try await check(TemporalClient(connection: connection, dataConverter: converter), connection: connection, queue: queue)
                }
            } catch {
                await connection.close()
                throw error
            }
            await connection.close()
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    private func check(_ client: TemporalClient, connection: TemporalConnection, queue: String) async throws {
        var attributes = SearchAttributes()
        attributes[Self.customer] = "c-7"
        let workflowID = "relay-\(UUID().uuidString)"
        let first = try await client.start(
            Relay.definition,
            input: 1,
            options: WorkflowStartOptions(
                id: workflowID,
                taskQueue: queue,
                memo: ["origin": "cron"],
                searchAttributes: attributes,
                summary: "Relay run"
            )
        )
        // The latest run of the ID, once the chain has completed (bounded: 30 s).
        let deadline = ContinuousClock.now + .seconds(30)
        var latest = try await client.describe(WorkflowExecution(workflowID: workflowID))
        while latest.status != .completed && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(200))
            latest = try await client.describe(WorkflowExecution(workflowID: workflowID))
        }
        try #require(latest.status == .completed, "the relay did not complete within 30 s")
        #expect(latest.execution.runID != first.runID)
        let result = try await client.result(of: Relay.definition, execution: latest.execution)
        #expect(result == "c-7 first leg done; cron half way")
        #expect(try latest.memoValue("progress", as: String.self) == "half way")
        #expect(try latest.memoValue("origin", as: String.self) == "cron")
        #expect(latest.typedSearchAttributes[Self.stage] == "first leg done")
        #expect(latest.typedSearchAttributes[Self.customer] == "c-7")

        // The first run's summary and memo are stored encoded, and describe decodes them.
        let described = try await client.describe(first)
        #expect(described.staticSummary == "Relay run")
        #expect(try described.memoValue("origin", as: String.self) == "cron")
        let raw = try await TemporalClient(connection: connection).describe(first)
        #expect(raw.memo["origin"]?.metadata["encoding"] == WorkflowWorkerInteropTests.FlippingCodec.encoding)
        #expect(raw.staticSummary == nil, "a summary another codec wrote is left unread, not misread")
        #expect(raw.staticSummaryPayload?.metadata["encoding"] == WorkflowWorkerInteropTests.FlippingCodec.encoding)
    }
}
