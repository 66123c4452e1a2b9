/// A `TemporalWorker` cannot serve what it was given; the message says what to change.
public struct TemporalWorkerConfigurationError: Error, CustomStringConvertible, Sendable {
    /// What is wrong and how to fix it.
    public let description: String

    /// An error with its message.
    public init(_ description: String) {
        self.description = description
    }
}
