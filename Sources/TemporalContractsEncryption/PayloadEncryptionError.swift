/// Why ``AESGCMPayloadCodec`` could not encrypt or decrypt a payload. Each description names the
/// key ID involved, so a worker's task failure says which key to look for.
public enum PayloadEncryptionError: Error, Hashable, CustomStringConvertible {
    /// AES-GCM rejected the tag: the key with this ID is not the one that encrypted the payload, or
    /// the payload (its nonce, ciphertext or tag) was altered. GCM cannot tell the two apart.
    case authenticationFailed(keyID: String)
    /// The key provider has no key with this ID (a payload's, or the current one).
    case unknownKeyID(String, knownKeyIDs: [String])
    /// The encrypted data is shorter than a nonce and a tag: it was cut off.
    case truncated(keyID: String, byteCount: Int)
    /// A `binary/encrypted` payload without `encryption-key-id` metadata.
    case missingKeyID
    /// The key with this ID is not a 256-bit key.
    case invalidKey(keyID: String, bitCount: Int)
    /// The data decrypted but is not a serialized `temporal.api.common.v1.Payload`.
    case malformedPlaintext(keyID: String)

    /// The problem in a sentence, naming the key ID where there is one.
    public var description: String {
        switch self {
        case .authenticationFailed(let keyID):
            return "authentication failed: the key for ID \"\(keyID)\" does not match or the payload was altered"
        case .unknownKeyID(let keyID, let known):
            let knownList = known.isEmpty ? "none" : known.map { "\"\($0)\"" }.joined(separator: ", ")
            return "unknown encryption key ID \"\(keyID)\" (known key IDs: \(knownList))"
        case .truncated(let keyID, let byteCount):
            let minimum = AESGCMPayloadCodec.nonceByteCount + AESGCMPayloadCodec.tagByteCount
            return
                "truncated encrypted payload (key ID \"\(keyID)\"): \(byteCount) bytes, fewer than the \(minimum) of a nonce and a tag"
        case .missingKeyID:
            return
                "a \(AESGCMPayloadCodec.encoding) payload has no \(AESGCMPayloadCodec.keyIDMetadataKey) metadata"
        case .invalidKey(let keyID, let bitCount):
            return "the key for ID \"\(keyID)\" has \(bitCount) bits; AES-256-GCM needs \(AESGCMPayloadCodec.keyBitCount)"
        case .malformedPlaintext(let keyID):
            return
                "the data decrypted with key ID \"\(keyID)\" is not a serialized temporal.api.common.v1.Payload"
        }
    }
}
