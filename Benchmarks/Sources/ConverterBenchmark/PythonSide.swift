import BenchmarkSupport
import Foundation

/// What `python/converter_roundtrip.py` printed as its last JSON line.
struct PythonResult {
    var pythonVersion: String
    var temporalio: String
    var rates: Rates
    /// The json/plain data Python's converter made for the order.
    var payloadData: Data
    var encoding: String?
    /// Whether Python decoded the Swift payload to an equal `Order`, and why not.
    var checkedSwiftPayload: Bool?
    var checkError: String?
}

enum PythonSide {
    /// `Benchmarks/`, found from this file's path at build time, else from the working directory.
    static var benchmarksDirectory: URL {
        guard let directory = PythonScript.benchmarksDirectory(containing: "converter_roundtrip.py") else {
            ConverterBenchmark.fail("cannot find Benchmarks/python/converter_roundtrip.py")
        }
        return directory
    }

    static var script: URL { benchmarksDirectory.appendingPathComponent("python/converter_roundtrip.py") }

    /// The benchmarks' shared venv, prepared (see `PythonVenv`).
    static func prepareVenv() throws -> String {
        try PythonVenv.prepare(benchmarksDirectory: benchmarksDirectory)
    }

    /// Runs the script and reads its last JSON line. A non-zero exit after that line is ignored: the
    /// temporalio bridge can abort interpreter shutdown once the work is done.
    static func run(interpreter: String, runs: Int, seconds: Double, warmup: Double, checkPayload: Data) throws -> PythonResult {
        let arguments = [
            script.path,
            "--runs", "\(runs)",
            "--seconds", "\(seconds)",
            "--warmup", "\(warmup)",
            "--check-payload", checkPayload.base64EncodedString(),
        ]
        let (status, stdout, stderr) = try capture(interpreter, arguments)
        guard let object = PythonScript.result(in: stdout),
            let rates = object["rates"] as? [Double], !rates.isEmpty,
            let payloadText = object["payload_base64"] as? String,
            let payloadData = Data(base64Encoded: payloadText)
        else {
            ConverterBenchmark.fail(
                "the Python side printed no result line (exit status \(status))\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)"
            )
        }
        if status != 0 {
            print("note: the Python process exited with status \(status) after printing its result; the result is used")
        }
        return PythonResult(
            pythonVersion: object["python"] as? String ?? "?",
            temporalio: object["temporalio"] as? String ?? "?",
            rates: Rates(rates: rates),
            payloadData: payloadData,
            encoding: (object["metadata"] as? [String: String])?["encoding"],
            checkedSwiftPayload: object["check_payload_equal"] as? Bool,
            checkError: object["check_payload_error"] as? String
        )
    }

    /// Runs a command with its output in temporary files (no pipe can fill up), and returns them.
    static func capture(_ executable: String, _ arguments: [String]) throws -> (Int32, String, String) {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("converter-benchmark-\(ProcessInfo.processInfo.processIdentifier)")
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
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdout = String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
        return (process.terminationStatus, stdout, stderr)
    }
}
