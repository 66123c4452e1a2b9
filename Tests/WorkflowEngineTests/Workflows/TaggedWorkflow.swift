import Foundation
import TemporalContracts

/// Reads the search attributes and memo its start set from the input, upserts a stage into both,
/// and reports what it reads after the upserts and a timer (so a later workflow task replays them).
final class TaggedWorkflow: Tagging.TaggedWorkflow {
    func run(_ input: Tagging.TaggedOrder, context: any WorkflowContext) async throws -> Tagging.TaggedReport {
        try await tag(context, upserting: true)
    }
}

/// The same workflow before it upserted anything: its code no longer matches a history with
/// the upserts.
final class UntaggedWorkflow: Tagging.TaggedWorkflow {
    func run(_ input: Tagging.TaggedOrder, context: any WorkflowContext) async throws -> Tagging.TaggedReport {
        try await tag(context, upserting: false)
    }
}

private func tag(_ context: any WorkflowContext, upserting: Bool) async throws -> Tagging.TaggedReport {
    if upserting {
        var stage = SearchAttributes()
        stage[Tagging.SearchAttributes.orderStage] = "packed"
        context.upsertSearchAttributes(stage)
        try context.upsertMemo(["stage": "packed"])
    }
    try await context.sleep(for: .seconds(60))
    let attributes = context.searchAttributes
    return Tagging.TaggedReport(
        customerID: attributes[Tagging.SearchAttributes.customerID] ?? "",
        amount: attributes[Tagging.SearchAttributes.orderAmount] ?? -1,
        stage: attributes[Tagging.SearchAttributes.orderStage] ?? "",
        customerMemo: try context.memoValue("customer", as: String.self) ?? "",
        stageMemo: try context.memoValue("stage", as: String.self) ?? ""
    )
}
