import BenchmarkSupport
import Foundation
import TemporalAPI
import TemporalContracts
import TemporalContractsEngine
import TemporalContractsGRPC
import TemporalContractsWorker
import TemporalDevServer

/// The dev-server part: records `LongHistory` runs on a real dev server (with millisecond timers,
/// which the server waits out), then queries each closed run through a fresh Swift worker that
/// caches nothing, so the worker fetches the whole history page by page, decodes and replays it
/// to answer; and replays it with `WorkflowReplayer.replayHistory(workflowID:connection:)`, the
/// same fetch without the worker's task path.
struct ServerReplay {
    struct Figure {
        var events: Int
        var pages: Int
        /// Each query round trip through the uncached worker, in seconds.
        var querySeconds: [Double]
        /// Each fetch-and-replay by the replayer, in seconds.
        var replaySeconds: [Double]
    }

    static let taskQueue = "history-replay-server"
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    let sizes: [Int]
    let repeats: Int
    let timer: Duration

    func run() async throws -> [Figure] {
        let server = try await DevServer.start(DevServerOptions(searchDirectory: Self.repository))
        do {
            let figures = try await measure(on: server)
            await server.stop()
            return figures
        } catch {
            await server.stop()
            throw error
        }
    }

    private func measure(on server: DevServer) async throws -> [Figure] {
        let connection = try await TemporalConnection.connect(
            TemporalConnectionOptions(host: server.host, port: server.port, namespace: server.namespace)
        )
        let client = TemporalClient(transport: GRPCTemporalTransport(connection: connection))
        print("\ndev server \(server.address): recording LongHistory runs (timers of \(timer))")
        var executions: [(events: Int, execution: WorkflowExecution, signals: Int)] = []
        try await Self.withWorker(connection: connection, cached: true, timer: timer) {
            for size in sizes {
                let clock = ContinuousClock()
                let started = clock.now
                let (execution, signals) = try await Self.record(events: size, client: client)
                let events = try await Self.pages(of: execution, connection: connection, server: server)
                executions.append((events.events, execution, signals))
                print(
                    "  \(formatRate(Double(events.events))) events in \(events.pages) pages of the server's default size, "
                        + "recorded in \(format((clock.now - started).seconds, digits: 1)) s"
                )
            }
        }
        var figures: [Figure] = []
        try await Self.withWorker(connection: connection, cached: false, timer: timer) {
            let replayer = WorkflowReplayer(workflows: [LongHistory.registration(timer: timer)])
            for (events, execution, signals) in executions {
                let pages = try await Self.pages(of: execution, connection: connection, server: server).pages
                var figure = Figure(events: events, pages: pages, querySeconds: [], replaySeconds: [])
                let clock = ContinuousClock()
                // A first query outside the figures: the worker's pollers and connection warm up.
                _ = try await client.query(LongHistory.waiting, input: (), execution: execution)
                for _ in 0..<repeats {
                    var started = clock.now
                    let waiting = try await client.query(LongHistory.waiting, input: (), execution: execution)
                    figure.querySeconds.append((clock.now - started).seconds)
                    guard waiting == signals else {
                        throw BenchmarkError("the uncached worker answered \(waiting) for a run of \(events) events")
                    }
                    started = clock.now
                    try await replayer.replayHistory(workflowID: execution.workflowID, connection: connection).tearDown()
                    figure.replaySeconds.append((clock.now - started).seconds)
                }
                figures.append(figure)
            }
        }
        await connection.close()
        return figures
    }

    /// Runs `body` while a Swift worker serves the task queue: `cached` keeps runs between tasks
    /// (recording), otherwise every task, queries included, starts from the full history.
    static func withWorker(
        connection: TemporalConnection,
        cached: Bool,
        timer: Duration,
        _ body: () async throws -> Void
    ) async throws {
        var options = TemporalWorkerOptions(taskQueue: taskQueue)
        if !cached {
            options.workflows.maxCachedWorkflows = 0
            options.workflows.stickyPollers = 0
        }
        let worker = try TemporalWorker(
            connection: connection,
            workflows: [LongHistory.registration(timer: timer)],
            activities: [LongHistory.stepRegistration],
            options: options
        )
        let running = Task { try await worker.run() }
        await worker.waitUntilPolling()
        do {
            try await body()
        } catch {
            worker.shutdown()
            _ = await running.result
            throw error
        }
        worker.shutdown()
        try await running.value
    }

    /// Runs one `LongHistory` of about `events` events to completion, signalling each wait.
    static func record(events: Int, client: TemporalClient) async throws -> (WorkflowExecution, signals: Int) {
        let iterations = max(1, Int((Double(events - 5) / HistoryGenerator.eventsPerIteration).rounded()))
        let execution = try await client.start(
            LongHistory.definition,
            input: iterations,
            options: WorkflowStartOptions(id: "long-history-\(events)-\(UUID().uuidString.prefix(8))", taskQueue: taskQueue)
        )
        // All signals at once: polling the running workflow with queries to place them between
        // iterations costs the shared 2-core machine more than the run itself.
        let signals = iterations / LongHistory.signalEvery
        for _ in 0..<signals {
            try await client.signal(LongHistory.bump, input: 1, execution: execution)
        }
        let total = try await client.result(of: LongHistory.definition, execution: execution)
        guard total == 10 * iterations * (iterations + 1) / 2 + signals else {
            throw BenchmarkError("LongHistory(\(iterations)) on the dev server returned \(total)")
        }
        return (execution, signals)
    }

    /// The run's event count and how many pages the server returns it in at its default page size
    /// (what a worker fetching the history follows).
    static func pages(
        of execution: WorkflowExecution,
        connection: TemporalConnection,
        server: DevServer
    ) async throws -> (events: Int, pages: Int) {
        var request = Temporal_Api_Workflowservice_V1_GetWorkflowExecutionHistoryRequest()
        request.namespace = server.namespace
        request.execution.workflowID = execution.workflowID
        request.execution.runID = execution.runID ?? ""
        var events = 0
        var pages = 0
        repeat {
            let response = try await connection.workflowService.getWorkflowExecutionHistory(request)
            events += response.history.events.count
            pages += 1
            request.nextPageToken = response.nextPageToken
        } while !request.nextPageToken.isEmpty
        return (events, pages)
    }
}
