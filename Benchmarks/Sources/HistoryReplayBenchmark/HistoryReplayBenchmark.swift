import ArgumentParser
import BenchmarkSupport
import Foundation
import TemporalAPI
import TemporalContractsEngine

/// Replay of long histories (1,000, 10,000 and 50,000 events of activities, timers, signals and patch
/// markers) by `WorkflowReplayer` against the Python SDK's `Replayer`, alternating in one run, each
/// replay in its own process: time per event (marginal, between sizes, so per-replay set-up drops
/// out) and peak memory.
@main
struct HistoryReplayBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replays long LongHistory histories with the Swift and the Python SDK's replayer: time and memory per event."
    )

    @Option(help: "History sizes in events, comma-separated (each is approximate: whole iterations).")
    var sizes = CountList([1000, 10000, 50000])

    @Option(help: "Rounds; each runs one Swift and one Python replay process per size, alternating.")
    var rounds: Int = 3

    @Option(help: "Replays per process; the fastest counts.")
    var repeats: Int = 3

    @Flag(help: "Skip the Python SDK's replayer.")
    var swiftOnly = false

    @Option(help: "Keep the generated histories (binary protobuf and JSON) in this folder.")
    var keep: String?

    @Flag(help: "Also record runs on a dev server and query them through an uncached Swift worker (history paging).")
    var devServer = false

    @Option(help: "History sizes for the dev-server part, comma-separated.")
    var serverSizes = CountList([1000, 3000])

    @Option(help: "Timer length in the dev-server runs, in milliseconds (the server waits them out).")
    var serverTimerMs: Int = 1

    @Option(help: .hidden)
    var replayHistory: String?

    func run() async throws {
        if let replayHistory {
            try Self.replayInProcess(path: replayHistory, repeats: repeats)
            return
        }
        let targets = sizes.values.sorted()
        let folder =
            keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("history-replay-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: folder) } }

        print("recording LongHistory histories in the test environment")
        var files: [(events: Int, binary: URL, json: URL)] = []
        for target in targets {
            let clock = ContinuousClock()
            let started = clock.now
            let history = try await HistoryGenerator.history(events: target)
            let binary = folder.appendingPathComponent("long-history-\(target).binpb")
            let json = folder.appendingPathComponent("long-history-\(target).json")
            try history.serializedData().write(to: binary)
            try history.jsonString().write(to: json, atomically: true, encoding: .utf8)
            files.append((history.events.count, binary, json))
            print("  \(formatRate(Double(history.events.count))) events in \(format((clock.now - started).seconds, digits: 1)) s")
        }

        var swift: [Int: [ReplayReport]] = [:]
        var python: [Int: [ReplayReport]] = [:]
        var progress = Progress("replay processes", total: rounds * files.count * (swiftOnly ? 1 : 2))
        var done = 0
        print("\n\(rounds) rounds of one Swift and one Python replay process per size, \(repeats) replays per process")
        for _ in 0..<rounds {
            for file in files {
                swift[file.events, default: []].append(try ReplayProcess.swift(history: file.binary, repeats: repeats))
                done += 1
                progress.update(done)
                if !swiftOnly {
                    python[file.events, default: []].append(try ReplayProcess.python(history: file.json, repeats: repeats))
                    done += 1
                    progress.update(done)
                }
            }
        }
        let summary = ReplaySummary(sizes: files.map(\.events), swift: swift, python: python)
        summary.print()
        var results = BenchmarkResults(
            benchmark: "HistoryReplayBenchmark",
            notes: [
                "sizes \(files.map(\.events)), \(rounds) rounds, \(repeats) replays per process (fastest counts), medians over rounds",
                "load average at the end: \(Self.loadAverage)",
            ]
        )
        summary.record(into: &results)
        if devServer {
            let serverTargets = serverSizes.values.sorted()
            let figures = try await ServerReplay(sizes: serverTargets, repeats: repeats, timer: .milliseconds(serverTimerMs)).run()
            ServerReplay.report(figures, into: &results)
        }
        try results.write()
    }

    /// The child-process mode: replays the binary history `repeats` times and prints a `ReplayReport`.
    static func replayInProcess(path: String, repeats: Int) throws {
        let history = try Temporal_Api_History_V1_History(serializedBytes: try Data(contentsOf: URL(fileURLWithPath: path)))
        let replayer = WorkflowReplayer(workflows: [LongHistory.registration])
        let before = ProcessUsage.current().residentBytes
        var seconds: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<max(repeats, 1) {
            let started = clock.now
            let engine = try replayer.replay(history, workflowID: "long-history")
            seconds.append((clock.now - started).seconds)
            engine.tearDown()
        }
        let report = ReplayReport(
            events: history.events.count,
            seconds: seconds,
            rssBefore: before,
            peakRSS: ProcessUsage.current().peakResidentBytes
        )
        print(String(decoding: try JSONEncoder().encode(report), as: UTF8.self))
    }

    static var loadAverage: String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?")
            .split(separator: " ").prefix(3).joined(separator: " ")
    }
}
