import Foundation

/// How the values of one definition travel as a list of payloads: nothing, one payload, or one
/// payload per positional argument. Definitions carry one for their input and one for their output.
public struct PayloadCoding<Value: Sendable>: Sendable {
    private let encodeValue: @Sendable (Value, any PayloadConverter) throws -> [Payload]
    private let decodeValue: @Sendable ([Payload], any PayloadConverter) throws -> Value

    public init(
        encode: @escaping @Sendable (Value, any PayloadConverter) throws -> [Payload],
        decode: @escaping @Sendable ([Payload], any PayloadConverter) throws -> Value
    ) {
        encodeValue = encode
        decodeValue = decode
    }

    public func encode(_ value: Value, using converter: any PayloadConverter) throws -> [Payload] {
        try encodeValue(value, converter)
    }

    public func decode(_ payloads: [Payload], using converter: any PayloadConverter) throws -> Value {
        try decodeValue(payloads, converter)
    }
}

extension PayloadCoding where Value == Void {
    /// No value: encodes to no payloads; decodes zero payloads, one `binary/null` or one empty
    /// payload (what the SDKs send for a void result), ignoring any extra ones.
    public static var void: PayloadCoding<Void> {
        PayloadCoding(encode: { _, _ in [] }, decode: { _, _ in () })
    }
}

extension PayloadCoding {
    /// One value in one payload.
    public static func single(_ type: Value.Type = Value.self) -> PayloadCoding<Value> {
        PayloadCoding(
            encode: { value, converter in [try converter.toPayload(value)] },
            decode: { payloads, converter in
                guard let first = payloads.first else {
                    // An absent result decodes as nil for optionals, as the SDKs treat it.
                    return try converter.fromPayload(
                        Payload(metadata: [Payload.encodingKey: Data(PayloadEncoding.null.utf8)]),
                        as: Value.self
                    )
                }
                return try converter.fromPayload(first, as: Value.self)
            }
        )
    }
}

extension PayloadCoding where Value: PositionalArguments {
    /// One payload per argument, in declaration order.
    public static var positional: PayloadCoding<Value> {
        PayloadCoding(
            encode: { value, converter in
                var encoder = ArgumentsEncoder(converter: converter)
                try value.encode(to: &encoder)
                return encoder.payloads
            },
            decode: { payloads, converter in
                var decoder = ArgumentsDecoder(payloads: payloads, converter: converter, typeName: "\(Value.self)")
                return try Value(from: &decoder)
            }
        )
    }
}
