/// Why ``ZlibPayloadCodec`` could not decompress a payload.
public enum PayloadCompressionError: Error, Hashable, CustomStringConvertible {
    /// The data is not a complete zlib stream.
    case corruptData
    /// The data inflates to more than the codec's limit: refused rather than exhausting memory.
    case exceedsLimit(byteCount: Int)
    /// The data inflated but is not a serialized `temporal.api.common.v1.Payload`.
    case malformedPlaintext

    /// The problem in a sentence.
    public var description: String {
        switch self {
        case .corruptData:
            return "a \(ZlibPayloadCodec.encoding) payload is not a complete zlib stream"
        case .exceedsLimit(let byteCount):
            return "a \(ZlibPayloadCodec.encoding) payload inflates to more than \(byteCount) bytes"
        case .malformedPlaintext:
            return "a \(ZlibPayloadCodec.encoding) payload inflates to something other than a serialized temporal.api.common.v1.Payload"
        }
    }
}
