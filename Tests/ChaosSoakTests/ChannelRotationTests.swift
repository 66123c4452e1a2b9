import Foundation
import TemporalAPI
import TemporalContractsGRPC
import TemporalDevServer
import Testing

/// The connection retires a channel after `callsPerChannel` calls. A call handed the old channel
/// just before a concurrent call retired it used to fail with grpc-swift's `clientIsStopped`
/// (found by the chaos soak: a worker's activity report lost under load); it must move to the
/// fresh channel instead.
@Suite(.timeLimit(.minutes(3)))
struct ChannelRotationTests {
    @Test func concurrentCallsSurviveChannelRotation() async throws {
        let server = try await DevServer.start(DevServerOptions(searchDirectory: SoakSettings.repositoryRoot))
        var options = try TemporalConnectionOptions(address: server.address)
        options.callsPerChannel = 2
        let connection = try await TemporalConnection.connect(options)
        var failures: [String] = []
        // Bursts of concurrent calls, each channel retired after two: the race is narrow.
        for _ in 0..<3 { failures += await burst(on: connection) }
        await connection.close()
        await server.stop()
        // Only the race is checked: hundreds of fresh HTTP/2 connections at once also make some
        // calls time out on a 2-core machine, which the connection reports like any other timeout.
        let stopped = failures.filter { $0.contains("clientIsStopped") }
        #expect(stopped.isEmpty, "\(stopped.count) calls failed on a retired channel: \(stopped.first ?? "")")
    }

    private func burst(on connection: TemporalConnection) async -> [String] {
        await withTaskGroup(of: String?.self) { group in
            for _ in 0..<400 {
                group.addTask {
                    do {
                        _ = try await connection.call("GetSystemInfo", retry: .idempotent) { service, metadata, callOptions in
                            try await service.getSystemInfo(
                                Temporal_Api_Workflowservice_V1_GetSystemInfoRequest(),
                                metadata: metadata,
                                options: callOptions
                            )
                        }
                        return nil
                    } catch {
                        return "\(error)"
                    }
                }
            }
            var failures: [String] = []
            for await failure in group {
                if let failure { failures.append(failure) }
            }
            return failures
        }
    }
}
