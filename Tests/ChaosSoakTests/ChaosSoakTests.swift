// Linux only: the fault proxy uses Glibc's sockets and memory is read from /proc.
#if canImport(Glibc)
import Foundation
import Testing

/// The chaos soak: N workflows of the Chaos contract, each using every feature of the worker,
/// run by several `chaos-worker` processes while faults are injected at random from a printed
/// seed — workers killed and terminated, the dev server restarted on its database file, the
/// workers' network reset, stalled, delayed and left half-open by a proxy. Then every workflow
/// must have the oracle's outcome, every activity must have run within its retry policy, no
/// workflow task may have failed for nondeterminism, every update must be applied exactly once,
/// and the workers' memory must stay bounded. See README.md for the long form.
@Suite(.serialized)
struct ChaosSoakTests {
    @Test(.timeLimit(.minutes(SoakSettings.timeLimitMinutes)))
    func workflowsFinishAsTheOracleSaysUnderInjectedFaults() async throws {
        let settings = SoakSettings.fromEnvironment()
        print("chaos soak: \(settings.workflows) workflows, seed \(settings.seed) (CHAOS_SEED), faults for \(settings.faultSeconds)s")
        let began = ContinuousClock.now
        let soak = try await SoakRun.start(settings)
        var failures: [String] = []
        do {
            try await soak.drive()
            failures = try await soak.check()
        } catch {
            failures.append("the soak did not finish: \(error)")
        }
        await soak.tearDown()
        await soak.printFigures(wallTime: ContinuousClock.now - began, failures: failures.count)
        for failure in failures.prefix(25) { Issue.record(Comment(rawValue: failure)) }
        if failures.count > 25 { Issue.record("… and \(failures.count - 25) more failures") }
        if failures.isEmpty {
            try? FileManager.default.removeItem(at: soak.directory)
        } else {
            print("chaos soak: seed \(settings.seed); logs kept in \(soak.directory.path)")
        }
    }
}
#endif
