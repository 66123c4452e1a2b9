import TemporalContracts

/// Upserts a stage into its search attributes and memo, then reports what it reads of both.
final class ShipWorkflow: Searchable.ShipWorkflow {
    func run(_ input: Searchable.Parcel, context: any WorkflowContext) async throws -> Searchable.ParcelReport {
        var stage = SearchAttributes()
        stage[Searchable.SearchAttributes.swiftStage] = "shipped"
        context.upsertSearchAttributes(stage)
        try context.upsertMemo(["stage": "shipped"])
        try await context.sleep(for: .milliseconds(100))
        return Searchable.ParcelReport(
            customerID: context.searchAttributes[Searchable.SearchAttributes.swiftCustomer] ?? "",
            stage: context.searchAttributes[Searchable.SearchAttributes.swiftStage] ?? "",
            customerMemo: try context.memoValue("customer", as: String.self) ?? ""
        )
    }
}
