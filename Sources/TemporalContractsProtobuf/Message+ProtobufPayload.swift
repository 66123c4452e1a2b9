import Foundation
import SwiftProtobuf
import TemporalContracts

/// Gives every swift-protobuf message what `ProtobufPayload` needs, so generated code only declares
/// the conformance. `protoMessageName` comes from `SwiftProtobuf.Message` itself.
extension ProtobufPayload where Self: SwiftProtobuf.Message {
    public func protobufJSON() throws -> Data {
        try jsonUTF8Data()
    }

    public func protobufBinary() throws -> Data {
        try serializedData()
    }

    /// Unknown fields are ignored, so a peer with a newer message version can still talk to us.
    public init(protobufJSON data: Data) throws {
        var options = JSONDecodingOptions()
        options.ignoreUnknownFields = true
        try self.init(jsonUTF8Data: data, options: options)
    }

    public init(protobufBinary data: Data) throws {
        try self.init(serializedBytes: data)
    }
}
