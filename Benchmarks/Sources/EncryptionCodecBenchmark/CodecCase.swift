import BenchmarkSupport
import Crypto
import Foundation
import TemporalAPI
import TemporalContracts
import TemporalContractsConversion
import TemporalContractsEncryption

/// One payload size with or without compression: the payload, its codec, and the files the Python
/// side reads and writes.
struct CodecCase: Sendable {
    var name: String
    var plain: Data
    var compress: Bool
    var codec: AESGCMPayloadCodec

    var payload: Payload { Payload(metadata: ["encoding": Data("json/plain".utf8)], data: plain) }

    static let sizes: [(label: String, bytes: Int)] = [("1KB", 1_000), ("100KB", 100_000), ("2MB", 2_000_000)]

    static func all(keys: StaticEncryptionKeys) async throws -> [CodecCase] {
        var cases: [CodecCase] = []
        for compress in [false, true] {
            for (label, bytes) in sizes {
                let codecCase = CodecCase(
                    name: "\(compress ? "zlib+aes" : "aes")/\(label)",
                    plain: jsonRecords(near: bytes),
                    compress: compress,
                    codec: AESGCMPayloadCodec(keys: keys, compression: compress ? .zlib : .none)
                )
                // The Swift side works before anything is measured.
                let decoded = try await codecCase.codec.decode(try await codecCase.codec.encode([codecCase.payload]))
                guard decoded == [codecCase.payload] else {
                    EncryptionCodecBenchmark.fail("\(codecCase.name): the round trip changed the payload")
                }
                cases.append(codecCase)
            }
        }
        return cases
    }

    /// JSON records of realistic shape (an order list), about `bytes` long: compressible as real
    /// payloads are, not random bytes.
    static func jsonRecords(near bytes: Int) -> Data {
        var text = "["
        var index = 0
        while text.utf8.count < bytes - 120 {
            if index > 0 { text += "," }
            text += #"{"orderID":"order-\#(index)","sku":"sku-\#(index % 97)","quantity":\#(index % 13 + 1),"#
            text += #""customer":"customer-\#(index % 211)","note":null}"#
            index += 1
        }
        return Data((text + "]").utf8)
    }

    /// Round trips per second over at least `seconds`, after `warmup` seconds.
    func measure(seconds: Double, warmup: Double) async throws -> Double {
        let clock = ContinuousClock()
        let payloads = [payload]
        let warmupEnd = clock.now + .milliseconds(Int(warmup * 1000))
        while clock.now < warmupEnd { _ = try await codec.decode(try await codec.encode(payloads)) }
        var count = 0
        let start = clock.now
        while true {
            _ = try await codec.decode(try await codec.encode(payloads))
            count += 1
            let elapsed = clock.now - start
            if elapsed >= .milliseconds(Int(seconds * 1000)) {
                return Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            }
        }
    }

    private func files(in directory: URL) -> (plain: URL, swift: URL) {
        let stem = name.replacingOccurrences(of: "/", with: "-")
        return (directory.appendingPathComponent("\(stem).plain"), directory.appendingPathComponent("\(stem).swift"))
    }

    /// Writes each case's plain data and Swift-encoded payload, and the spec naming them.
    static func writeSpec(_ cases: [CodecCase], key: SymmetricKey, keyID: String, into directory: URL) async throws -> URL {
        var entries: [[String: Any]] = []
        for codecCase in cases {
            let (plainURL, swiftURL) = codecCase.files(in: directory)
            try codecCase.plain.write(to: plainURL)
            let encoded = try await codecCase.codec.encode([codecCase.payload])[0]
            try encoded.apiPayload.serializedData().write(to: swiftURL)
            entries.append(["name": codecCase.name, "zlib": codecCase.compress, "plain": plainURL.path, "swift": swiftURL.path])
        }
        let keyHex = key.withUnsafeBytes { $0.map { String(format: "%02x", $0) }.joined() }
        let spec = directory.appendingPathComponent("spec.json")
        try JSONSerialization.data(withJSONObject: ["key_hex": keyHex, "key_id": keyID, "cases": entries]).write(to: spec)
        return spec
    }

    /// Decodes the payload the Python codec wrote; it must give the plain data back.
    func checkPythonPayload(in directory: URL) async throws {
        let url = files(in: directory).swift.appendingPathExtension("python")
        let message = try Temporal_Api_Common_V1_Payload(serializedBytes: try Data(contentsOf: url))
        guard try await codec.decode([Payload(message)]) == [payload] else {
            EncryptionCodecBenchmark.fail("\(name): the Python payload did not decode to the plain data")
        }
    }
}
