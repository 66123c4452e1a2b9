/// A payload type after resolution: a built-in scalar, a container, or a named type.
public indirect enum TypeReference: Hashable, Sendable {
    case string
    case integer
    case int32
    case int64
    case double
    case float
    case boolean
    /// `format: byte`: base64 text inside JSON.
    case bytes
    /// `format: date-time`: RFC 3339 text.
    case dateTime
    /// `format: uuid`: the canonical textual form.
    case uuid
    case array(TypeReference)
    /// A JSON object with arbitrary string keys.
    case map(TypeReference)
    /// A type declared under `types:` of this or an imported contract.
    case named(QualifiedTypeName)
    /// A swift-protobuf message of a `.proto` contract.
    case protoMessage(fullName: String, swiftName: String)
}

/// A named type and the contract (Swift namespace) that declares it.
public struct QualifiedTypeName: Hashable, Sendable, Comparable {
    /// The declaring contract's `name`.
    public var contract: String
    /// The key under `types:`.
    public var name: String

    public init(contract: String, name: String) {
        self.contract = contract
        self.name = name
    }

    public static func < (lhs: QualifiedTypeName, rhs: QualifiedTypeName) -> Bool {
        (lhs.contract, lhs.name) < (rhs.contract, rhs.name)
    }
}
