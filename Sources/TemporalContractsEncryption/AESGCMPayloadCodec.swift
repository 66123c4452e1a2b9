import Crypto
import Foundation
import SwiftProtobuf
import TemporalAPI
import TemporalContracts
import TemporalContractsConversion

/// Encrypts payloads with AES-256-GCM in the format of the Python SDK's encryption sample codec
/// (samples-python `encryption/codec.py`), so Python, Go and TypeScript peers with that codec and
/// the same keys read what Swift writes, and the reverse.
///
/// An encrypted payload has the metadata `encoding: binary/encrypted` and
/// `encryption-key-id: <key ID>`, and its data is a random 12-byte nonce, then the AES-GCM
/// ciphertext of the serialized `temporal.api.common.v1.Payload` (its metadata and data), then the
/// 16-byte tag; there is no associated data.
///
/// New payloads are encrypted with the provider's current key; each payload decodes with the key its
/// `encryption-key-id` names, so keys rotate without re-encrypting histories. Payloads of another
/// encoding pass through decoding unchanged, as in the sample, so histories written before the codec
/// was introduced still read.
///
/// ```swift
/// let keys = try StaticEncryptionKeys(current: "2026-11", keys: ["2026-11": key])
/// let dataConverter = DataConverter(codecs: [AESGCMPayloadCodec(keys: keys)])
/// ```
public struct AESGCMPayloadCodec: PayloadCodec {
    /// The `encoding` of an encrypted payload.
    public static let encoding = "binary/encrypted"
    /// The metadata key that names the key a payload was encrypted with.
    public static let keyIDMetadataKey = "encryption-key-id"
    /// The random nonce before the ciphertext.
    public static let nonceByteCount = 12
    /// The authentication tag after the ciphertext.
    public static let tagByteCount = 16
    /// AES-256: the only key size the codec accepts.
    public static let keyBitCount = 256

    /// Where the keys come from.
    public let keys: any EncryptionKeyProvider
    /// Whether payloads are compressed before they are encrypted.
    public let compression: PayloadCompression
    private let zlib: ZlibPayloadCodec

    /// A codec that encrypts with `keys`' current key and decrypts with the key each payload names.
    ///
    /// - Parameters:
    ///   - keys: The key provider.
    ///   - compression: ``PayloadCompression/zlib`` compresses each payload with ``ZlibPayloadCodec``
    ///     before encrypting it (ciphertext does not compress). Decoding inflates a decrypted
    ///     `binary/zlib` payload whatever this says, so turning compression on or off never breaks
    ///     reading existing histories.
    ///   - maximumDecompressedByteCount: The most bytes a compressed payload may inflate to.
    public init(
        keys: any EncryptionKeyProvider,
        compression: PayloadCompression = .none,
        maximumDecompressedByteCount: Int = 64 << 20
    ) {
        self.keys = keys
        self.compression = compression
        self.zlib = ZlibPayloadCodec(maximumDecompressedByteCount: maximumDecompressedByteCount)
    }

    /// Encrypts each payload with the current key (compressing it first with ``PayloadCompression/zlib``).
    ///
    /// - Throws: ``PayloadEncryptionError`` when the current key is unknown or not 256 bits.
    public func encode(_ payloads: [Payload]) async throws -> [Payload] {
        let keyID = try await keys.currentKeyID
        let key = try await resolveKey(keyID)
        return try payloads.map { payload in
            let inner = compression == .zlib ? try zlib.compress(payload) : payload
            let sealed = try AES.GCM.seal(try inner.apiPayload.serializedData(), using: key, nonce: AES.GCM.Nonce())
            // `combined` is nonce ‖ ciphertext ‖ tag: the sample's layout, with the default 12-byte nonce.
            guard let combined = sealed.combined else { throw PayloadEncryptionError.invalidKey(keyID: keyID, bitCount: key.bitCount) }
            return Payload(
                metadata: [
                    Payload.encodingKey: Data(Self.encoding.utf8),
                    Self.keyIDMetadataKey: Data(keyID.utf8),
                ],
                data: combined
            )
        }
    }

    /// Decrypts each `binary/encrypted` payload with the key its ID names (inflating a `binary/zlib`
    /// result); other payloads pass through unchanged.
    ///
    /// - Throws: ``PayloadEncryptionError`` naming the key ID, or ``PayloadCompressionError``.
    public func decode(_ payloads: [Payload]) async throws -> [Payload] {
        // Payloads of one call usually share a key: look each ID up once.
        var resolved: [String: SymmetricKey] = [:]
        var decoded: [Payload] = []
        decoded.reserveCapacity(payloads.count)
        for payload in payloads {
            guard payload.encoding == Self.encoding else {
                decoded.append(payload)
                continue
            }
            guard let keyIDData = payload.metadata[Self.keyIDMetadataKey] else {
                throw PayloadEncryptionError.missingKeyID
            }
            let keyID = String(decoding: keyIDData, as: UTF8.self)
            let key: SymmetricKey
            if let known = resolved[keyID] {
                key = known
            } else {
                key = try await resolveKey(keyID)
                resolved[keyID] = key
            }
            decoded.append(try zlib.decompress(try decrypt(payload.data, keyID: keyID, key: key)))
        }
        return decoded
    }

    private func resolveKey(_ keyID: String) async throws -> SymmetricKey {
        guard let key = try await keys.key(for: keyID) else {
            throw PayloadEncryptionError.unknownKeyID(keyID, knownKeyIDs: await keys.knownKeyIDs)
        }
        guard key.bitCount == Self.keyBitCount else {
            throw PayloadEncryptionError.invalidKey(keyID: keyID, bitCount: key.bitCount)
        }
        return key
    }

    private func decrypt(_ data: Data, keyID: String, key: SymmetricKey) throws -> Payload {
        guard data.count >= Self.nonceByteCount + Self.tagByteCount else {
            throw PayloadEncryptionError.truncated(keyID: keyID, byteCount: data.count)
        }
        let plaintext: Data
        do {
            plaintext = try AES.GCM.open(try AES.GCM.SealedBox(combined: data), using: key)
        } catch {
            // Any failure here past the length check is the tag not verifying.
            throw PayloadEncryptionError.authenticationFailed(keyID: keyID)
        }
        do {
            return Payload(try Temporal_Api_Common_V1_Payload(serializedBytes: plaintext))
        } catch {
            throw PayloadEncryptionError.malformedPlaintext(keyID: keyID)
        }
    }
}
