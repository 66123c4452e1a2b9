import Crypto
import Foundation
import TemporalContracts
import TemporalContractsCodecServer
import TemporalContractsEncryption
import Testing

/// The codec, payload bodies and server set-up the codec server tests share.
enum CodecServerFixtures {
    /// An AES-256-GCM codec with a fresh random key, as a team's workers would use.
    static func encryptionCodec(keyID: String = "test-key") throws -> AESGCMPayloadCodec {
        let keys = try StaticEncryptionKeys(current: keyID, keys: [keyID: SymmetricKey(size: .bits256)])
        return AESGCMPayloadCodec(keys: keys)
    }

    /// A `json/plain` payload of `text`, as the default converter writes a string.
    static func jsonPayload(_ text: String) -> Payload {
        Payload(metadata: ["encoding": Data("json/plain".utf8)], data: Data("\"\(text)\"".utf8))
    }

    /// The protobuf JSON body of `payloads`, written independently of the server's own parser.
    static func body(_ payloads: [Payload]) -> Data {
        let list = payloads.map { payload in
            [
                "metadata": payload.metadata.mapValues { $0.base64EncodedString() },
                "data": payload.data.base64EncodedString(),
            ] as [String: Any]
        }
        // Strings in arrays and dictionaries only: serialization cannot fail.
        return (try? JSONSerialization.data(withJSONObject: ["payloads": list])) ?? Data()
    }

    /// The payloads of a protobuf JSON response body.
    static func payloads(in body: Data) throws -> [Payload] {
        let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        let list = try #require(object["payloads"] as? [[String: Any]])
        return try list.map { entry in
            let metadata = (entry["metadata"] as? [String: String] ?? [:]).compactMapValues { Data(base64Encoded: $0) }
            let data = try #require(Data(base64Encoded: entry["data"] as? String ?? ""))
            return Payload(metadata: metadata, data: data)
        }
    }

    /// Runs `body` against a started server and stops it afterwards, also when `body` throws.
    static func withServer<Result>(
        _ server: CodecServer,
        _ body: (URL) async throws -> Result
    ) async throws -> Result {
        let port = try await server.start()
        do {
            let result = try await body(URL(string: "http://127.0.0.1:\(port)")!)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }
}
