/// A connection to a Temporal server that clients send their calls through: the gRPC module's
/// `TemporalConnection` is one. Lets the runtime (and generated clients, which import the runtime
/// only) take a connection directly: `TemporalClient(connection:)`, `Orders.Client(connection:)`.
public protocol TemporalClientConnection: Sendable {
    /// The transport a client over this connection uses.
    var clientTransport: any TemporalTransport { get }
}

extension TemporalClient {
    /// A client over `connection`: `TemporalClient(connection: try await TemporalConnection.connect(options))`.
    public init(
        connection: some TemporalClientConnection,
        dataConverter: DataConverter = .default,
        queryRejectCondition: QueryRejectCondition = .none,
        interceptors: [any ClientInterceptor] = []
    ) {
        self.init(
            transport: connection.clientTransport,
            dataConverter: dataConverter,
            queryRejectCondition: queryRejectCondition,
            interceptors: interceptors
        )
    }
}
