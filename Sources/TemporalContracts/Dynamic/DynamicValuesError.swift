/// A dynamic handler asked for an argument the call did not pass.
public struct DynamicValuesError: Error, CustomStringConvertible, Sendable {
    /// The name of the call.
    public let name: String
    /// The argument asked for.
    public let index: Int
    /// How many arguments the call passed.
    public let count: Int

    /// A readable summary naming the call and the argument.
    public var description: String {
        "'\(name)' was called with \(count) argument(s); argument \(index) does not exist"
    }
}
