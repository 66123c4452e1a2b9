import Foundation
import Logging
import Synchronization
import TemporalContracts

/// The context of a local activity: it runs in the worker's process inside a workflow task, so
/// heartbeats have nowhere to go (they are dropped, as in the other SDKs) and cancellation comes
/// from the worker (eviction of the run, shutdown, the attempt's timeout).
final class LocalActivityContext: ActivityContext {
    let info: ActivityInfo
    let dataConverter: DataConverter
    let logger: Logger
    private let canceled = Mutex(false)

    init(info: ActivityInfo, dataConverter: DataConverter, logger: Logger) {
        self.info = info
        self.dataConverter = dataConverter
        self.logger = info.attemptLogger(logger)
    }

    func heartbeat(details: [Payload]) async {}

    var isCancellationRequested: Bool { canceled.withLock { $0 } }

    func cancel() {
        canceled.withLock { $0 = true }
    }
}
