/// One `${! … }` expression of an ID template, in the subset of Bloblang that
/// protoc-gen-go-temporal's protos use and the generated Swift evaluates.
public indirect enum IDExpression: Hashable, Sendable {
    /// A path of wire (JSON) names into the input, e.g. `customer.id`.
    case field([String])
    /// A string literal, e.g. `"World"`.
    case string(String)
    /// A number literal, e.g. `42`.
    case number(Double)
    /// A function call without a receiver, e.g. `uuid_v4()`.
    case function(IDFunction)
    /// A method applied to the value of `receiver`, e.g. `name.slug()`.
    case method(receiver: IDExpression, IDMethod)

    /// The input fields the expression reads.
    public var fieldPaths: [[String]] {
        switch self {
        case .field(let path): [path]
        case .string, .number, .function: []
        case .method(let receiver, let method): receiver.fieldPaths + (method.argument?.fieldPaths ?? [])
        }
    }
}

/// The functions of the subset.
public enum IDFunction: Hashable, Sendable {
    /// `uuid_v4()`: a random version 4 UUID.
    case uuidV4
    /// `nanoid()`: 21 random characters of `_-0-9a-zA-Z`.
    case nanoid
    /// `ksuid()`: a 27-character KSUID.
    case ksuid
    /// `throw("message")`: fails with the message.
    case `throw`(String)

    /// The Bloblang names, for errors that list the subset.
    public static let names = ["uuid_v4()", "nanoid()", "ksuid()", "throw(\"message\")"]
}

/// The methods of the subset.
public indirect enum IDMethod: Hashable, Sendable {
    /// `.or(fallback)`: the fallback when the value is absent or failed.
    case or(IDExpression)
    /// `.catch(fallback)`: the fallback when the value failed.
    case `catch`(IDExpression)
    /// `.not_empty()`: fails on an empty string.
    case notEmpty
    /// `.slug()`: a URL-safe slug of the string.
    case slug
    /// `.string()`: the value as text.
    case string
    /// `.int64()`: the value as a whole number.
    case int64
    /// `.number()`: the value as a number.
    case number
    /// `.lowercase()`.
    case lowercase
    /// `.uppercase()`.
    case uppercase

    /// The expression argument of `.or` and `.catch`.
    public var argument: IDExpression? {
        switch self {
        case .or(let argument), .catch(let argument): argument
        default: nil
        }
    }

    /// The Bloblang names, for errors that list the subset.
    public static let names = [
        ".or(…)", ".catch(…)", ".not_empty()", ".slug()", ".string()", ".int64()", ".number()", ".lowercase()",
        ".uppercase()",
    ]
}
