/// Whether ``AESGCMPayloadCodec`` compresses payloads before encrypting them.
public enum PayloadCompression: Sendable, Hashable {
    /// Encrypt the serialized payload as it is: the Python SDK sample's format exactly.
    case none
    /// Compress with ``ZlibPayloadCodec`` first (the Go SDK's `binary/zlib` format), then encrypt the
    /// result. Payloads that do not shrink stay uncompressed, as in the Go SDK.
    case zlib
}
