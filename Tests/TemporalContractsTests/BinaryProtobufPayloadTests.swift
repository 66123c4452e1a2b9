import Foundation
import TemporalContracts
import Testing

/// `DefaultPayloadConverter(sendsProtobufBinary: true)`: messages go out as `binary/protobuf` with
/// their `messageType`, come back from either encoding, and everything else is unchanged.
struct BinaryProtobufPayloadTests {
    /// Stands in for a swift-protobuf message: its binary and JSON forms are fixed bytes.
    struct Stamp: ProtobufPayload, Equatable {
        static let protoMessageName = "test.Stamp"
        var bytes: Data

        func protobufJSON() throws -> Data { Data("{\"b\":\"\(bytes.base64EncodedString())\"}".utf8) }
        func protobufBinary() throws -> Data { bytes }
        init(bytes: Data) { self.bytes = bytes }
        init(protobufBinary data: Data) throws { bytes = data }
        init(protobufJSON data: Data) throws {
            let object = try JSONSerialization.jsonObject(with: data) as? [String: String]
            bytes = Data(base64Encoded: object?["b"] ?? "") ?? Data()
        }
    }

    let stamp = Stamp(bytes: Data([0x08, 0x96, 0x01]))

    @Test("a message goes out as binary/protobuf with its messageType and decodes back")
    func sendsBinary() throws {
        let converter = DefaultPayloadConverter(sendsProtobufBinary: true)
        let payload = try converter.toPayload(stamp)
        #expect(payload.encoding == PayloadEncoding.protobufBinary)
        #expect(payload.metadata[Payload.messageTypeKey] == Data("test.Stamp".utf8))
        #expect(payload.data == stamp.bytes)
        #expect(try converter.fromPayload(payload, as: Stamp.self) == stamp)
        #expect(try converter.fromPayload(payload, as: Stamp?.self) == stamp)
    }

    @Test("the default converter still sends json/protobuf, and each reads the other's payloads")
    func readsEitherEncoding() throws {
        let binary = DefaultPayloadConverter(sendsProtobufBinary: true)
        let json = DefaultPayloadConverter()
        let jsonPayload = try json.toPayload(stamp)
        #expect(jsonPayload.encoding == PayloadEncoding.protobufJSON)
        #expect(try binary.fromPayload(jsonPayload, as: Stamp.self) == stamp)
        #expect(try json.fromPayload(try binary.toPayload(stamp), as: Stamp.self) == stamp)
        #expect(try binary.toPayload(7).encoding == PayloadEncoding.json)
    }
}
