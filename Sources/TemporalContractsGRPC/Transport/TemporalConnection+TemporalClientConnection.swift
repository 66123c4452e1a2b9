import TemporalContracts

extension TemporalConnection: TemporalClientConnection {
    /// The workflow service over this connection, as a client's transport.
    public var clientTransport: any TemporalTransport { GRPCTemporalTransport(connection: self) }
}
