import Crypto
import Foundation
import TemporalContractsConversion
import TemporalContracts
import TemporalContractsEncryption
import SwiftProtobuf
import Testing

/// Payloads that Python's `cryptography` AESGCM encrypted in the Python SDK sample's format
/// (python/make_vectors.py wrote Fixtures/python-vectors.json) decode in Swift.
struct AESGCMPayloadCodecVectorTests {
    struct Document: Decodable {
        struct WirePayload: Decodable {
            var metadata: [String: Data]
            var data: Data
            var payload: Payload { Payload(metadata: metadata, data: data) }
        }
        struct Vector: Decodable {
            var name: String
            var plain: WirePayload
            var encrypted: WirePayload
        }
        var keyID: String
        var key: Data
        var vectors: [Vector]
    }

    static func document() throws -> Document {
        let url = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Fixtures/python-vectors.json")
        return try JSONDecoder().decode(Document.self, from: Data(contentsOf: url))
    }

    @Test func pythonVectorsDecode() async throws {
        let document = try Self.document()
        #expect(document.vectors.count == 3)
        let codec = AESGCMPayloadCodec(
            keys: try StaticEncryptionKeys(current: document.keyID, keys: [document.keyID: SymmetricKey(data: document.key)])
        )
        for vector in document.vectors {
            let decoded = try await codec.decode([vector.encrypted.payload])
            #expect(decoded == [vector.plain.payload], "vector \(vector.name)")
        }
    }

    @Test func theFirstVectorHasTheSampleLayout() throws {
        let vector = try Self.document().vectors[0]
        #expect(vector.encrypted.metadata["encoding"] == Data("binary/encrypted".utf8))
        // nonce (12) ‖ ciphertext (as long as the serialized inner payload) ‖ tag (16).
        let serializedInnerCount = 2 + (2 + 8 + 2 + 10) + 2 + vector.plain.data.count
        #expect(vector.encrypted.data.count == 12 + serializedInnerCount + 16)
        #expect(vector.encrypted.data.prefix(12) == Data(count: 12))
    }
}

/// The worked example of the Encryption article's wire format section.
struct AESGCMPayloadCodecWireFormatTests {
    @Test func theArticlesExampleHasTheSizeItStates() async throws {
        let keys = try StaticEncryptionKeys(current: "k", keys: ["k": SymmetricKey(size: .bits256)])
        let hi = Payload(metadata: ["encoding": Data("json/plain".utf8)], data: Data("\"hi\"".utf8))
        let encrypted = try await AESGCMPayloadCodec(keys: keys).encode([hi])
        #expect(try hi.apiPayload.serializedData().count == 30)
        #expect(encrypted[0].data.count == 58)
    }
}
