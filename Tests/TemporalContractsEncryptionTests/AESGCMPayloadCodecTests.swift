import Crypto
import Foundation
import TemporalContracts
import TemporalContractsEncryption
import Testing

/// Round trips, rotation and the errors of the AES-256-GCM codec, in process.
struct AESGCMPayloadCodecTests {
    static let k1 = SymmetricKey(data: Data(repeating: 0x11, count: 32))
    static let k2 = SymmetricKey(data: Data(repeating: 0x22, count: 32))

    static func codec(current: String = "k1", compression: PayloadCompression = .none) throws -> AESGCMPayloadCodec {
        AESGCMPayloadCodec(
            keys: try StaticEncryptionKeys(current: current, keys: ["k1": k1, "k2": k2]),
            compression: compression
        )
    }

    static func payload(byteCount: Int, repetitive: Bool) -> Payload {
        var generator = SystemRandomNumberGenerator()
        let data =
            repetitive
            ? Data((0..<byteCount).map { UInt8(truncatingIfNeeded: $0 % 7) })
            : Data((0..<byteCount).map { _ in UInt8.random(in: 0...255, using: &generator) })
        return Payload(metadata: ["encoding": Data("binary/plain".utf8), "extra": Data("x".utf8)], data: data)
    }

    @Test(
        arguments: [0, 1, 1 << 20],
        [PayloadCompression.none, .zlib]
    )
    func roundTrips(byteCount: Int, compression: PayloadCompression) async throws {
        let codec = try Self.codec(compression: compression)
        let plain = [Self.payload(byteCount: byteCount, repetitive: true), Self.payload(byteCount: byteCount, repetitive: false)]
        let encoded = try await codec.encode(plain)
        #expect(encoded.count == 2)
        for payload in encoded {
            #expect(payload.encoding == "binary/encrypted")
            #expect(payload.metadata["encryption-key-id"] == Data("k1".utf8))
            #expect(payload.metadata.count == 2)
            #expect(!payload.data.isEmpty)
        }
        // Fresh nonces: the same plaintext never gives the same ciphertext.
        #expect(try await codec.encode(plain) != encoded)
        #expect(try await codec.decode(encoded) == plain)
        if compression == .zlib && byteCount == 1 << 20 {
            // The repetitive MiB shrinks before it is encrypted; the random one cannot.
            #expect(encoded[0].data.count < 100_000)
            #expect(encoded[1].data.count > byteCount)
        }
    }

    @Test func decodingPassesOtherEncodingsThrough() async throws {
        let codec = try Self.codec()
        let plain = [Self.payload(byteCount: 5, repetitive: true), Payload(metadata: [:], data: Data([1, 2]))]
        #expect(try await codec.decode(plain) == plain)
    }

    @Test func payloadsEncryptedUnderAnOlderKeyStillDecodeAfterRotation() async throws {
        let plain = [Self.payload(byteCount: 64, repetitive: false)]
        let underK1 = try await Self.codec(current: "k1").encode(plain)
        let rotated = try Self.codec(current: "k2")
        #expect(try await rotated.decode(underK1) == plain)
        let underK2 = try await rotated.encode(plain)
        #expect(underK2[0].metadata["encryption-key-id"] == Data("k2".utf8))
        #expect(try await rotated.decode(underK2) == plain)
        // Once k1 is gone, its payloads fail by name.
        let withoutK1 = AESGCMPayloadCodec(keys: try StaticEncryptionKeys(current: "k2", keys: ["k2": Self.k2]))
        await #expect(throws: PayloadEncryptionError.unknownKeyID("k1", knownKeyIDs: ["k2"])) {
            try await withoutK1.decode(underK1)
        }
    }

    @Test func aTamperedPayloadFailsAuthenticationNamingItsKeyID() async throws {
        let codec = try Self.codec()
        var encoded = try await codec.encode([Self.payload(byteCount: 100, repetitive: false)])
        // One bit of the ciphertext, of the nonce, of the tag: each is caught.
        for index in [AESGCMPayloadCodec.nonceByteCount + 3, 0, encoded[0].data.count - 1] {
            var tampered = encoded
            tampered[0].data[index] ^= 0x01
            let error = await #expect(throws: PayloadEncryptionError.authenticationFailed(keyID: "k1")) {
                try await codec.decode(tampered)
            }
            #expect(
                error?.description
                    == "authentication failed: the key for ID \"k1\" does not match or the payload was altered"
            )
        }
        encoded[0].data.removeLast(encoded[0].data.count - 27)
        let error = await #expect(throws: PayloadEncryptionError.truncated(keyID: "k1", byteCount: 27)) {
            try await codec.decode(encoded)
        }
        #expect(error?.description.contains("truncated encrypted payload (key ID \"k1\"): 27 bytes") == true)
    }

    @Test func aWrongKeyUnderTheRightIDFailsAuthentication() async throws {
        let encoded = try await Self.codec().encode([Self.payload(byteCount: 10, repetitive: true)])
        let wrong = AESGCMPayloadCodec(keys: try StaticEncryptionKeys(current: "k1", keys: ["k1": Self.k2]))
        await #expect(throws: PayloadEncryptionError.authenticationFailed(keyID: "k1")) {
            try await wrong.decode(encoded)
        }
    }

    @Test func anUnknownKeyIDIsNamedWithTheKnownOnes() async throws {
        var encoded = try await Self.codec().encode([Self.payload(byteCount: 10, repetitive: true)])
        encoded[0].metadata["encryption-key-id"] = Data("k9".utf8)
        let error = await #expect(throws: PayloadEncryptionError.self) { try await Self.codec().decode(encoded) }
        #expect(error?.description == "unknown encryption key ID \"k9\" (known key IDs: \"k1\", \"k2\")")
    }

    @Test func aMissingKeyIDIsNamed() async throws {
        var encoded = try await Self.codec().encode([Self.payload(byteCount: 10, repetitive: true)])
        encoded[0].metadata["encryption-key-id"] = nil
        let error = await #expect(throws: PayloadEncryptionError.missingKeyID) { try await Self.codec().decode(encoded) }
        #expect(error?.description == "a binary/encrypted payload has no encryption-key-id metadata")
    }

    @Test func keysMustBe256BitsAndTheCurrentOneKnown() throws {
        #expect(throws: PayloadEncryptionError.invalidKey(keyID: "short", bitCount: 128)) {
            try StaticEncryptionKeys(current: "short", keys: ["short": SymmetricKey(size: .bits128)])
        }
        #expect(throws: PayloadEncryptionError.unknownKeyID("k3", knownKeyIDs: ["k1"])) {
            try StaticEncryptionKeys(current: "k3", keys: ["k1": Self.k1])
        }
    }
}
