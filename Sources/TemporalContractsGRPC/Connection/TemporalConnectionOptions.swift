import Foundation
import Metrics

/// Where and how to reach a Temporal frontend.
public struct TemporalConnectionOptions: Sendable {
    /// The frontend's host name or IP address.
    public var host: String
    public var port: Int
    public var namespace: String
    /// Names this client in the workflow history (`identity` of every request).
    public var identity: String
    /// TLS settings; nil connects in plaintext.
    public var tls: TLSOptions?
    /// Sent as `authorization: Bearer <apiKey>` on every call, as Temporal Cloud expects.
    public var apiKey: String?
    /// Extra gRPC metadata sent on every call.
    public var headers: [String: String]
    /// How transient failures are retried.
    public var retry: RPCRetryOptions
    /// The deadline of an ordinary call.
    public var rpcTimeout: Duration
    /// The deadline of a long poll (history, update); the server answers empty before it.
    public var longPollTimeout: Duration
    /// Calls one HTTP/2 channel carries before new calls go to a fresh one (the old one closes
    /// once its calls finish). The server pings a client for nearly every request it receives,
    /// and swift-nio-http2 drops a connection that receives more than 200 pings and settings in
    /// 30 s, failing every call on it; grpc-swift-nio-transport does not let that limit be
    /// raised, so channels are retired before they reach it. 0 keeps one channel.
    public var callsPerChannel: Int
    /// Where the request metrics of every call on this connection go (`temporal_request`,
    /// `temporal_long_request` and their failures and latencies, by `operation`): the client's
    /// calls and the polls and answers of the workers on it), and the task metrics of workers on
    /// it whose options name no factory of their own. Nil uses the bootstrapped `MetricsSystem`.
    /// See <doc:ConnectingToTemporal>.
    public var metricsFactory: (any MetricsFactory)?
    /// How request latencies are recorded: milliseconds (as sdk-core, the default) or timers.
    public var latencyMetricsUnit: LatencyMetricsUnit = .milliseconds

    public init(
        host: String = "127.0.0.1",
        port: Int = 7233,
        namespace: String = "default",
        identity: String = TemporalConnectionOptions.defaultIdentity,
        tls: TLSOptions? = nil,
        apiKey: String? = nil,
        headers: [String: String] = [:],
        retry: RPCRetryOptions = RPCRetryOptions(),
        rpcTimeout: Duration = .seconds(10),
        longPollTimeout: Duration = .seconds(70),
        callsPerChannel: Int = 150,
        metricsFactory: (any MetricsFactory)? = nil
    ) {
        self.host = host
        self.port = port
        self.namespace = namespace
        self.identity = identity
        self.tls = tls
        self.apiKey = apiKey
        self.headers = headers
        self.retry = retry
        self.rpcTimeout = rpcTimeout
        self.longPollTimeout = longPollTimeout
        self.callsPerChannel = callsPerChannel
        self.metricsFactory = metricsFactory
    }

    /// Options from an address written `host:port`, as the Temporal CLI takes it.
    public init(address: String, namespace: String = "default") throws {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]) else {
            throw TemporalConnectionError.invalidAddress(address)
        }
        self.init(host: String(address[..<colon]), port: port, namespace: namespace)
    }

    /// `pid@host`, the identity the other SDKs use.
    public static var defaultIdentity: String {
        "\(ProcessInfo.processInfo.processIdentifier)@\(ProcessInfo.processInfo.hostName)"
    }
}

/// TLS settings of a connection.
public struct TLSOptions: Sendable {
    /// PEM file of the CA that signed the server's certificate; nil trusts the system's roots.
    public var serverCACertificatePath: String?
    /// PEM files of the client certificate and its key, for servers that require mutual TLS.
    public var clientCertificatePath: String?
    public var clientPrivateKeyPath: String?
    /// The name the server's certificate must carry, when it differs from the host connected to.
    public var serverName: String?

    public init(
        serverCACertificatePath: String? = nil,
        clientCertificatePath: String? = nil,
        clientPrivateKeyPath: String? = nil,
        serverName: String? = nil
    ) {
        self.serverCACertificatePath = serverCACertificatePath
        self.clientCertificatePath = clientCertificatePath
        self.clientPrivateKeyPath = clientPrivateKeyPath
        self.serverName = serverName
    }
}
