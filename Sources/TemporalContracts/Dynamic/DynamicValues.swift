/// What a dynamic handler receives: the name it was called under and the raw payloads, with the
/// payload converter to decode them.
///
/// A dynamic workflow, activity, signal, query or update handler serves names no contract
/// declares, so its input has no static type: the handler decodes each argument itself, as the
/// sender encoded it.
///
/// ```swift
/// let order = try values.decode(as: OrderRequest.self)
/// let note = try values.decode(at: 1, as: String.self)
/// ```
public struct DynamicValues: Sendable {
    /// The workflow type, activity type, signal, query or update name the call used.
    public let name: String
    /// The arguments, encoded, in the order the sender passed them.
    public let payloads: [Payload]
    /// The converter of the worker's data converter, which decodes `payloads`.
    public let converter: any PayloadConverter

    /// Bundles a call's name and payloads with the converter that decodes them.
    public init(name: String, payloads: [Payload], converter: any PayloadConverter) {
        self.name = name
        self.payloads = payloads
        self.converter = converter
    }

    /// The number of arguments.
    public var count: Int { payloads.count }

    /// Decodes the argument at `index`.
    ///
    /// - Throws: `DynamicValuesError` when there is no argument at `index`, or the converter's
    ///   error when the payload does not decode as `type`.
    public func decode<Value>(at index: Int, as type: Value.Type) throws -> Value {
        guard payloads.indices.contains(index) else {
            throw DynamicValuesError(name: name, index: index, count: payloads.count)
        }
        return try converter.fromPayload(payloads[index], as: type)
    }

    /// Decodes the first argument: the whole input of a call that passes one value.
    public func decode<Value>(as type: Value.Type = Value.self) throws -> Value {
        try decode(at: 0, as: type)
    }
}
