import Foundation
import TemporalDevServer

/// The OTLP/HTTP collector process (`python/otlp_collector.py`): receives the spans of every
/// process of a test and writes them as JSON lines.
final class SpanCollector: Sendable {
    let process: ChildProcess
    let directory: URL
    /// The OTLP/HTTP traces endpoint, `http://127.0.0.1:<port>/v1/traces`.
    let tracesEndpoint: String

    private var spansFile: URL { directory.appending(path: "spans.jsonl") }

    private init(process: ChildProcess, directory: URL, port: Int) {
        self.process = process
        self.directory = directory
        tracesEndpoint = "http://127.0.0.1:\(port)/v1/traces"
    }

    static func start() async throws -> SpanCollector {
        let directory = try PythonTracingPeer.temporaryDirectory("span-collector")
        let process = try PythonTracingPeer.launch(
            "otlp_collector.py",
            arguments: ["--output", directory.appending(path: "spans.jsonl").path],
            in: directory
        )
        do {
            try await process.waitForOutputLine("READY", timeout: .seconds(60))
        } catch {
            await process.stop(gracePeriod: .seconds(2))
            throw TracingTestError(description: "the collector did not start: \(error)\n\(process.outputTail())")
        }
        let portLine = process.standardOutputText().split(whereSeparator: \.isNewline).first { $0.hasPrefix("PORT ") }
        guard let port = portLine.flatMap({ Int($0.dropFirst("PORT ".count)) }) else {
            await process.stop(gracePeriod: .seconds(2))
            throw TracingTestError(description: "the collector printed no port:\n\(process.outputTail())")
        }
        return SpanCollector(process: process, directory: directory, port: port)
    }

    /// Every span received so far.
    func spans() throws -> [CollectedSpan] {
        guard let text = try? String(contentsOf: spansFile, encoding: .utf8) else { return [] }
        let decoder = JSONDecoder()
        return try text.split(whereSeparator: \.isNewline).map { try decoder.decode(CollectedSpan.self, from: Data($0.utf8)) }
    }

    /// Waits until the spans received satisfy `done`, polling, for at most `timeout`.
    func waitForSpans(
        timeout: Duration = .seconds(60),
        until done: ([CollectedSpan]) -> Bool
    ) async throws -> [CollectedSpan] {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            let spans = try spans()
            if done(spans) { return spans }
            guard ContinuousClock.now < deadline else {
                throw TracingTestError(description: "the expected spans did not arrive within \(timeout); got:\n\(spans.tree)")
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    func stop() async {
        await process.stop(gracePeriod: .seconds(5))
        try? FileManager.default.removeItem(at: directory)
    }
}
