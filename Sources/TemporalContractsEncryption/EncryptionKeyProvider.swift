import Crypto

/// Where ``AESGCMPayloadCodec`` gets its keys: the ID of the key that encrypts new payloads, and
/// the key for any ID a stored payload names.
///
/// Keep every key that may still be named by a payload in a history (for the namespace's retention
/// period, or as long as you replay or reset old workflows): rotating means adding a key and making it
/// current, never deleting the previous one while histories still hold payloads it encrypted.
public protocol EncryptionKeyProvider: Sendable {
    /// The ID of the key that encrypts new payloads, written to each payload's
    /// `encryption-key-id` metadata.
    var currentKeyID: String { get async throws }

    /// The 256-bit key with this ID, or `nil` when the provider does not know the ID.
    func key(for id: String) async throws -> SymmetricKey?

    /// The IDs the provider knows, named in the error for an unknown key ID. Defaults to none.
    var knownKeyIDs: [String] { get async }
}

extension EncryptionKeyProvider {
    /// The IDs the provider knows: none unless the provider says.
    public var knownKeyIDs: [String] {
        get async { [] }
    }
}
