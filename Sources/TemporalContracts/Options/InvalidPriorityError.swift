/// A ``Priority`` the server would reject: a priority key outside 1…5, or a fairness weight
/// that is not positive. Thrown before anything is sent.
public struct InvalidPriorityError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, naming the value.
    public var description: String

    /// An error with its description.
    public init(_ description: String) {
        self.description = description
    }
}
