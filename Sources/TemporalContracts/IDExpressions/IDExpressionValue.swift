import Foundation

/// A value inside a contract's `${! … }` ID expression, with the Bloblang semantics
/// protoc-gen-go-temporal gives it: fields are read from the input as its JSON form has them
/// (for `.proto` inputs, protojson: zero values are absent, 64-bit integers are strings), and an
/// error travels along the method chain until `.catch(…)` or `.or(…)` replaces it.
///
/// Generated code builds these; the final ``text(of:)`` turns the value into ID text or throws.
public enum IDExpressionValue: Sendable, Equatable {
    /// An absent field.
    case null
    case string(String)
    case number(Double)
    case bool(Bool)
    /// A failed step, carried to the end of the chain (Bloblang's query error).
    case failure(String)

    // MARK: Reading input fields

    /// A string field.
    public init(_ value: String) { self = .string(value) }

    /// An integer field, which JSON carries as a number.
    public init(_ value: some BinaryInteger) { self = .number(Double(value)) }

    /// A Boolean field.
    public init(_ value: Bool) { self = .bool(value) }

    /// A UUID field, as its lowercase text.
    public init(_ value: UUID) { self = .string(value.uuidString.lowercased()) }

    /// An optional string field: `nil` is absent.
    public init(_ value: String?) { self = value.map(IDExpressionValue.string) ?? .null }

    /// An optional integer field: `nil` is absent.
    public init<Integer: BinaryInteger>(_ value: Integer?) { self = value.map { .number(Double($0)) } ?? .null }

    /// An optional Boolean field: `nil` is absent.
    public init(_ value: Bool?) { self = value.map(IDExpressionValue.bool) ?? .null }

    /// A string field of a protobuf message: protojson leaves the empty string out.
    public init(protoField value: String) { self = value.isEmpty ? .null : .string(value) }

    /// A 32-bit integer field of a protobuf message: a JSON number, left out when zero.
    public init(protoField value: Int32) { self = value == 0 ? .null : .number(Double(value)) }

    /// An unsigned 32-bit integer field of a protobuf message: a JSON number, left out when zero.
    public init(protoField value: UInt32) { self = value == 0 ? .null : .number(Double(value)) }

    /// A 64-bit integer field of a protobuf message: protojson writes it as a string, left out when zero.
    public init(protoField value: Int64) { self = value == 0 ? .null : .string(String(value)) }

    /// An unsigned 64-bit integer field of a protobuf message: a string, left out when zero.
    public init(protoField value: UInt64) { self = value == 0 ? .null : .string(String(value)) }

    /// A `double` field of a protobuf message: a JSON number, left out when zero.
    public init(protoField value: Double) { self = value == 0 ? .null : .number(value) }

    /// A `float` field of a protobuf message: a JSON number with the float's shortest digits
    /// (`0.1`, not `0.10000000149011612`), left out when zero.
    public init(protoField value: Float) { self = value == 0 ? .null : .number(Double(value.description) ?? Double(value)) }

    /// An enum field of a protobuf message: protojson writes the value's name (its number when the
    /// name is unknown) and leaves the zero value out.
    public init(protoEnum rawValue: Int, names: [Int: String]) {
        self = rawValue == 0 ? .null : names[rawValue].map(IDExpressionValue.string) ?? .number(Double(rawValue))
    }

    /// A Boolean field of a protobuf message: left out when false.
    public init(protoField value: Bool) { self = value ? .bool(true) : .null }

    /// A string field of a protobuf message that tracks presence: absent only when unset.
    public init(protoField value: String, isPresent: Bool) { self = isPresent ? .string(value) : .null }

    /// A 32-bit integer field that tracks presence: absent only when unset.
    public init(protoField value: Int32, isPresent: Bool) { self = isPresent ? .number(Double(value)) : .null }

    /// An unsigned 32-bit integer field that tracks presence: absent only when unset.
    public init(protoField value: UInt32, isPresent: Bool) { self = isPresent ? .number(Double(value)) : .null }

    /// A 64-bit integer field that tracks presence: a string, absent only when unset.
    public init(protoField value: Int64, isPresent: Bool) { self = isPresent ? .string(String(value)) : .null }

    /// An unsigned 64-bit integer field that tracks presence: a string, absent only when unset.
    public init(protoField value: UInt64, isPresent: Bool) { self = isPresent ? .string(String(value)) : .null }

