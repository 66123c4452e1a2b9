import TemporalContracts

extension WorkflowTestEnvironment: TemporalClientConnection {
    /// The in-process server, so a generated client takes the environment as its connection:
    /// `Orders.Client(connection: environment)`.
    public var clientTransport: any TemporalTransport { server }
}
