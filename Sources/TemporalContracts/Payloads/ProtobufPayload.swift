import Foundation

/// A protobuf message the payload converter can send as `json/protobuf` or `binary/protobuf`.
///
/// The runtime does not depend on swift-protobuf; the `TemporalContractsProtobuf` module gives every
/// swift-protobuf message these requirements, and generated code declares the conformance.
public protocol ProtobufPayload: Sendable {
    /// The full protobuf name, sent as the `messageType` metadata.
    static var protoMessageName: String { get }
    func protobufJSON() throws -> Data
    func protobufBinary() throws -> Data
    init(protobufJSON data: Data) throws
    init(protobufBinary data: Data) throws
}
