import Foundation

/// Turns values into payloads and back. Implementations decide by the value's type when encoding
/// and by the payload's `encoding` metadata when decoding, as Temporal's SDKs do.
public protocol PayloadConverter: Sendable {
    func toPayload<Value>(_ value: Value) throws -> Payload
    func fromPayload<Value>(_ payload: Payload, as type: Value.Type) throws -> Value
}

/// Temporal's default converter: null, bytes, protobuf JSON, protobuf binary, then JSON, with the
/// same `encoding` and `messageType` metadata as the Go, Python and TypeScript SDKs.
public struct DefaultPayloadConverter: PayloadConverter {
    // One coder pair per converter: creating JSONEncoder per call costs more than the encoding.
    private let encoder: JSONEncoder
    private let decoder: JSONDecoder
    private let jsonMetadata: [String: Data]
    private let sendsProtobufBinary: Bool

    /// Creates the converter, sending protobuf messages as `json/protobuf` as every SDK's default does.
    public init() {
        self.init(sendsProtobufBinary: false)
    }

    /// Creates the converter; with `sendsProtobufBinary`, protobuf messages go out as
    /// `binary/protobuf` (smaller and faster to code, what the Go SDK's `WithProtoBinary` option and a
    /// Python converter with `BinaryProtoPayloadConverter` first send). It reads both either way.
    public init(sendsProtobufBinary: Bool) {
        encoder = TemporalJSON.makeEncoder()
        decoder = TemporalJSON.makeDecoder()
        jsonMetadata = [Payload.encodingKey: Data(PayloadEncoding.json.utf8)]
        self.sendsProtobufBinary = sendsProtobufBinary
    }

    public func toPayload<Value>(_ value: Value) throws -> Payload {
        if let optional = value as? any OptionalPayloadValue, optional.isNone {
            return Payload(metadata: [Payload.encodingKey: Data(PayloadEncoding.null.utf8)])
        }
        if let data = value as? Data {
            return Payload(metadata: [Payload.encodingKey: Data(PayloadEncoding.binaryPlain.utf8)], data: data)
        }
        if let message = unwrapped(value) as? any ProtobufPayload {
            let binary = sendsProtobufBinary
            return Payload(
                metadata: [
                    Payload.encodingKey: Data((binary ? PayloadEncoding.protobufBinary : PayloadEncoding.protobufJSON).utf8),
                    Payload.messageTypeKey: Data(type(of: message).protoMessageName.utf8),
                ],
                data: try binary ? message.protobufBinary() : message.protobufJSON()
            )
        }
        if let encodable = value as? any Encodable {
            do {
                return Payload(metadata: jsonMetadata, data: try encoder.encode(encodable))
            } catch {
                throw PayloadConversionError(
                    .malformedData("\(error)"),
                    encoding: PayloadEncoding.json,
                    typeName: "\(Value.self)"
                )
            }
        }
        throw PayloadConversionError(.unsupportedType, encoding: nil, typeName: "\(Value.self)")
    }

    public func fromPayload<Value>(_ payload: Payload, as type: Value.Type) throws -> Value {
        let typeName = "\(Value.self)"
        guard let encoding = payload.encoding else {
            throw PayloadConversionError(.missingEncoding, encoding: nil, typeName: typeName)
        }
        switch encoding {
        case PayloadEncoding.null:
            if let optional = Value.self as? any OptionalPayloadValue.Type, let none = optional.absent as? Value {
                return none
            }
            throw PayloadConversionError(
                .malformedData("null where a value is required"),
                encoding: encoding,
                typeName: typeName
            )
        case PayloadEncoding.binaryPlain:
            if let data = payload.data as? Value { return data }
            if let data = Optional(payload.data) as? Value { return data }
            throw PayloadConversionError(
                .malformedData("binary data where \(typeName) is expected"),
                encoding: encoding,
                typeName: typeName
            )
        case PayloadEncoding.protobufJSON, PayloadEncoding.protobufBinary:
            guard let messageType = Self.protobufType(of: Value.self) else {
                throw PayloadConversionError(
                    .malformedData("a protobuf message where \(typeName) is expected"),
                    encoding: encoding,
                    typeName: typeName
                )
            }
            do {
                let message =
                    encoding == PayloadEncoding.protobufJSON
                    ? try messageType.init(protobufJSON: payload.data) : try messageType.init(protobufBinary: payload.data)
                // Value is either the message type or an Optional of it.
                if let value = message as? Value { return value }
                if let optional = Value.self as? any OptionalPayloadValue.Type, let value = optional.wrapping(message) as? Value {
                    return value
                }
                throw PayloadConversionError(.unsupportedType, encoding: encoding, typeName: typeName)
            } catch let error as PayloadConversionError {
                throw error
            } catch {
                throw PayloadConversionError(.malformedData("\(error)"), encoding: encoding, typeName: typeName)
            }
        case PayloadEncoding.json:
            guard let decodable = Value.self as? any Decodable.Type else {
                throw PayloadConversionError(.unsupportedType, encoding: encoding, typeName: typeName)
            }
            do {
                // Force-cast is safe: `decodable` is `Value.self`.
                return try decoder.decode(decodable, from: payload.data) as! Value
            } catch {
                // JSONDecoder reports too deep a nesting as invalid JSON; name the limit instead.
                if case DecodingError.dataCorrupted(let context) = error, context.codingPath.isEmpty,
                    let excess = JSONNesting.excess(in: payload.data)
                {
                    throw PayloadConversionError(
                        .nestingTooDeep(limit: JSONNesting.decoderLimit, depth: excess.depth),
                        encoding: encoding,
                        typeName: typeName,
                        fieldPath: excess.path
                    )
                }
                throw PayloadConversionError.decoding(error, encoding: encoding, typeName: typeName)
            }
        default:
            throw PayloadConversionError(.unknownEncoding, encoding: encoding, typeName: typeName)
        }
    }

    private func unwrapped<Value>(_ value: Value) -> Any {
        if let optional = value as? any OptionalPayloadValue, let wrapped = optional.wrappedValue { return wrapped }
        return value
    }

    private static func protobufType(of type: Any.Type) -> (any ProtobufPayload.Type)? {
        if let message = type as? any ProtobufPayload.Type { return message }
        if let optional = type as? any OptionalPayloadValue.Type { return optional.wrappedType as? any ProtobufPayload.Type }
        return nil
    }
}

/// Lets the converter see through `Optional` without knowing its wrapped type statically.
protocol OptionalPayloadValue {
    var isNone: Bool { get }
    var wrappedValue: Any? { get }
    static var absent: Self { get }
    static var wrappedType: Any.Type { get }
    static func wrapping(_ value: Any) -> Self?
}

extension Optional: OptionalPayloadValue {
    var isNone: Bool { self == nil }
    var wrappedValue: Any? { self.map { $0 as Any } }
    static var absent: Self { nil }
    static var wrappedType: Any.Type { Wrapped.self }
    static func wrapping(_ value: Any) -> Self? { (value as? Wrapped).map { .some($0) } }
}
