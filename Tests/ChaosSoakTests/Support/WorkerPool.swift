#if canImport(Glibc)
import Foundation

/// The soak's worker processes on one task queue: a fault replaces one of them (killed or
/// terminated, then started again) while the others keep serving.
actor WorkerPool {
    private let address: String
    private let taskQueue: String
    private let logDirectory: URL
    private var workers: [ChaosWorkerProcess] = []
    /// Every process started, for their logs and memory figures.
    private var everyProcess: [ChaosWorkerProcess] = []

    init(address: String, taskQueue: String, logDirectory: URL) {
        self.address = address
        self.taskQueue = taskQueue
        self.logDirectory = logDirectory
    }

    var count: Int { workers.count }

    func start(count: Int) async throws {
        for _ in 0..<count { workers.append(try await launch()) }
    }

    /// SIGKILL of worker `slot`, then a new process in its place.
    func kill(slot: Int) async throws {
        await workers[slot].kill()
        workers[slot] = try await launch()
    }

    /// SIGTERM of worker `slot` (it drains what it holds), then a new process in its place.
    func terminate(slot: Int) async throws {
        await workers[slot].terminate()
        workers[slot] = try await launch()
    }

    /// The resident memory of each running worker, in kilobytes.
    func residentKilobytes() -> [Int] {
        workers.compactMap { $0.residentKilobytes() }
    }

    func stopAll() async {
        for worker in workers { await worker.terminate() }
        workers = []
    }

    /// Lines of every worker's log that contain `text` (case-insensitive).
    func logLines(containing text: String) -> [String] {
        everyProcess.flatMap { worker in
            worker.log().split(separator: "\n").filter { $0.localizedCaseInsensitiveContains(text) }.map { "\(worker.name): \($0)" }
        }
    }

    var launches: Int { everyProcess.count }

    private func launch() async throws -> ChaosWorkerProcess {
        let worker = try await ChaosWorkerProcess.start(
            name: "worker-\(everyProcess.count + 1)",
            address: address,
            taskQueue: taskQueue,
            logDirectory: logDirectory
        )
        everyProcess.append(worker)
        return worker
    }
}
#endif
