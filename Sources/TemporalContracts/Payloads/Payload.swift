import Foundation

/// One serialized value as Temporal carries it: metadata (at least `encoding`) and bytes.
public struct Payload: Hashable, Sendable {
    public var metadata: [String: Data]
    public var data: Data

    public init(metadata: [String: Data] = [:], data: Data = Data()) {
        self.metadata = metadata
        self.data = data
    }

    /// The `encoding` metadata entry as text, e.g. `json/plain`.
    public var encoding: String? {
        metadata[Payload.encodingKey].map { String(decoding: $0, as: UTF8.self) }
    }

    public static let encodingKey = "encoding"
    public static let messageTypeKey = "messageType"
}

/// The encodings of Temporal's default payload converter, in the order it tries them.
public enum PayloadEncoding {
    public static let null = "binary/null"
    public static let binaryPlain = "binary/plain"
    public static let protobufJSON = "json/protobuf"
    public static let protobufBinary = "binary/protobuf"
    public static let json = "json/plain"
}
