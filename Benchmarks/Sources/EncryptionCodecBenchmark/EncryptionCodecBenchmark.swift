import ArgumentParser
import BenchmarkSupport
import Crypto
import Foundation
import TemporalAPI
import TemporalContracts
import TemporalContractsConversion
import TemporalContractsEncryption

/// Compares the AES-256-GCM payload codec with the Python SDK's encryption sample codec, in the same
/// run, on `json/plain` payloads of about 1 KB, 100 KB and 2 MB, with and without zlib compression.
///
///     swift run -c release --package-path Benchmarks EncryptionCodecBenchmark [options]
///
/// One round trip is `encode([payload])` then `decode(...)`. Before timing, each side decodes the
/// other's encoded payload under the same key and must get the plain data back, so the figures
/// compare two codecs that read each other's output. Rounds alternate: each round measures every
/// case in Swift, then in a Python process (`python/encryption_codec.py`), so both see the same
/// machine load; the figures are medians over the rounds, in MB/s of plain payload data.
@main
struct EncryptionCodecBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "AES-256-GCM payload codec round trips, Swift against the Python SDK's encryption sample codec."
    )

    @Option(help: "Alternating rounds (each measures every case once per side).")
    var rounds = 3
    @Option(help: "Seconds each case runs at least, per side and round.")
    var seconds = 1.0
    @Option(help: "Seconds of warm-up before each case.")
    var warmup = 0.3
    @Option(help: "A Python interpreter with temporalio and cryptography, instead of Benchmarks/.venv.")
    var python: String?
    @Flag(help: "Measure the Swift side only.")
    var swiftOnly = false
    @Option(help: "Where to write the JSON results (default: Benchmarks/Results/EncryptionCodecBenchmark.json).")
    var results: String?

    func validate() throws {
        guard rounds > 0, seconds > 0, warmup >= 0 else { throw ValidationError("--rounds and --seconds must be positive") }
    }

    func run() async throws {
        let key = SymmetricKey(size: .bits256)
        let keyID = "benchmark-key"
        let keys = try StaticEncryptionKeys(current: keyID, keys: [keyID: key])
        let cases = try await CodecCase.all(keys: keys)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("encryption-codec-benchmark-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        print("EncryptionCodecBenchmark: one round trip = encode + decode of one json/plain payload; figures in MB/s of plain data")
        print("\(rounds) alternating rounds of ≥ \(format(seconds, digits: 1)) s per case and side\n")

        let interpreter = swiftOnly ? nil : try python ?? PythonVenv.prepare(benchmarksDirectory: Self.benchmarksDirectory)
        let spec = try await CodecCase.writeSpec(cases, key: key, keyID: keyID, into: scratch)
        var swiftRates = [String: [Double]]()
        var pythonRates = [String: [Double]]()
        for round in 1...rounds {
            for codecCase in cases {
                swiftRates[codecCase.name, default: []].append(try await codecCase.measure(seconds: seconds, warmup: warmup))
            }
            if let interpreter {
                let rates = try Self.runPython(interpreter, spec: spec, seconds: seconds, warmup: warmup)
                for codecCase in cases {
                    guard let rate = rates[codecCase.name]?.first else { Self.fail("Python gave no rate for \(codecCase.name)") }
                    pythonRates[codecCase.name, default: []].append(rate)
                }
                if round == 1 {
                    for codecCase in cases { try await codecCase.checkPythonPayload(in: scratch) }
                    print("each side decoded the other's payloads to the same data\n")
                }
            }
            print("round \(round) of \(rounds) done")
        }

        var record = BenchmarkResults(benchmark: "EncryptionCodecBenchmark")
        print("")
        print(pad("case", 22) + pad("bytes", 10) + pad("Swift MB/s", 12) + pad("Python MB/s", 13) + "ratio")
        for codecCase in cases {
            let megabytes = Double(codecCase.plain.count) / 1_000_000
            let swift = median(swiftRates[codecCase.name] ?? []) * megabytes
            let python = pythonRates[codecCase.name].map { median($0) * megabytes }
            let figure = BenchmarkResults.Figure(
                name: "round trip \(codecCase.name)",
                unit: "MB/s",
                swift: swift,
                python: python,
                lowerIsBetter: false
            )
            record.record(figure)
            print(
                pad(codecCase.name, 22) + pad("\(codecCase.plain.count)", 10) + pad(format(swift, digits: 1), 12)
                    + pad(python.map { format($0, digits: 1) } ?? "-", 13) + (figure.ratio.map { format($0, digits: 2) + "×" } ?? "-")
            )
        }
        try record.write(to: results)
    }

    /// `Benchmarks/`, found from this file's path at build time, else from the working directory.
    static var benchmarksDirectory: URL {
        guard let directory = PythonScript.benchmarksDirectory(containing: "encryption_codec.py") else {
            fail("cannot find Benchmarks/python/encryption_codec.py")
        }
        return directory
    }

    /// One Python round over every case: its rates per case (one run each).
    static func runPython(_ interpreter: String, spec: URL, seconds: Double, warmup: Double) throws -> [String: [Double]] {
        let script = benchmarksDirectory.appendingPathComponent("python/encryption_codec.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = [script.path, "--spec", spec.path, "--runs", "1", "--seconds", "\(seconds)", "--warmup", "\(warmup)"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard let result = PythonScript.result(in: text) else { fail("the Python side printed no result:\n\(text)") }
        if let error = result["error"] as? String { fail("the Python side: \(error)") }
        guard let rates = result["rates"] as? [String: [Double]] else { fail("the Python side printed no rates:\n\(text)") }
        return rates
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
        Foundation.exit(2)
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
