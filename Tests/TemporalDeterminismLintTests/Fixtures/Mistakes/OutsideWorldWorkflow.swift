import Foundation
import TemporalContracts

/// Reaches the file system, the network, the environment and the console.
final class OutsideWorldWorkflow: WorkflowImplementation {
    func run(context: any WorkflowContext) async throws {
        let exists = FileManager.default.fileExists(atPath: "/tmp/flag")
        let (data, _) = try await URLSession.shared.data(from: URL(string: "https://example.com")!)
        let region = ProcessInfo.processInfo.environment["REGION"]
        let home = getenv("HOME")
        print("started", exists, data.count, region ?? "", home != nil)
        context.logger.info("started")
    }
}
