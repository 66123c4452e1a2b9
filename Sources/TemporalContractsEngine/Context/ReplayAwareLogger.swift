import Logging
import TemporalContracts

/// The logger workflow code gets from its context: swift-log with the run's metadata, silent
/// while the engine replays history so each line is written once per execution.
struct ReplayAwareLogger: WorkflowLogger {
    let engine: WorkflowEngine

    func log(_ level: WorkflowLogLevel, _ message: @autoclosure () -> String, metadata: [String: String]) {
        guard !engine.isReplaying else { return }
        let level: Logger.Level =
            switch level {
            case .debug: .debug
            case .info: .info
            case .warning: .warning
            case .error: .error
            }
        engine.baseLogger.log(level: level, "\(message())", metadata: metadata.mapValues { .string($0) })
    }
}
