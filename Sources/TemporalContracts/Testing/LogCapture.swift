import Logging
import Synchronization

/// Keeps what code logged through a swift-log `Logger`, for the mock contexts' `logLines` and for
/// tests that count the lines a worker logged.
///
/// A `LogHandler` of its own rather than a global `LoggingSystem.bootstrap`, which a process may
/// call once only and which would mix the lines of tests that run in parallel.
public final class LogCapture: Sendable {
    /// One logged line with its level and metadata (the logger's merged with the call's).
    public struct Entry: Sendable {
        /// The level it was logged at.
        public var level: Logger.Level
        /// The message.
        public var message: String
        /// The metadata, each value as its description.
        public var metadata: [String: String]
    }

    private let captured = Mutex<[Entry]>([])

    /// Creates an empty capture.
    public init() {}

    /// A logger that writes into this capture, at every level from `logLevel` up.
    public func logger(label: String, logLevel: Logger.Level = .trace) -> Logger {
        var logger = Logger(label: label) { _ in Handler(capture: self) }
        logger.logLevel = logLevel
        return logger
    }

    /// What was logged, as `level: message`, in order.
    public var lines: [String] { entries.map { "\($0.level): \($0.message)" } }

    /// What was logged, in order, with levels and metadata.
    public var entries: [Entry] { captured.withLock { $0 } }

    /// The entries whose metadata has `value` for `key`: a worker's lines about one workflow, for
    /// example, by `workflow_id`.
    public func entries(where key: String, is value: String) -> [Entry] {
        entries.filter { $0.metadata[key] == value }
    }

    fileprivate func append(_ entry: Entry) {
        captured.withLock { $0.append(entry) }
    }

    private struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            capture.append(Entry(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" }))
        }
    }
}
