import Crypto

/// A fixed set of keys held in memory, one of them current: for keys read at start-up from a secret
/// store or the environment.
///
/// ```swift
/// let keys = try StaticEncryptionKeys(
///     current: "2026-11",
///     keys: ["2026-10": octoberKey, "2026-11": novemberKey]
/// )
/// ```
public struct StaticEncryptionKeys: EncryptionKeyProvider {
    /// The ID of the key that encrypts new payloads.
    public let currentKeyID: String
    private let keys: [String: SymmetricKey]

    /// Keys by ID, with `current` encrypting new payloads.
    ///
    /// - Throws: ``PayloadEncryptionError/invalidKey(keyID:bitCount:)`` when a key is not 256 bits,
    ///   ``PayloadEncryptionError/unknownKeyID(_:knownKeyIDs:)`` when `current` is not among `keys`.
    public init(current: String, keys: [String: SymmetricKey]) throws {
        for (id, key) in keys where key.bitCount != AESGCMPayloadCodec.keyBitCount {
            throw PayloadEncryptionError.invalidKey(keyID: id, bitCount: key.bitCount)
        }
        guard keys[current] != nil else {
            throw PayloadEncryptionError.unknownKeyID(current, knownKeyIDs: keys.keys.sorted())
        }
        self.currentKeyID = current
        self.keys = keys
    }

    /// The key with this ID, or `nil`.
    public func key(for id: String) -> SymmetricKey? {
        keys[id]
    }

    /// Every key ID, sorted.
    public var knownKeyIDs: [String] {
        keys.keys.sorted()
    }
}
