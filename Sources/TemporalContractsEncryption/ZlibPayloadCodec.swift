// zlib comes from compress-nio rather than a system-library target of our own: it already wraps
// deflate/inflate with a bounded output size (a payload must not inflate without limit), and its
// only dependency, SwiftNIO, is in every worker's graph through the gRPC transport anyway.
import CompressNIO
import Foundation
import NIOCore
import SwiftProtobuf
import TemporalAPI
import TemporalContracts
import TemporalContractsConversion

/// Compresses payloads with zlib, in the Go SDK's `binary/zlib` format (`converter.NewZlibCodec`):
/// the data is the zlib stream (RFC 1950) of the serialized `temporal.api.common.v1.Payload`, and the
/// only metadata is `encoding: binary/zlib`.
///
/// Like Go's codec it keeps a payload unchanged when compressing does not make it smaller (unless
/// ``alwaysEncode``), and decoding passes payloads of any other encoding through.
public struct ZlibPayloadCodec: PayloadCodec {
    /// The `encoding` of a compressed payload.
    public static let encoding = "binary/zlib"

    /// Compress every payload, even when that makes it larger (Go's `AlwaysEncode`).
    public var alwaysEncode: Bool
    /// The most bytes one payload may inflate to; more is ``PayloadCompressionError/exceedsLimit(byteCount:)``.
    public var maximumDecompressedByteCount: Int

    /// A codec that compresses payloads that shrink, and inflates payloads up to 64 MiB.
    public init(alwaysEncode: Bool = false, maximumDecompressedByteCount: Int = 64 << 20) {
        self.alwaysEncode = alwaysEncode
        self.maximumDecompressedByteCount = maximumDecompressedByteCount
    }

    /// Compresses each payload that shrinks (every payload with ``alwaysEncode``).
    public func encode(_ payloads: [Payload]) async throws -> [Payload] {
        try payloads.map(compress)
    }

    /// Inflates each `binary/zlib` payload; other payloads pass through unchanged.
    ///
    /// - Throws: ``PayloadCompressionError``.
    public func decode(_ payloads: [Payload]) async throws -> [Payload] {
        try payloads.map(decompress)
    }

    /// The payload compressed, or unchanged when compressing does not shrink it.
    func compress(_ payload: Payload) throws -> Payload {
        let serialized: Data = try payload.apiPayload.serializedData()
        var input = ByteBuffer(bytes: serialized)
        let compressed = try input.compress(with: .zlib())
        guard compressed.readableBytes < serialized.count || alwaysEncode else { return payload }
        return Payload(
            metadata: [Payload.encodingKey: Data(Self.encoding.utf8)],
            data: Data(compressed.readableBytesView)
        )
    }

    /// The original payload of a `binary/zlib` one; any other payload unchanged.
    func decompress(_ payload: Payload) throws -> Payload {
        guard payload.encoding == Self.encoding else { return payload }
        var input = ByteBuffer(bytes: payload.data)
        let inflated: ByteBuffer
        do {
            // One byte over the limit tells "exactly the limit" from "more".
            inflated = try input.decompress(with: .zlib(), maxSize: maximumDecompressedByteCount + 1)
        } catch let error as CompressNIOError where error == .bufferOverflow {
            throw PayloadCompressionError.exceedsLimit(byteCount: maximumDecompressedByteCount)
        } catch {
            throw PayloadCompressionError.corruptData
        }
        guard inflated.readableBytes <= maximumDecompressedByteCount else {
            throw PayloadCompressionError.exceedsLimit(byteCount: maximumDecompressedByteCount)
        }
        // A stream cut short inflates to a prefix without an error; the Adler-32 trailer is what
        // proves the stream complete, and the prefix of a payload rarely parses, but check both.
        guard input.readableBytes == 0 else { throw PayloadCompressionError.corruptData }
        do {
            return Payload(try Temporal_Api_Common_V1_Payload(serializedBytes: Data(inflated.readableBytesView)))
        } catch {
            throw PayloadCompressionError.malformedPlaintext
        }
    }
}
