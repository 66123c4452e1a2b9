import GRPCCore

/// A call the server refused or failed, for reasons no typed client error covers.
public struct TemporalRPCError: Error, Sendable, CustomStringConvertible {
    /// The gRPC status code, e.g. `invalidArgument`, `permissionDenied`, `unavailable`.
    public var code: RPCError.Code
    public var message: String
    /// The operation, e.g. `StartWorkflowExecution`.
    public var method: String
    /// What the transport saw beneath the status (connection or TLS errors), when anything.
    public var underlying: String?

    public init(code: RPCError.Code, message: String, method: String, underlying: String? = nil) {
        self.code = code
        self.message = message
        self.method = method
        self.underlying = underlying
    }

    public var description: String {
        "\(method) failed with \(code): \(message)" + (underlying.map { " (\($0))" } ?? "")
    }
}
