import Logging
import Synchronization

/// The log handler behind workflow code's `context.logger`: the driver's handler (its metadata
/// for the run included), silent while the engine replays history so each line is written once
/// per execution.
struct ReplayAwareLogHandler: LogHandler {
    /// Whether the engine is replaying: the engine sets it, handlers (copied into every `Logger`
    /// value workflow code makes) read it. A class, since `LogHandler` values must be `Sendable`
    /// and the engine is not.
    final class ReplayFlag: Sendable {
        private let replaying = Atomic<Bool>(false)

        var isReplaying: Bool {
            get { replaying.load(ordering: .relaxed) }
            set { replaying.store(newValue, ordering: .relaxed) }
        }
    }

    var base: any LogHandler
    let flag: ReplayFlag

    var metadata: Logger.Metadata {
        get { base.metadata }
        set { base.metadata = newValue }
    }

    var logLevel: Logger.Level {
        get { base.logLevel }
        set { base.logLevel = newValue }
    }

    var metadataProvider: Logger.MetadataProvider? {
        get { base.metadataProvider }
        set { base.metadataProvider = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { base[metadataKey: key] }
        set { base[metadataKey: key] = newValue }
    }

    func log(event: LogEvent) {
        guard !flag.isReplaying else { return }
        base.log(event: event)
    }
}
