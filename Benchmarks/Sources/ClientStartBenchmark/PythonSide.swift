import BenchmarkSupport
import Foundation

/// What `python/client_starts.py` printed as its last JSON line.
struct PythonRun {
    var result: RunResult
    var pythonVersion: String
    var temporalio: String
}

enum PythonSide {
    /// `Benchmarks/`, found from this file's path at build time, else from the working directory.
    static var benchmarksDirectory: URL {
        guard let directory = PythonScript.benchmarksDirectory(containing: "client_starts.py") else {
            ClientStartBenchmark.fail("cannot find Benchmarks/python/client_starts.py")
        }
        return directory
    }

    static var script: URL { benchmarksDirectory.appendingPathComponent("python/client_starts.py") }

    /// The benchmarks' shared venv, prepared (see `PythonVenv`).
    static func prepareVenv() throws -> String {
        try PythonVenv.prepare(benchmarksDirectory: benchmarksDirectory)
    }

    /// Runs the script for one round and reads its last JSON line. A non-zero exit after that line
    /// is ignored: the temporalio bridge can abort interpreter shutdown once the work is done.
    static func run(
        interpreter: String,
        address: String,
        namespace: String,
        options: ClientStartBenchmark.Options,
        prefix: String
    ) async throws -> PythonRun {
        let arguments = [
            script.path,
            "--address", address,
            "--namespace", namespace,
            "--task-queue", ClientStartBenchmark.taskQueue,
            "--count", "\(options.count)",
            "--concurrency", "\(options.concurrency)",
            "--warmup", "\(options.warmup)",
            "--id-prefix", prefix,
        ]
        let (status, stdout, stderr) = try await capture(interpreter, arguments)
        guard let object = PythonScript.result(in: stdout),
            let seconds = object["seconds"] as? Double,
            let count = object["count"] as? Int
        else {
            throw BenchmarkError(
                "the Python side printed no result line (exit status \(status))\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)"
            )
        }
        if status != 0 {
            print("note: the Python process exited with status \(status) after printing its result; the result is used")
        }
        let result = RunResult(
            count: count,
            seconds: seconds,
            clientCPUSeconds: object["cpu_seconds"] as? Double ?? .nan,
            serverCPUSeconds: nil,
            serverStarts: options.warmup + options.count,
            latencyP50: (object["latency_p50_ms"] as? Double ?? .nan) / 1000,
            latencyP99: (object["latency_p99_ms"] as? Double ?? .nan) / 1000,
            firstWorkflowID: object["first_id"] as? String ?? "\(prefix)-0"
        )
        return PythonRun(
            result: result,
            pythonVersion: object["python"] as? String ?? "?",
            temporalio: object["temporalio"] as? String ?? "?"
        )
    }

    /// Runs a command with its output in temporary files (no pipe can fill up), and returns them.
    static func capture(_ executable: String, _ arguments: [String]) async throws -> (Int32, String, String) {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("client-start-benchmark-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = err
        // Waits without blocking a thread of the cooperative pool.
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
            } catch {
                continuation.resume(throwing: error)
            }
        }
        try out.close()
        try err.close()
        let stdout = String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
        return (process.terminationStatus, stdout, stderr)
    }
}
