import Foundation
import TemporalContracts
import TemporalContractsGRPC
import TemporalContractsWorker
import TemporalDevServer
import Testing

/// Search attributes and memo on a real dev server, with the Python SDK as the peer: the dev
/// server registers the contract's attributes (`DevServerOptions.searchAttributes`), a Swift
/// client starts the generated `Ship` workflow with attributes and memo mapped from its input,
/// the Swift workflow upserts more, a list query finds it, and Python reads what Swift set —
/// and the reverse.
@Suite(.serialized, .timeLimit(.minutes(4)))
struct SearchAttributeInteropTests {
    /// The contract's attributes as the dev server registers them.
    static let registered = Searchable.SearchAttributes.declared.mapValues(\.serverName)

    /// A dev server with `registration` and a Swift worker of `Ship`, for `body`.
    func withServer(
        registering registration: [String: String] = registered,
        _ body: (DevServer, TemporalClient) async throws -> Void
    ) async throws {
        var options = DevServerOptions(searchDirectory: PythonPeer.repositoryRoot)
        options.searchAttributes = registration
        let server = try await DevServer.start(options)
        do {
            let connection = try await TemporalConnection.connect(
                TemporalConnectionOptions(host: server.host, port: server.port, namespace: server.namespace)
            )
            let worker = try TemporalWorker(connection: connection, workflows: [ShipWorkflow.registration])
            do {
                try await running(worker) { try await body(server, TemporalClient(connection: connection)) }
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

    /// What the Python client prints for `arguments`, as JSON.
    func python(_ server: DevServer, _ arguments: [String]) async throws -> [String: Any] {
        let output = try await PythonCommand.run(
            script: "searchable_client.py",
            arguments: [arguments[0], "--address", server.address, "--namespace", server.namespace] + arguments.dropFirst(),
            timeout: .seconds(90)
        )
        let line = try #require(output.split(separator: "\n").last, "the Python client printed nothing")
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    /// Polls a list query every half second, for up to 30 seconds (visibility is eventually
    /// consistent), until it finds `workflowID`.
    func list(_ client: TemporalClient, _ query: String, finds workflowID: String) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if try await client.listWorkflows(query: query).contains(where: { $0.execution.workflowID == workflowID }) { return true }
            try await Task.sleep(for: .milliseconds(500))
        }
        return false
    }

    @Test func swiftSetsAndUpsertsListFindsAndPythonReads() async throws {
        try await withServer { server, temporal in
            let client = Searchable.Client(temporal)
            let customer = "c-\(UUID().uuidString.prefix(8))"
            let workflowID = "ship-\(customer)"
            let report = try await client.executeShip(
                Searchable.Parcel(customerID: customer, amount: 1200),
                options: WorkflowStartOptions(id: workflowID)
            )
            #expect(report == Searchable.ParcelReport(customerID: customer, stage: "shipped", customerMemo: customer))

            let query = "SwiftCustomer = '\(customer)' AND SwiftStage = 'shipped' AND SwiftAmount = 1200"
            #expect(try await list(temporal, query, finds: workflowID), "no workflow matched \(query) within 30 s")

            let description = try await temporal.describe(WorkflowExecution(workflowID: workflowID))
            #expect(description.typedSearchAttributes[Searchable.SearchAttributes.swiftAmount] == 1200)
            #expect(description.typedSearchAttributes[Searchable.SearchAttributes.swiftStage] == "shipped")
            #expect(try description.memoValue("stage", as: String.self) == "shipped")

            let fromPython = try await python(server, ["describe", "--workflow-id", workflowID])
            let attributes = try #require(fromPython["search_attributes"] as? [String: Any])
            #expect(attributes["SwiftCustomer"] as? String == customer)
            #expect(attributes["SwiftAmount"] as? Int == 1200)
            #expect(attributes["SwiftStage"] as? String == "shipped")
            let memo = try #require(fromPython["memo"] as? [String: Any])
            #expect(memo["customer"] as? String == customer)
            #expect(memo["stage"] as? String == "shipped")
        }
    }

    @Test func swiftReadsWhatAPythonClientSetAtStart() async throws {
        try await withServer { server, temporal in
            let customer = "py-\(UUID().uuidString.prefix(8))"
            let workflowID = "ship-\(customer)"
            let started = try await python(
                server,
                ["start", "--workflow-id", workflowID, "--task-queue", "searchable", "--customer", customer, "--amount", "7"]
            )
            // The workflow read the attributes and memo Python set, not its input's mappings.
            let result = try #require(started["result"] as? [String: Any])
            #expect(result["customer_id"] as? String == customer)
            #expect(result["customer_memo"] as? String == "python-\(customer)")

            let description = try await temporal.describe(WorkflowExecution(workflowID: workflowID))
            let attributes = description.typedSearchAttributes
            #expect(attributes[Searchable.SearchAttributes.swiftCustomer] == customer)
            #expect(attributes[Searchable.SearchAttributes.swiftAmount] == 7)
            #expect(attributes[Searchable.SearchAttributes.swiftStage] == "shipped")
            #expect(try description.memoValue("origin", as: [String: String].self) == ["sdk": "python"])
        }
    }

    @Test func aContractTypedDifferentlyFromTheServersRegistrationGetsANamedError() async throws {
        // The server registers SwiftAmount as Keyword; the contract declares it int.
        let registration = Self.registered.merging(["SwiftAmount": "Keyword"]) { $1 }
        try await withServer(registering: registration) { _, temporal in
            let client = Searchable.Client(temporal)
            await #expect(throws: SearchAttributeRegistrationError(name: "SwiftAmount", contractType: .int, serverType: .keyword)) {
                try await client.startShip(
                    Searchable.Parcel(customerID: "mismatch", amount: 1),
                    options: WorkflowStartOptions(id: "ship-mismatch")
                )
            }
        }
    }

    @Test func anUnregisteredAttributeGetsANamedErrorWithTheCommandToRegisterIt() async throws {
        try await withServer(registering: Self.registered.filter { $0.key != "SwiftCustomer" }) { _, temporal in
            let client = Searchable.Client(temporal)
            do {
                _ = try await client.startShip(
                    Searchable.Parcel(customerID: "c", amount: 1),
                    options: WorkflowStartOptions(id: "ship-unregistered")
                )
                Issue.record("the server accepted an unregistered search attribute")
            } catch let error as SearchAttributeRegistrationError {
                #expect(error == SearchAttributeRegistrationError(name: "SwiftCustomer", contractType: .keyword, serverType: nil))
                #expect("\(error)".contains("temporal operator search-attribute create --name SwiftCustomer --type Keyword"))
            }
        }
    }
}
