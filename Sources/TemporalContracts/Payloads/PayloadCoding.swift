import Foundation

/// How the values of one definition travel as a list of payloads: nothing, one payload, or one
/// payload per positional argument. Definitions carry one for their input and one for their output.
public struct PayloadCoding<Value: Sendable>: Sendable {
    private let encodeValue: @Sendable (Value, any PayloadConverter) throws -> [Payload]
    private let decodeValue: @Sendable ([Payload], any PayloadConverter) throws -> Value
    /// How many payloads a call may carry, where the coding knows it (nothing and one value);
    /// positional codings count their own parameters.
    private let parameterCount: Int?

    public init(
        encode: @escaping @Sendable (Value, any PayloadConverter) throws -> [Payload],
        decode: @escaping @Sendable ([Payload], any PayloadConverter) throws -> Value
    ) {
        self.init(encode: encode, decode: decode, parameterCount: nil)
    }

    private init(
        encode: @escaping @Sendable (Value, any PayloadConverter) throws -> [Payload],
        decode: @escaping @Sendable ([Payload], any PayloadConverter) throws -> Value,
        parameterCount: Int?
    ) {
        encodeValue = encode
        decodeValue = decode
        self.parameterCount = parameterCount
    }

    public func encode(_ value: Value, using converter: any PayloadConverter) throws -> [Payload] {
        try encodeValue(value, converter)
    }

    public func decode(_ payloads: [Payload], using converter: any PayloadConverter) throws -> Value {
        try decodeValue(payloads, converter)
    }

    /// Decodes the arguments of a call (a workflow's, handler's or activity's input). Unlike
    /// ``decode(_:using:)``, which reads results leniently, more payloads than the definition has
    /// parameters is an error, as in the Python SDK: ignoring them would hide a caller built
    /// against a newer contract.
    public func decodeArguments(_ payloads: [Payload], using converter: any PayloadConverter) throws -> Value {
        if let parameterCount, payloads.count > parameterCount {
            throw PayloadConversionError(
                .extraArguments(expected: parameterCount, received: payloads.count),
                encoding: nil,
                typeName: Value.self == Void.self ? "Void" : "\(Value.self)"
            )
        }
        return try decodeValue(payloads, converter)
    }
}

extension PayloadCoding where Value == Void {
    /// No value: encodes to no payloads; decodes zero payloads, one `binary/null` or one empty
    /// payload (what the SDKs send for a void result), ignoring any extra ones; as the arguments
    /// of a call (``decodeArguments(_:using:)``) it takes no payload.
    public static var void: PayloadCoding<Void> {
        PayloadCoding(encode: { _, _ in [] }, decode: { _, _ in () }, parameterCount: 0)
    }
}

extension PayloadCoding {
    /// One value in one payload; a result reads the first of several, the arguments of a call
    /// (``decodeArguments(_:using:)``) must be exactly one or none for an optional.
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
            },
            parameterCount: 1
        )
    }
}

extension PayloadCoding where Value: PositionalArguments {
    /// One payload per argument, in declaration order. More payloads than parameters is an
    /// error, as in the other SDKs: ignoring them would hide a caller built against a newer
    /// contract (which is why the compatibility check calls an added parameter breaking).
    public static var positional: PayloadCoding<Value> {
        PayloadCoding(
            encode: { value, converter in
                var encoder = ArgumentsEncoder(converter: converter)
                try value.encode(to: &encoder)
                return encoder.payloads
            },
            decode: { payloads, converter in
                var decoder = ArgumentsDecoder(payloads: payloads, converter: converter, typeName: "\(Value.self)")
                let value = try Value(from: &decoder)
                try decoder.requireAllConsumed()
                return value
            }
        )
    }
}
