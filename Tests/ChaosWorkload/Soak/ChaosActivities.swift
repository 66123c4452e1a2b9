import Foundation
import TemporalContracts

/// The soak's activities. Every execution appends one line to `activities.log` in `logDirectory`
/// (see `ActivityExecutionLog`), so the soak counts executions across worker processes and kills.
public struct ChaosActivities: Chaos.ActivityImplementations {
    public let log: ActivityExecutionLog

    public init(logDirectory: URL) {
        log = ActivityExecutionLog(directory: logDirectory)
    }

    public func flaky(value: Int, failures: Int, context: any ActivityContext) async throws -> Int {
        log.record(context.info)
        try await Task.sleep(for: .milliseconds(50))
        if context.info.attempt <= failures {
            throw ApplicationError("planned failure \(context.info.attempt) of \(failures)", type: "PlannedFailure")
        }
        return ChaosOracle.flaky(of: value)
    }

    public func mix(value: Int, context: any ActivityContext) async throws -> Int {
        log.record(context.info)
        return ChaosOracle.mix(of: value)
    }

    public func linger(value: Int, context: any ActivityContext) async throws -> Int {
        log.record(context.info)
        let deadline = ContinuousClock.now.advanced(by: .seconds(60))
        while ContinuousClock.now < deadline {
            try await context.heartbeat(value)
            try context.checkCancellation()
            try await Task.sleep(for: .milliseconds(200))
        }
        return -1
    }
}
