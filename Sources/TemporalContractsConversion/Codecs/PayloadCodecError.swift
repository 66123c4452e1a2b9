/// A payload codec failed on a payload of a history event, command, protocol message or query.
///
/// The location names the message and the field, so that a payload that does not decode (a missing
/// key, a payload written by a client without the codec) can be traced to where the server stored it.
public struct PayloadCodecError: Error, CustomStringConvertible {
    /// Where the payload was, e.g. `event 7 (WorkflowExecutionSignaled) input` or
    /// `command 2 (ScheduleActivityTask) input`.
    public let location: String
    /// What the codec (or the unpacking of a protocol message's body) threw.
    public let underlying: any Error

    public init(location: String, underlying: any Error) {
        self.location = location
        self.underlying = underlying
    }

    public var description: String {
        "\(location): \(underlying)"
    }
}

/// A codec turned the single payload of a field (a memo value, a failure's encoded attributes, a
/// Nexus operation's input) into no payload at all: there is nothing to put back in the field.
struct MissingPayloadError: Error, CustomStringConvertible {
    var description: String { "the codec returned no payload for a single-payload field" }
}
