import Dispatch
import Foundation
import TemporalContracts

var requestCount = 0

/// Activities and helpers may use the machine: none of this is workflow code.
struct OrderActivities: Orders.ActivitiesProtocol {
    func reserve(sku: String) async throws -> UUID {
        requestCount += 1
        try await Task.sleep(for: .milliseconds(10))
        print("reserving", sku, Date(), ProcessInfo.processInfo.environment["HOME"] ?? "")
        DispatchQueue.global().async {}
        return UUID()
    }
}

/// Named like a workflow, but conforms to nothing.
final class ReportWorkflowRunner {
    func start() -> Date { Date.now }
}

/// The workflow protocol's name alone is not a workflow type.
enum Workflow {
    static func random() -> Int { Int.random(in: 0..<3) }
}

func helper() -> Int { Int.random(in: 0..<3) }
