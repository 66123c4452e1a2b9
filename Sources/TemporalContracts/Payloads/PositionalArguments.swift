import Foundation

/// The arguments of a multi-parameter workflow, handler or activity: each travels as its own
/// payload, in order, as positional arguments do in the other SDKs.
public protocol PositionalArguments: Sendable {
    func encode(to encoder: inout ArgumentsEncoder) throws
    init(from decoder: inout ArgumentsDecoder) throws
}

/// Collects one payload per argument.
public struct ArgumentsEncoder {
    let converter: any PayloadConverter
    public private(set) var payloads: [Payload] = []

    public init(converter: any PayloadConverter) {
        self.converter = converter
    }

    public mutating func encode<Value>(_ value: Value) throws {
        payloads.append(try converter.toPayload(value))
    }
}

/// Reads arguments back in order, naming the argument when one does not decode.
public struct ArgumentsDecoder {
    let payloads: [Payload]
    let converter: any PayloadConverter
    let typeName: String
    private var index = 0

    public init(payloads: [Payload], converter: any PayloadConverter, typeName: String) {
        self.payloads = payloads
        self.converter = converter
        self.typeName = typeName
    }

    /// Throws when payloads are left over once `Value(from:)` has read its parameters.
    func requireAllConsumed() throws {
        guard index < payloads.count else { return }
        throw PayloadConversionError(
            .extraArguments(expected: index, received: payloads.count),
            encoding: nil,
            typeName: typeName
        )
    }

    /// Decodes the next argument; a missing trailing argument decodes as nil for optionals.
    public mutating func decode<Value>(_ type: Value.Type, name: String) throws -> Value {
        defer { index += 1 }
        guard index < payloads.count else {
            if let optional = Value.self as? any OptionalPayloadValue.Type, let none = optional.absent as? Value {
                return none
            }
            throw PayloadConversionError(
                .missingArgument(index: index),
                encoding: nil,
                typeName: typeName,
                fieldPath: name
            )
        }
        do {
            return try converter.fromPayload(payloads[index], as: Value.self)
        } catch var error as PayloadConversionError {
            error.typeName = typeName
            // `items` + `[1].sku` → `items[1].sku`; `order` + `note` → `order.note`.
            error.fieldPath =
                error.fieldPath.isEmpty || error.fieldPath.hasPrefix("[")
                ? name + error.fieldPath : "\(name).\(error.fieldPath)"
            throw error
        }
    }
}
