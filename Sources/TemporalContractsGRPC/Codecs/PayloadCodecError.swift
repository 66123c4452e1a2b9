/// A payload codec failed on a payload of a history event, command, message or query: says
/// which one, so an undecodable payload can be traced to its field.
public struct PayloadCodecError: Error, CustomStringConvertible {
    /// Where the payload was, e.g. `event 7 (WorkflowExecutionSignaled) input`.
    public let location: String
    public let underlying: any Error

    public var description: String {
        "payload codec failed on \(location): \(underlying)"
    }
}
