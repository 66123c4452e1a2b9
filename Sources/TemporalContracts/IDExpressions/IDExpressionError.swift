/// An ID expression of the contract could not make an ID from the input: `throw("…")` was
/// reached, or a value had the wrong type (a missing field, a number without `.string()`).
///
/// The client throws it before it sends anything, as protoc-gen-go-temporal's clients do.
public struct IDExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, e.g. the message given to `throw("name is required")`.
    public let message: String
    /// The expression inside `${! … }` that failed.
    public let expression: String

    /// An error of `expression` with `message`.
    public init(message: String, expression: String) {
        self.message = message
        self.expression = expression
    }

    public var description: String {
        "ID expression `\(expression)` failed: \(message)"
    }
}
