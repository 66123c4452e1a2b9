/// A connection could not be made or used.
public enum TemporalConnectionError: Error, Sendable, CustomStringConvertible {
    /// The address is not `host:port`.
    case invalidAddress(String)
    /// The TLS handshake failed: wrong CA, a certificate the proxy or server requires is missing,
    /// or a name mismatch. Retrying does not help, so it is reported at once.
    case tlsHandshakeFailed(host: String, port: Int, reason: String)
    /// A TLS file could not be read.
    case tlsConfiguration(String)
    /// The server did not answer within the retry budget.
    case unreachable(host: String, port: Int, lastError: String)
    /// The server (or a proxy in front of it) answered but refused the client: a missing client
    /// certificate or a wrong API key.
    case refused(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .invalidAddress(let address):
            "invalid Temporal address '\(address)': expected host:port, e.g. 127.0.0.1:7233"
        case .tlsHandshakeFailed(let host, let port, let reason):
            "TLS handshake with \(host):\(port) failed: \(reason) (check the CA certificate, the client certificate and key, and the server name)"
        case .tlsConfiguration(let reason):
            "invalid TLS configuration: \(reason)"
        case .unreachable(let host, let port, let lastError):
            "Temporal server at \(host):\(port) is unreachable: \(lastError)"
        case .refused(let host, let port, let reason):
            "Temporal server at \(host):\(port) refused the client: \(reason) (check the API key and the client certificate)"
        }
    }
}
