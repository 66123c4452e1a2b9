import Foundation
import SwiftProtobuf
import Testing

@testable import TemporalContractsGenerator

/// Random bytes and random mutations of the valid fixtures go through both loaders and the whole
/// pipeline: never a crash or a hang, and every rejected input says why.
struct FuzzTests {
    /// A small deterministic generator, so a failure reproduces from its seed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let fixtureTexts: [String] = [
        TestSupport.ordersContract,
        TestSupport.examples.appendingPathComponent("Contracts/common.temporal.yaml"),
        TestSupport.fixtures.appendingPathComponent("valid/interop.temporal.yaml"),
        TestSupport.fixtures.appendingPathComponent("valid/naming.temporal.yaml"),
    ].map { (try? String(contentsOf: $0, encoding: .utf8)) ?? "" }

    /// Pieces that are likely to reach deep into the resolver when spliced in.
    static let tokens = [
        "$ref: ", "type: object", "type: array", "items:", "enum: [", "required: [", "{", "}", "[", "]", ":", "-",
        "\n  ", "\n    ", "params:", "input: ", "output: ", "signals: [", "id: \"{", "}\"", "1h30m", "x-enum-varnames:",
        "additionalProperties:", "imports: [", "&a", "*a", "!!binary", "\t", "\u{0}", "é", "\"", "'", "#", "null", "~",
    ]

    func mutate(_ text: String, using random: inout SplitMix) -> String {
        var characters = Array(text)
        for _ in 0..<Int.random(in: 1...8, using: &random) {
            let position = characters.isEmpty ? 0 : Int.random(in: 0..<characters.count, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0 where !characters.isEmpty:
                let end = min(characters.count, position + Int.random(in: 1...40, using: &random))
                characters.removeSubrange(position..<end)
            case 1:
                characters.insert(contentsOf: Self.tokens.randomElement(using: &random)!, at: position)
            case 2 where !characters.isEmpty:
                let start = Int.random(in: 0..<characters.count, using: &random)
                let end = min(characters.count, start + Int.random(in: 1...60, using: &random))
                characters.insert(contentsOf: characters[start..<end], at: position)
            default:
                if !characters.isEmpty {
                    characters[position] = Character(UnicodeScalar(UInt8.random(in: 32...126, using: &random)))
                }
            }
        }
        return String(characters)
    }

    /// Runs the whole pipeline; fails the test when a rejected input gets no error diagnostic.
    func check(_ text: String, name: String) throws {
        let files = ["fuzz.temporal.yaml": text, "common.temporal.yaml": Self.fixtureTexts[1]]
        let result = try TestSupport.generate(files, inputs: ["fuzz.temporal.yaml"])
        if result.files.isEmpty {
            #expect(result.hasErrors, "\(name): no files and no error")
        }
        for diagnostic in result.diagnostics {
            #expect(!diagnostic.message.isEmpty)
            #expect(!diagnostic.location.file.isEmpty)
        }
    }

    @Test func mutatedFixturesNeverCrash() throws {
        var random = SplitMix(state: 0x5EED)
        for iteration in 0..<1500 {
            let base = Self.fixtureTexts[iteration % Self.fixtureTexts.count]
            try check(mutate(base, using: &random), name: "mutation \(iteration)")
        }
    }

    @Test func randomBytesNeverCrash() throws {
        var random = SplitMix(state: 0xB17E5)
        for iteration in 0..<500 {
            let count = Int.random(in: 0...400, using: &random)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
            try check(String(decoding: bytes, as: UTF8.self), name: "bytes \(iteration)")
        }
    }

    @Test func deeplyNestedInputIsRejectedWithoutStackOverflow() throws {
        let nested = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        try check("contract: 1\nname: Deep\ntypes:\n  A: " + nested + "\n", name: "nested")
    }

    @Test func randomDescriptorSetsNeverCrash() throws {
        var random = SplitMix(state: 0xDE5C)
        let valid = try Self.compiledFixtureDescriptorSet()
        for iteration in 0..<300 {
            var bytes = valid
            if iteration % 3 == 0 {
                bytes = (0..<Int.random(in: 0...300, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            } else {
                for _ in 0..<Int.random(in: 1...10, using: &random) where !bytes.isEmpty {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
            }
            guard let set = try? Google_Protobuf_FileDescriptorSet(serializedBytes: bytes) else { continue }
            let names = set.file.map(\.name)
            _ = ProtoContractReader.read(set, filesToGenerate: names)
        }
    }

    /// The proto fixture compiled by protoc, as bytes.
    static func compiledFixtureDescriptorSet() throws -> [UInt8] {
        let include = TestSupport.protoInclude.path
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(UUID().uuidString).pb")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "protoc", "-I", include, "-I", TestSupport.packageRoot.appendingPathComponent("Schemas").path,
            "--include_imports", "--include_source_info", "--descriptor_set_out=\(output.path)", "payments/v1/payments.proto",
        ]
        try process.run()
        process.waitUntilExit()
        return Array(try Data(contentsOf: output))
    }
}
