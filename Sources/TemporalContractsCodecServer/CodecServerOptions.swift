/// Where a ``CodecServer`` listens and whom it serves.
public struct CodecServerOptions: Sendable {
    /// The address to bind; the loopback address by default, so only this machine reaches it.
    public var host: String
    /// The port to bind; `0` picks a free one (read it from ``CodecServer/start()``).
    public var port: Int
    /// The browser origins allowed to call the server, each as `scheme://host[:port]` exactly as
    /// the browser sends it in `Origin` (the web UI's address, e.g. `http://localhost:8233`);
    /// `"*"` allows every origin. Requests from other origins are refused with 403; requests
    /// without an `Origin` header (the CLI, scripts) are not affected.
    public var allowedOrigins: [String]
    /// When set, every encode and decode request must carry `Authorization: Bearer <token>`;
    /// others get 401. CORS preflight requests are exempt, since browsers never send credentials
    /// with them.
    public var bearerToken: String?
    /// The largest request body accepted, in bytes; larger ones get 413.
    public var maximumBodySize: Int
    /// The namespaces served; `nil` serves every namespace. Requests for others get 404.
    public var namespaces: Set<String>?

    /// Options for a server on `host:port`.
    ///
    /// - Parameters:
    ///   - host: the address to bind.
    ///   - port: the port to bind, `0` for a free one.
    ///   - allowedOrigins: the browser origins allowed (the web UI's origin).
    ///   - bearerToken: the token every request must present, or `nil` for none.
    ///   - maximumBodySize: the largest request body accepted, in bytes (4 MiB by default, the
    ///     server's default gRPC message limit).
    ///   - namespaces: the namespaces served, `nil` for all.
    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        allowedOrigins: [String] = [],
        bearerToken: String? = nil,
        maximumBodySize: Int = 4 * 1024 * 1024,
        namespaces: Set<String>? = nil
    ) {
        self.host = host
        self.port = port
        self.allowedOrigins = allowedOrigins
        self.bearerToken = bearerToken
        self.maximumBodySize = maximumBodySize
        self.namespaces = namespaces
    }
}