    /// A `double` field that tracks presence: absent only when unset.
    public init(protoField value: Double, isPresent: Bool) { self = isPresent ? .number(value) : .null }

    /// A `float` field that tracks presence, with the float's shortest digits: absent only when unset.
    public init(protoField value: Float, isPresent: Bool) {
        self = isPresent ? .number(Double(value.description) ?? Double(value)) : .null
    }

    /// A Boolean field that tracks presence: absent only when unset.
    public init(protoField value: Bool, isPresent: Bool) { self = isPresent ? .bool(value) : .null }

    /// An enum field that tracks presence: its value's name (number when unknown), absent only when unset.
    public init(protoEnum rawValue: Int, names: [Int: String], isPresent: Bool) {
        self = isPresent ? names[rawValue].map(IDExpressionValue.string) ?? .number(Double(rawValue)) : .null
    }

    // MARK: Methods

    /// `a.or(b)`: `b` when `a` is absent or failed.
    public func or(_ fallback: @autoclosure () -> IDExpressionValue) -> IDExpressionValue {
        switch self {
        case .null, .failure: fallback()
        default: self
        }
    }

    /// `a.catch(b)`: `b` when `a` failed.
    public func `catch`(_ fallback: @autoclosure () -> IDExpressionValue) -> IDExpressionValue {
        if case .failure = self { return fallback() }
        return self
    }

    /// `a.not_empty()`: fails on an empty string or a value that is no string.
    public func notEmpty() -> IDExpressionValue {
        switch self {
        case .string(let text): text.isEmpty ? .failure("string value is empty") : self
        case .failure: self
        default: .failure("expected string value, got \(typeName)")
        }
    }

    /// `a.string()`: the value as text (`30`, `1.5`, `true`, `null`).
    public func string() -> IDExpressionValue {
        switch self {
        case .null: .string("null")
        case .string: self
        case .number(let number): .string(Self.format(number))
        case .bool(let value): .string(value ? "true" : "false")
        case .failure: self
        }
    }

    /// `a.int64()`: a number or numeric string as a whole number.
    public func int64() -> IDExpressionValue {
        switch self {
        case .number(let number) where number.rounded(.towardZero) == number: self
        case .string(let text):
            Int64(text.trimmingCharacters(in: .whitespaces)).map { .number(Double($0)) }
                ?? .failure("cannot parse '\(text)' as int64")
        case .failure: self
        default: .failure("expected number value, got \(typeName)")
        }
    }

    /// `a.number()`: a number or numeric string as a number.
    public func number() -> IDExpressionValue {
        switch self {
        case .number: self
        case .string(let text):
            Double(text.trimmingCharacters(in: .whitespaces)).map(IDExpressionValue.number)
                ?? .failure("cannot parse '\(text)' as number")
        case .failure: self
        default: .failure("expected number value, got \(typeName)")
        }
    }

    /// `a.lowercase()`.
    public func lowercase() -> IDExpressionValue { mapString { $0.lowercased() } }

    /// `a.uppercase()`.
    public func uppercase() -> IDExpressionValue { mapString { $0.uppercased() } }

    /// `a.slug()`: the string as gosimple/slug makes it, e.g. `Hello, World!` → `hello-world`.
    public func slug() -> IDExpressionValue { mapString(IDSlug.make) }

    /// `throw("message")`: a failure with `message`.
    public static func `throw`(_ message: String) -> IDExpressionValue { .failure(message) }

    // MARK: Result

    /// The ID text of `${! expression }`: the string, or an ``IDExpressionError`` for a failure or
    /// a value that is no string (as the Go tool, which needs a string result).
    public func text(of expression: String) throws(IDExpressionError) -> String {
        switch self {
        case .string(let text): return text
        case .failure(let message): throw IDExpressionError(message: message, expression: expression)
        default: throw IDExpressionError(message: "expected string result, got \(typeName)", expression: expression)
        }
    }

    private var typeName: String {
        switch self {
        case .null: "null"
        case .string: "string"
        case .number: "number"
        case .bool: "bool"
        case .failure: "error"
        }
    }

    private func mapString(_ transform: (String) -> String) -> IDExpressionValue {
        switch self {
        case .string(let text): .string(transform(text))
        case .failure: self
        default: .failure("expected string value, got \(typeName)")
        }
    }

    private static func format(_ number: Double) -> String {
        if number.rounded(.towardZero) == number, abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}
