import Foundation
import TemporalContracts
import TemporalContractsEncryption
import Testing

/// The Go SDK's `binary/zlib` format: compress what shrinks, keep the rest, refuse bombs and junk.
struct ZlibPayloadCodecTests {
    let repetitive = Payload(metadata: ["encoding": Data("json/plain".utf8)], data: Data(String(repeating: "abc", count: 5000).utf8))
    let tiny = Payload(metadata: ["encoding": Data("json/plain".utf8)], data: Data("1".utf8))

    @Test func compressesWhatShrinksAndKeepsTheRest() async throws {
        let codec = ZlibPayloadCodec()
        let encoded = try await codec.encode([repetitive, tiny])
        #expect(encoded[0].metadata == ["encoding": Data("binary/zlib".utf8)])
        #expect(encoded[0].data.count < 200)
        // zlib header (RFC 1950): deflate with a 32 KiB window, and a check value.
        #expect(encoded[0].data.first == 0x78)
        #expect(encoded[1] == tiny)
        #expect(try await codec.decode(encoded) == [repetitive, tiny])
        let always = try await ZlibPayloadCodec(alwaysEncode: true).encode([tiny])
        #expect(always[0].encoding == "binary/zlib")
        #expect(try await codec.decode(always) == [tiny])
    }

    @Test func refusesPayloadsThatInflatePastTheLimit() async throws {
        let encoded = try await ZlibPayloadCodec().encode([repetitive])
        await #expect(throws: PayloadCompressionError.exceedsLimit(byteCount: 1000)) {
            try await ZlibPayloadCodec(maximumDecompressedByteCount: 1000).decode(encoded)
        }
    }

    @Test func refusesCorruptAndTruncatedStreams() async throws {
        var encoded = try await ZlibPayloadCodec().encode([repetitive])
        let complete = encoded[0].data
        encoded[0].data = complete.prefix(complete.count - 6)
        await #expect(throws: PayloadCompressionError.self) { try await ZlibPayloadCodec().decode(encoded) }
        encoded[0].data = Data("not zlib at all".utf8)
        await #expect(throws: PayloadCompressionError.corruptData) { try await ZlibPayloadCodec().decode(encoded) }
    }
}
