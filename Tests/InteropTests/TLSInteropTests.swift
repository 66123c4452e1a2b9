import Foundation
import InteropWorkflows
import TemporalContracts
import TemporalContractsGRPC
import TemporalDevServer
import Testing

/// The client through a real TLS-terminating proxy (nginx with `grpc_pass`) in front of the dev
/// server, with certificates the test makes.
@Suite(.fulfillmentWorker, .timeLimit(.minutes(5)))
struct TLSInteropTests {
    @Test func tlsWithCustomCAAndAPIKey() async throws {
        let environment = try FulfillmentEnvironment.require()
        try await TLSProxy.start(upstreamPort: environment.server.port).use { proxy in
            let connection = try await TemporalConnection.connect(
                TemporalConnectionOptions(
                    host: "localhost",
                    port: proxy.tlsPort,
                    tls: TLSOptions(serverCACertificatePath: proxy.caCertificatePath),
                    apiKey: "test-api-key",
                    headers: ["x-team": "fulfillment"]
                )
            )
            let client = Fulfillment.Client(TemporalClient(connection: connection))
            let result = try await client.executeCombine(
                text: "tls",
                count: 1,
                scale: 2,
                options: WorkflowStartOptions(id: "tls-\(UUID().uuidString)")
            )
            await connection.close()
            #expect(result == "tls:1:2.0")
            let log = proxy.accessLog()
            #expect(log.contains("authorization=\"Bearer test-api-key\""), "the API key reached the proxy: \(log.suffix(400))")
            #expect(log.contains("x-team=\"fulfillment\""), "custom headers reached the proxy: \(log.suffix(400))")
        }
    }

    @Test func mutualTLSWithAndWithoutTheClientCertificate() async throws {
        let environment = try FulfillmentEnvironment.require()
        try await TLSProxy.start(upstreamPort: environment.server.port).use { proxy in
            let connection = try await TemporalConnection.connect(
                TemporalConnectionOptions(
                    host: "localhost",
                    port: proxy.mutualTLSPort,
                    tls: TLSOptions(
                        serverCACertificatePath: proxy.caCertificatePath,
                        clientCertificatePath: proxy.clientCertificatePath,
                        clientPrivateKeyPath: proxy.clientKeyPath
                    )
                )
            )
            let client = Fulfillment.Client(TemporalClient(connection: connection))
            #expect(
                try await client.executeCombine(
                    text: "mtls",
                    count: 2,
                    scale: 1,
                    options: WorkflowStartOptions(id: "mtls-\(UUID().uuidString)")
                )
                    == "mtls:2:1.0"
            )
            await connection.close()

            let started = ContinuousClock.now
            let error = await #expect(throws: (any Error).self) {
                try await TemporalConnection.connect(
                    TemporalConnectionOptions(
                        host: "localhost",
                        port: proxy.mutualTLSPort,
                        tls: TLSOptions(serverCACertificatePath: proxy.caCertificatePath),
                        retry: RPCRetryOptions(maximumElapsedTime: .seconds(5))
                    )
                )
            }
            #expect(ContinuousClock.now - started < .seconds(20), "a missing client certificate fails, not hangs")
            let message = String(describing: error.map { $0 })
            #expect(message.localizedCaseInsensitiveContains("client certificate"), "the error says what is missing: \(message)")
            #expect(message.contains("refused"), "an authentication failure is not reported as unreachable: \(message)")
        }
    }

    @Test func wrongCAFailsFastWithATLSError() async throws {
        let environment = try FulfillmentEnvironment.require()
        let proxy = try await TLSProxy.start(upstreamPort: environment.server.port)
        let started = ContinuousClock.now
        let error = await #expect(throws: TemporalConnectionError.self) {
            try await TemporalConnection.connect(
                TemporalConnectionOptions(
                    host: "localhost",
                    port: proxy.tlsPort,
                    tls: TLSOptions(serverCACertificatePath: proxy.wrongCACertificatePath)
                )
            )
        }
        await proxy.stop()
        #expect(ContinuousClock.now - started < .seconds(10), "a TLS failure is not retried")
        guard case .tlsHandshakeFailed = error else {
            Issue.record("expected a TLS handshake error, got \(String(describing: error))")
            return
        }
    }
}
