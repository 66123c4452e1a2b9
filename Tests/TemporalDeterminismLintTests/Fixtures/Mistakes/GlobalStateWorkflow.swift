import TemporalContracts

var startedCount = 0
var observed: Int = 0 {
    didSet { print(observed) }
}
var computedTotal: Int { startedCount * 2 }
let limit = 10

/// Shares state between executions through globals and statics.
final class GlobalStateWorkflow: Payments.AuthorizeWorkflow {
    static var cache: [String: Int] = [:]
    static let fixed = 3
    private var ownCount = 0

    func run(context: any WorkflowContext) async throws {
        startedCount += 1
        observed = limit + computedTotal + Self.fixed
        Self.cache["run"] = ownCount
        GlobalStateWorkflow.cache.removeAll()
        ownCount += 1
    }

    func shadowed(startedCount: Int, values: [Int]) -> Int {
        let observed = startedCount + 1
        guard let limit = values.first else { return observed }
        return values.map { startedCount in startedCount + limit }.count
    }
}
