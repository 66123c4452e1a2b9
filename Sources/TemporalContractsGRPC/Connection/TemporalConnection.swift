import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import TemporalAPI

/// A connection to a Temporal frontend: one HTTP/2 channel shared by every call, the metadata each
/// call carries (namespace, API key, custom headers), and the retry of transient failures.
///
/// Create it with ``connect(_:)`` and ``close()`` it when done; it is safe to share between tasks.
public final class TemporalConnection: Sendable {
    public typealias WorkflowService = Temporal_Api_Workflowservice_V1_WorkflowService.Client<HTTP2ClientTransport.Posix>

    public let options: TemporalConnectionOptions
    /// The generated workflow service client, for calls this module does not wrap.
    public let workflowService: WorkflowService
    let metadata: Metadata
    private let grpcClient: GRPCClient<HTTP2ClientTransport.Posix>
    private let connectionTask: Task<Void, Never>

    private init(options: TemporalConnectionOptions) throws {
        self.options = options
        let transport = try HTTP2ClientTransport.Posix(
            target: .dns(host: options.host, port: options.port),
            transportSecurity: try Self.transportSecurity(options.tls),
            config: .defaults { config in
                if let serverName = options.tls?.serverName { config.http2.authority = serverName }
            }
        )
        grpcClient = GRPCClient(transport: transport)
        workflowService = WorkflowService(wrapping: grpcClient)
        metadata = Self.metadata(for: options)
        let client = grpcClient
        connectionTask = Task { try? await client.runConnections() }
    }

    /// Connects and checks that the server answers (`GetSystemInfo`), retrying while it is
    /// unavailable within `options.retry`. TLS failures are reported at once.
    public static func connect(_ options: TemporalConnectionOptions) async throws -> TemporalConnection {
        let connection = try TemporalConnection(options: options)
        do {
            _ = try await connection.call("GetSystemInfo", retry: .idempotent) { service, metadata, callOptions in
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

    /// Stops accepting calls, lets running ones finish, and closes the channel.
    public func close() async {
        grpcClient.beginGracefulShutdown()
        await connectionTask.value
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
