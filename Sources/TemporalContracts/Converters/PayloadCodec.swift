/// Transforms payloads on their way to and from the server: compression, encryption. Codecs
/// run after the payload converter when encoding and before it when decoding, in reverse order.
public protocol PayloadCodec: Sendable {
    func encode(_ payloads: [Payload]) async throws -> [Payload]
    func decode(_ payloads: [Payload]) async throws -> [Payload]
}
