import BenchmarkSupport
import Foundation
import SwiftProtobuf
import TemporalAPI
import TemporalContracts

/// The payload-size run: converter round trips (value → payload → value) of about 1 KB, 100 KB and
/// 2 MB, as `json/plain` (an `ExecutionPage` of Codable records) and `binary/protobuf` (the same
/// records as a `ListWorkflowExecutionsResponse`), Swift against the Python SDK. Rounds alternate:
/// each round measures every case once in Swift, then once in a Python process, so both sides see
/// the same machine load; the figures are medians over the rounds.
struct PayloadSizes {
    struct Case {
        var name: String
        var kind: String
        var targetBytes: Int
        var data: Data
        /// One round trip, returning something derived from the decoded value.
        var roundTrip: () throws -> Int
        /// Whether Python's own encoding of the value decodes to the Swift value.
        var matches: (Data) throws -> Bool
        /// The same round trip on the library underneath alone (JSONEncoder/JSONDecoder with the
        /// converter's settings, or swift-protobuf), to show what the converter itself adds.
        var bare: () throws -> Int
    }

    struct Figures {
        var swift: [Double] = []
        var bare: [Double] = []
        var python: [Double] = []
        var pythonBytes = 0
    }

    static let sizes: [(label: String, bytes: Int)] = [("1KB", 1_000), ("100KB", 100_000), ("2MB", 2_000_000)]
    /// Swift's lead needed per size: at least 5× at 1 KB, 2× above.
    static func targetRatio(bytes: Int) -> Double { bytes <= 1_000 ? 5 : 2 }

    var rounds: Int
    var seconds: Double
    var warmup: Double
    var interpreter: String?

