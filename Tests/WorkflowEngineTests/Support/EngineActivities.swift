import Foundation
import Synchronization
import TemporalContracts

/// Real Swift activities of the fixture contract; `jitter` makes their timing vary so the
/// determinism tests see different thread schedules.
struct EngineActivities: Engine.ActivityImplementations {
    let jitter: Bool
    let compensations = CompensationLog()

    init(jitter: Bool = false) {
        self.jitter = jitter
    }

    private func wobble() async {
        guard jitter else { return }
        if Bool.random() { await Task.yield() }
        if Int.random(in: 0..<4) == 0 { try? await Task.sleep(for: .microseconds(Int.random(in: 1...300))) }
    }

    func step(index: Int, context: any ActivityContext) async throws -> Int {
        await wobble()
        return index * 10
    }

    func greet(_ input: String, context: any ActivityContext) async throws -> String {
        await wobble()
        return "Hello, \(input)!"
    }

    func flaky(context: any ActivityContext) async throws -> Int {
        await wobble()
        guard context.info.attempt >= 3 else { throw ApplicationError("not yet (attempt \(context.info.attempt))", type: "NotYet") }
        return context.info.attempt
    }

    func fail(_ input: String, context: any ActivityContext) async throws {
        throw ApplicationError(input, type: "Deliberate")
    }

    func waitForCancel(context: any ActivityContext) async throws -> String {
        while !context.isCancellationRequested {
            try? await Task.sleep(for: .milliseconds(5))
        }
        throw CanceledError("acknowledged")
    }

    func compensate(_ input: String, context: any ActivityContext) async throws {
        compensations.append(input)
    }
}

/// What the Compensate activity was asked to undo.
final class CompensationLog: Sendable {
    private let entries = Mutex<[String]>([])

    var all: [String] { entries.withLock { $0 } }

    func append(_ entry: String) {
        entries.withLock { $0.append(entry) }
    }
}
