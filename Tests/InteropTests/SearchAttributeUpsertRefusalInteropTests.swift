import Foundation
import Logging
@_spi(Generated) import TemporalContracts
import TemporalContractsGRPC
import TemporalContractsWorker
import TemporalDevServer
import Testing

/// On a real dev server: workflow code upserts a search attribute the namespace has not
/// registered; the server refuses the workflow task (`BadSearchAttributes`) and the worker's
/// error line names the attribute and the command that registers it.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct SearchAttributeUpsertRefusalInteropTests {
    final class Tagger: WorkflowImplementation {
        static let definition = WorkflowDefinition<String, String>(name: "SwiftUnregisteredTagger", input: .single(), output: .single())
        static var registration: WorkflowRegistration {
            WorkflowRegistration(definition, implementation: Tagger.self) { (_: Tagger, stage: String, context) in
                var attributes = SearchAttributes()
                attributes[SearchAttributeKey<String>.keyword("NeverRegisteredStage")] = stage
                context.upsertSearchAttributes(attributes)
                return stage
            }
        }

        init() {}
    }

    /// Keeps the worker's error lines, with their metadata, for the test to read.
    final class CapturedErrors: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []

        func append(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    struct CapturingHandler: LogHandler {
        let captured: CapturedErrors
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            guard event.level >= .error else { return }
            captured.append("\(event.message) \(event.metadata.map { "\($0)" } ?? "")")
        }
    }

    @Test func theWorkersErrorNamesTheAttributeAndTheFix() async throws {
        let server = try await DevServer.start(DevServerOptions(searchDirectory: PythonPeer.repositoryRoot))
        do {
            let connection = try await TemporalConnection.connect(
                TemporalConnectionOptions(host: server.host, port: server.port, namespace: server.namespace)
            )
            let captured = CapturedErrors()
            let queue = "tagger-\(UUID().uuidString)"
            let worker = try TemporalWorker(
                connection: connection,
                workflows: [Tagger.registration],
                options: TemporalWorkerOptions(
                    taskQueue: queue,
                    logger: Logger(label: "tagger") { _ in CapturingHandler(captured: captured) }
                )
            )
            do {
                try await running(worker) {
                    let client = TemporalClient(connection: connection)
                    let run = try await client.start(
                        Tagger.definition,
                        input: "packed",
                        options: WorkflowStartOptions(id: "tagger-\(UUID().uuidString)", taskQueue: queue)
                    )
                    let deadline = ContinuousClock.now + .seconds(20)
                    while !captured.all.contains(where: { $0.contains("workflow task failed") }) && ContinuousClock.now < deadline {
                        try await Task.sleep(for: .milliseconds(200))
                    }
                    try await client.terminate(run, reason: "test over")
                }
            } catch {
                await connection.close()
                throw error
            }
            await connection.close()
            let line = try #require(captured.all.first { $0.contains("workflow task failed") }, "no task failure logged in 20 s")
            #expect(line.contains("search attribute 'NeverRegisteredStage' (Keyword in the contract) is not registered"), "\(line)")
            #expect(line.contains("temporal operator search-attribute create --name NeverRegisteredStage --type Keyword"), "\(line)")
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}