    func run(record: inout BenchmarkResults) throws -> Bool {
        let jsonConverter = DefaultPayloadConverter()
        let protobufConverter = DefaultPayloadConverter(sendsProtobufBinary: true)
        let encoder = TemporalJSON.makeEncoder()
        let decoder = TemporalJSON.makeDecoder()
        var cases: [Case] = []
        for (label, bytes) in Self.sizes {
            let page = try Self.page(near: bytes) { try jsonConverter.toPayload($0).data.count }
            let payload = try jsonConverter.toPayload(page)
            cases.append(
                Case(
                    name: "json/\(label)",
                    kind: "json",
                    targetBytes: bytes,
                    data: payload.data,
                    roundTrip: {
                        try jsonConverter.fromPayload(try jsonConverter.toPayload(page), as: ExecutionPage.self).executions.count
                    },
                    matches: { data in
                        var foreign = payload
                        foreign.data = data
                        return try jsonConverter.fromPayload(foreign, as: ExecutionPage.self) == page
                    },
                    bare: { try decoder.decode(ExecutionPage.self, from: try encoder.encode(page)).executions.count }
                )
            )
        }
        for (label, bytes) in Self.sizes {
            let message = try Self.page(near: bytes) { try $0.message.serializedData().count }.message
            let payload = try protobufConverter.toPayload(message)
            guard payload.encoding == PayloadEncoding.protobufBinary else {
                ConverterBenchmark.fail("the protobuf payload has encoding \(payload.encoding ?? "none")")
            }
            typealias Message = Temporal_Api_Workflowservice_V1_ListWorkflowExecutionsResponse
            cases.append(
                Case(
                    name: "protobuf/\(label)",
                    kind: "protobuf",
                    targetBytes: bytes,
                    data: payload.data,
                    roundTrip: {
                        try protobufConverter.fromPayload(try protobufConverter.toPayload(message), as: Message.self).executions.count
                    },
                    matches: { data in
                        var foreign = payload
                        foreign.data = data
                        return try protobufConverter.fromPayload(foreign, as: Message.self) == message
                    },
                    bare: { try Message(serializedBytes: try message.serializedBytes() as [UInt8]).executions.count }
                )
            )
        }
        for item in cases {
            guard try item.matches(item.data) else { ConverterBenchmark.fail("\(item.name): the Swift round trip differs") }
        }

        print("payload sizes: \(rounds) rounds, each measuring every case for ≥ \(format(seconds, digits: 1)) s in Swift, then in Python")
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("converter-sizes-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var spec: [[String: String]] = []
        for (index, item) in cases.enumerated() {
            let file = scratch.appendingPathComponent("case-\(index).bin")
            try item.data.write(to: file)
            spec.append(["name": item.name, "kind": item.kind, "file": file.path])
        }
        let specFile = scratch.appendingPathComponent("spec.json")
        try JSONSerialization.data(withJSONObject: ["cases": spec]).write(to: specFile)

        var figures = [Figures](repeating: Figures(), count: cases.count)
        var pythonVersion = ""
        var checked = false
        let options = ConverterBenchmark.Options(runs: 1, seconds: seconds, warmup: warmup)
        var progress = Progress("payload-size rounds", total: rounds)
        for round in 1...rounds {
            for (index, item) in cases.enumerated() {
                let rates = try measure(options, runs: 1, seconds: seconds, item.roundTrip)
                figures[index].swift.append(rates.median)
                let bare = try measure(options, runs: 1, seconds: seconds / 2, item.bare)
                figures[index].bare.append(bare.median)
            }
            if let interpreter {
                let python = try runPython(interpreter: interpreter, spec: specFile)
                pythonVersion = python.version
                for (index, item) in cases.enumerated() {
                    guard let result = python.cases[item.name], let rate = result.rates.first else {
                        ConverterBenchmark.fail("the Python side did not measure \(item.name)")
                    }
                    figures[index].python.append(rate)
                    figures[index].pythonBytes = result.bytes
                }
                if !checked {
                    // Python wrote its own encoding of each value beside the Swift data.
                    for (index, item) in cases.enumerated() {
                        let own = try Data(contentsOf: URL(fileURLWithPath: spec[index]["file"]! + ".python"))
                        guard try item.matches(own) else {
                            ConverterBenchmark.fail("\(item.name): Python's payload does not decode to the Swift value")
                        }
                    }
                    checked = true
                }
            }
            progress.update(round)
        }
        print("")
        if checked {
            print("same values on both sides (checked once): Python decoded each Swift payload, and Swift decoded Python's")
            print("re-encoding of it to an equal value. MB/s = payload bytes (Swift's) × round trips per second / 10^6.")
            print("bare: the same round trip on JSONEncoder/JSONDecoder (the converter's settings) or swift-protobuf alone.")
        }
        if !pythonVersion.isEmpty { print("Python: \(pythonVersion)") }
        print("")
        let header =
            pad("case", 16) + lpad("Swift bytes", 12) + lpad("Py bytes", 10) + lpad("Swift rt/s", 12) + lpad("Py rt/s", 10)
            + lpad("Swift MB/s", 12) + lpad("Py MB/s", 10) + lpad("ratio", 8) + lpad("target", 8) + lpad("bare MB/s", 11)
        print(header)
        print(String(repeating: "-", count: header.count))
        var passed = true
        for (item, figure) in zip(cases, figures) {
            let swiftRate = median(figure.swift)
            let pythonRate = figure.python.isEmpty ? Double.nan : median(figure.python)
            let megabytes = Double(item.data.count) / 1_000_000
            let ratio = swiftRate / pythonRate
            let target = Self.targetRatio(bytes: item.targetBytes)
            if ratio.isFinite, ratio < target { passed = false }
            print(
                pad(item.name, 16) + lpad("\(item.data.count)", 12) + lpad(figure.python.isEmpty ? "" : "\(figure.pythonBytes)", 10)
                    + lpad(Self.rate(swiftRate), 12) + lpad(Self.rate(pythonRate), 10)
                    + lpad(format(swiftRate * megabytes, digits: 1), 12) + lpad(format(pythonRate * megabytes, digits: 1), 10)
                    + lpad(format(ratio, digits: 1) + "×", 8) + lpad("≥ \(Int(target))×", 8)
                    + lpad(format(median(figure.bare) * megabytes, digits: 1), 11)
            )
            record.record(
                .init(
                    name: "MB-per-s/\(item.name)",
                    unit: "MB/s",
                    swift: swiftRate * megabytes,
                    python: figure.python.isEmpty ? nil : pythonRate * megabytes,
                    lowerIsBetter: false,
                    target: "≥ \(Int(target))×"
                )
            )
        }
        print("  runs, Swift rt/s:  " + figures.map { $0.swift.map(Self.rate).joined(separator: "/") }.joined(separator: "  "))
        print("  runs, Python rt/s: " + figures.map { $0.python.map(Self.rate).joined(separator: "/") }.joined(separator: "  "))
        return passed
    }

    /// Round trips per second, with a decimal below 100 so the 2 MB rates do not round to 0.
    static func rate(_ value: Double) -> String {
        value < 100 ? format(value, digits: 1) : formatRate(value)
    }

    /// The page whose encoding (measured by `size`) is the first at or above `bytes`, found by
    /// doubling the record count and then bisecting.
    static func page(near bytes: Int, size: (ExecutionPage) throws -> Int) throws -> ExecutionPage {
        var high = 1
        while try size(ExecutionPage.make(count: high)) < bytes { high *= 2 }
        var low = high / 2
        while high - low > 1 {
            let middle = (low + high) / 2
            if try size(ExecutionPage.make(count: middle)) < bytes { low = middle } else { high = middle }
        }
        return ExecutionPage.make(count: high)
    }

    struct PythonRun {
        var version: String
        var cases: [String: (bytes: Int, rates: [Double])]
    }

    func runPython(interpreter: String, spec: URL) throws -> PythonRun {
        let script = PythonSide.benchmarksDirectory.appendingPathComponent("python/converter_sizes.py")
        let arguments = [
            script.path, "--spec", spec.path, "--runs", "1", "--seconds", "\(seconds)", "--warmup", "\(warmup)",
        ]
        let (status, stdout, stderr) = try PythonSide.capture(interpreter, arguments)
        guard let object = PythonScript.result(in: stdout), let cases = object["cases"] as? [[String: Any]] else {
            ConverterBenchmark.fail(
                "converter_sizes.py printed no result line (exit status \(status))\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)"
            )
        }
        var byName: [String: (bytes: Int, rates: [Double])] = [:]
        for item in cases {
            guard let name = item["name"] as? String, let rates = item["rates"] as? [Double] else { continue }
            byName[name] = (item["bytes"] as? Int ?? 0, rates)
        }
        let version =
            "CPython \(object["python"] as? String ?? "?"), temporalio \(object["temporalio"] as? String ?? "?"), "
            + "protobuf \(object["protobuf"] as? String ?? "?")"
        return PythonRun(version: version, cases: byName)
    }
}
