import Foundation
import TemporalAPI
import TemporalContracts
import TemporalContractsEngine
import TemporalContractsTesting
import Testing

/// Search attributes and memo: set at start from the contract's input mappings, read and upserted
/// by workflow code, replayed deterministically, described and listed by the test environment.
@Suite("Search attributes and memo", .timeLimit(.minutes(2)))
struct SearchAttributeTests {
    static let order = Tagging.TaggedOrder(customerID: "c-42", amount: 1200, kind: .express, note: nil)

    /// Runs the Tagged workflow to its end in a fresh environment; returns its report, history and description.
    static func run(
        options: WorkflowStartOptions = WorkflowStartOptions(id: "tagged")
    ) async throws -> (Tagging.TaggedReport, Temporal_Api_History_V1_History, WorkflowExecutionDescription) {
        let environment = WorkflowTestEnvironment(workflows: [TaggedWorkflow.registration])
        defer { Task { await environment.shutdown() } }
        let client = Tagging.Client(environment.client)
        let handle = try await client.startTagged(order, options: options)
        let report = try await handle.result()
        let history = try await environment.history(of: handle.execution)
        let description = try await environment.client.describe(handle.execution)
        return (report, history, description)
    }

    @Test func theStartCarriesTheContractsMappingsAndTheWorkflowReadsThemWithItsUpserts() async throws {
        let (report, history, _) = try await Self.run()
        #expect(report.customerID == "c-42")
        #expect(report.amount == 1200)
        #expect(report.stage == "packed")
        #expect(report.customerMemo == "c-42")
        #expect(report.stageMemo == "packed")
        let started = history.events[0].workflowExecutionStartedEventAttributes
        #expect(started.searchAttributes.indexedFields.keys.sorted() == ["Channel", "CustomerId", "OrderAmount"])
        #expect(started.memo.fields.keys.sorted() == ["customer", "kind"], "an unset optional field sets no memo entry")
        let upserts = history.events.filter { $0.eventType == .upsertWorkflowSearchAttributes }
        #expect(
            upserts.map { $0.upsertWorkflowSearchAttributesEventAttributes.searchAttributes.indexedFields.keys.sorted() } == [
                ["OrderStage"]
            ]
        )
        #expect(history.events.filter { $0.eventType == .workflowPropertiesModified }.count == 1)
    }

    @Test func aCallsOwnValuesWinOverTheMappings() async throws {
        var attributes = SearchAttributes()
        attributes[Tagging.SearchAttributes.customerID] = "override"
        attributes[Tagging.SearchAttributes.express] = true
        let (report, _, description) = try await Self.run(
            options: WorkflowStartOptions(id: "tagged", memo: ["customer": "memo-override"], searchAttributes: attributes)
        )
        #expect(report.customerID == "override")
        #expect(report.customerMemo == "memo-override")
        #expect(description.typedSearchAttributes[Tagging.SearchAttributes.express] == true)
    }

    @Test func describeReturnsTypedSearchAttributesAndTheMemoAfterUpserts() async throws {
        let (_, _, description) = try await Self.run()
        let attributes = description.typedSearchAttributes
        #expect(attributes[Tagging.SearchAttributes.customerID] == "c-42")
        #expect(attributes[Tagging.SearchAttributes.orderAmount] == 1200)
        #expect(attributes[Tagging.SearchAttributes.orderStage] == "packed")
        #expect(attributes[Tagging.SearchAttributes.channel] == "direct", "the `${! … }` mapping's fallback for the unset note")
        #expect(try description.memoValue("kind", as: Tagging.Kind.self) == .express)
        #expect(try description.memoValue("stage", as: String.self) == "packed")
    }

    @Test func theHistoryReplaysAndCodeThatStoppedUpsertingIsNondeterministic() async throws {
        let (_, history, _) = try await Self.run()
        try WorkflowReplayer(workflows: [TaggedWorkflow.registration]).replay(history).tearDown()
        do {
            try WorkflowReplayer(workflows: [UntaggedWorkflow.registration]).replay(history).tearDown()
            Issue.record("replaying without the upserts succeeded")
        } catch let error as NondeterminismError {
            #expect("\(error)".contains("UpsertWorkflowSearchAttributes"), "\(error)")
        }
    }

    @Test func upsertingOtherValuesThanTheHistoryIsNondeterministic() async throws {
        var (_, history, _) = try await Self.run()
        let index = try #require(history.events.firstIndex { $0.eventType == .upsertWorkflowSearchAttributes })
        var changed = SearchAttributes()
        changed[Tagging.SearchAttributes.orderStage] = "shipped"
        history.events[index].upsertWorkflowSearchAttributesEventAttributes.searchAttributes.indexedFields =
            changed.payloads.mapValues { payload in
                var api = Temporal_Api_Common_V1_Payload()
                api.metadata = payload.metadata
                api.data = payload.data
                return api
            }
        #expect(throws: NondeterminismError.self) {
            try WorkflowReplayer(workflows: [TaggedWorkflow.registration]).replay(history).tearDown()
        }
    }

    @Test func listQueriesSelectBySearchAttribute() async throws {
        let environment = WorkflowTestEnvironment(workflows: [TaggedWorkflow.registration])
        defer { Task { await environment.shutdown() } }
        let client = Tagging.Client(environment.client)
        _ = try await client.executeTagged(Self.order, options: WorkflowStartOptions(id: "first"))
        _ = try await client.executeTagged(
            Tagging.TaggedOrder(customerID: "c-7", amount: 5, kind: .standard),
            options: WorkflowStartOptions(id: "second")
        )
        let found = try await environment.client.listWorkflows(query: "CustomerId = 'c-7' AND OrderStage = 'packed'")
        #expect(found.map(\.execution.workflowID) == ["second"])
        #expect(try await environment.client.listWorkflows(query: "OrderAmount = '1200'").map(\.execution.workflowID) == ["first"])
        await #expect(throws: UnsupportedOptionError.self) {
            try await environment.client.listWorkflows(query: "OrderAmount > 3")
        }
    }

    @Test func aChildStartsWithTheContractsMappingsOfItsInput() async throws {
        let environment = WorkflowTestEnvironment(workflows: [TaggedWorkflow.registration, TagParentWorkflow.registration])
        defer { Task { await environment.shutdown() } }
        let report = try await Tagging.Client(environment.client).executeTagParent(Self.order, options: WorkflowStartOptions(id: "parent"))
        #expect(report.customerID == "c-42")
        #expect(report.customerMemo == "c-42")
        let child = try await environment.client.describe(WorkflowExecution(workflowID: "tagged-child"))
        #expect(child.typedSearchAttributes[Tagging.SearchAttributes.orderAmount] == 1200)
        #expect(try child.memoValue("kind", as: Tagging.Kind.self) == .express)
        #expect(child.typedSearchAttributes[Tagging.SearchAttributes.express] == true)
        #expect(try child.memoValue("parent", as: String.self) == "parent")
    }

    @Test func theMockContextRecordsUpserts() async throws {
        let context = MockWorkflowContext()
        context.searchAttributes[Tagging.SearchAttributes.customerID] = "c-1"
        let report = try await TaggedWorkflow().run(Self.order, context: context)
        #expect(report.customerID == "c-1")
        #expect(report.stage == "packed")
        #expect(context.searchAttributeUpserts.map { $0.values.keys.sorted() } == [["OrderStage"]])
        #expect(context.memoUpserts == [["stage"]])
    }
}
