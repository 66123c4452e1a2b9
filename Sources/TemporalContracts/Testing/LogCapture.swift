import Logging
import Synchronization

/// Keeps what code logged through a swift-log `Logger`, for the mock contexts' `logLines`.
///
/// A `LogHandler` of its own rather than a global `LoggingSystem.bootstrap`, which a process may
/// call once only and which would mix the lines of tests that run in parallel.
public final class LogCapture: Sendable {
    private let captured = Mutex<[String]>([])

    /// Creates an empty capture.
    public init() {}

    /// A logger that writes into this capture, at every level down to `trace`.
    public func logger(label: String) -> Logger {
        Logger(label: label) { _ in Handler(capture: self) }
    }

    /// What was logged, as `level: message`, in order.
    public var lines: [String] { captured.withLock { $0 } }

    fileprivate func append(_ line: String) {
        captured.withLock { $0.append(line) }
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
            capture.append("\(event.level): \(event.message)")
        }
    }
}
