import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2Posix
import Synchronization
import TemporalAPI
import TemporalContractsConversion

/// A connection to a Temporal frontend: an HTTP/2 channel shared by every call (renewed every
/// `callsPerChannel` calls, see there why), the metadata each call carries (namespace, API key,
/// custom headers), and the retry of transient failures.
///
/// Create it with ``connect(_:)`` and ``close()`` it when done; it is safe to share between tasks.
public final class TemporalConnection: Sendable {
    public typealias WorkflowService = Temporal_Api_Workflowservice_V1_WorkflowService.Client<HTTP2ClientTransport.Posix>

    public let options: TemporalConnectionOptions
    let metadata: Metadata
    private let transportSecurity: HTTP2ClientTransport.Posix.TransportSecurity

    /// One HTTP/2 channel, and how many calls it has been given.
    private final class Channel: Sendable {
        let client: GRPCClient<HTTP2ClientTransport.Posix>
        let service: WorkflowService
        let running: Task<Void, Never>
        let calls = Atomic(0)

        init(options: TemporalConnectionOptions, security: HTTP2ClientTransport.Posix.TransportSecurity) throws {
            let transport = try HTTP2ClientTransport.Posix(
                target: .dns(host: options.host, port: options.port),
                transportSecurity: security,
                config: .defaults { config in
                    if let serverName = options.tls?.serverName { config.http2.authority = serverName }
                }
            )
            let client = GRPCClient(transport: transport)
            self.client = client
            service = WorkflowService(wrapping: client)
            running = Task { try? await client.runConnections() }
        }
    }

    private struct Channels {
        var current: Channel
        /// Retired channels whose calls have not all finished, by identity.
        var retiring: [ObjectIdentifier: Channel] = [:]
        var closed = false
    }

    private let channels: Mutex<Channels>
    /// The workflow workers on this connection that take eager workflow starts of its clients.
    package let eagerWorkflowWorkers = EagerWorkflowWorkers()

    private init(options: TemporalConnectionOptions) throws {
        self.options = options
        transportSecurity = try Self.transportSecurity(options.tls)
        metadata = Self.metadata(for: options)
        channels = Mutex(Channels(current: try Channel(options: options, security: transportSecurity)))
    }

    /// The generated workflow service client, for calls this module does not wrap.
    public var workflowService: WorkflowService {
        channels.withLock { $0.current.service }
    }

    /// The service of the channel the next call goes to; past `callsPerChannel` calls a fresh
    /// channel takes over and the old one closes once its calls (long polls included) finish.
    func serviceForNextCall() -> WorkflowService {
        let (service, retired) = channels.withLock { channels -> (WorkflowService, Channel?) in
            let current = channels.current
            let calls = current.calls.wrappingAdd(1, ordering: .relaxed).newValue
            guard options.callsPerChannel > 0, calls > options.callsPerChannel, !channels.closed,
                let fresh = try? Channel(options: options, security: transportSecurity)
            else { return (current.service, nil) }
            channels.current = fresh
            channels.retiring[ObjectIdentifier(current)] = current
            return (fresh.service, current)
        }
        if let retired {
            retired.client.beginGracefulShutdown()
            Task {
                await retired.running.value
                _ = self.channels.withLock { $0.retiring.removeValue(forKey: ObjectIdentifier(retired)) }
            }
        }
        return service
    }

    /// Connects and checks that the server answers (`GetSystemInfo`), retrying while it is
    /// unavailable within `options.retry`. TLS failures are reported at once.
    public static func connect(_ options: TemporalConnectionOptions) async throws -> TemporalConnection {
        let connection = try TemporalConnection(options: options)
        do {
            _ = try await connection.call("GetSystemInfo", retry: .read) { service, metadata, callOptions in
                try await service.getSystemInfo(
                    Temporal_Api_Workflowservice_V1_GetSystemInfoRequest(),
                    metadata: metadata,
                    options: callOptions
                )
            }
        } catch let error as RPCError {
            await connection.close()
            if error.code == .unavailable || error.code == .deadlineExceeded {
                throw TemporalConnectionError.unreachable(host: options.host, port: options.port, lastError: error.fullDescription)
            }
            throw TemporalConnectionError.refused(host: options.host, port: options.port, reason: error.fullDescription)
        } catch {
            await connection.close()
            throw error
        }
        return connection
    }

    /// Whether `close()` was called: calls then fail instead of moving to a fresh channel.
    var isClosed: Bool { channels.withLock { $0.closed } }

    /// Stops accepting calls, lets running ones finish, and closes the channels.
    public func close() async {
        let all = channels.withLock { channels in
            channels.closed = true
            return [channels.current] + Array(channels.retiring.values)
        }
        for channel in all { channel.client.beginGracefulShutdown() }
        for channel in all { await channel.running.value }
    }

    private static func metadata(for options: TemporalConnectionOptions) -> Metadata {
        var metadata = Metadata()
        metadata.addString(options.namespace, forKey: "temporal-namespace")
        metadata.addString("temporal-contracts-swift", forKey: "client-name")
        metadata.addString("0.1.0", forKey: "client-version")
        if let apiKey = options.apiKey {
            metadata.addString("Bearer \(apiKey)", forKey: "authorization")
        }
        for (key, value) in options.headers.sorted(by: { $0.key < $1.key }) {
            metadata.replaceOrAddString(value, forKey: key.lowercased())
        }
        return metadata
    }

    private static func transportSecurity(_ tls: TLSOptions?) throws -> HTTP2ClientTransport.Posix.TransportSecurity {
        guard let tls else { return .plaintext }
        for path in [tls.serverCACertificatePath, tls.clientCertificatePath, tls.clientPrivateKeyPath].compactMap({ $0 })
        where !FileManager.default.isReadableFile(atPath: path) {
            throw TemporalConnectionError.tlsConfiguration("cannot read '\(path)'")
        }
        if (tls.clientCertificatePath == nil) != (tls.clientPrivateKeyPath == nil) {
            throw TemporalConnectionError.tlsConfiguration("a client certificate needs its private key, and a key its certificate")
        }
        return .tls { config in
            if let ca = tls.serverCACertificatePath {
                config.trustRoots = .certificates([.file(path: ca, format: .pem)])
            }
            if let certificate = tls.clientCertificatePath, let key = tls.clientPrivateKeyPath {
                config.certificateChain = [.file(path: certificate, format: .pem)]
                config.privateKey = .file(path: key, format: .pem)
            }
        }
    }
}
