import Foundation
import InteropWorkflows
import Prometheus
import TemporalContracts
import TemporalContractsGRPC
import TemporalContractsWorker
import TemporalDevServer
import Testing

/// The worker's and the client's metrics through swift-prometheus, scraped over HTTP as Prometheus
/// would while 20 workflows (one activity and one timer each) run on a dev server: the names,
/// tags and counts the Temporal SDK dashboards query.
@Suite(.timeLimit(.minutes(10)))
struct PrometheusMetricsExportTests {
    static let workflows = 20
    static let repositoryRoot = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func aWorkloadShowsUpUnderTheSDKNamesAndTags() async throws {
        let server = try await DevServer.start(DevServerOptions(searchDirectory: Self.repositoryRoot))
        let registry = PrometheusCollectorRegistry()
        let factory = PrometheusMetricsFactory(registry: registry)
        let endpoint = try await MetricsEndpoint.start(registry: registry)
        let connection = try await TemporalConnection.connect(
            TemporalConnectionOptions(host: server.host, port: server.port, namespace: server.namespace, metricsFactory: factory)
        )
        let queue = "metrics-\(UUID().uuidString)"
        // No factory of its own: the workers record into the connection's.
        var options = TemporalWorkerOptions(taskQueue: queue)
        // Fewer than the runs in flight: runs are evicted, and their next tasks replay their histories.
        options.workflows.maxCachedWorkflows = 5
        let worker = try TemporalWorker(
            connection: connection,
            workflows: TripWorkflows.registrations(),
            activities: TripActivities().registrations,
            options: options
        )
        let running = Task { try await worker.run() }
        let log = FileManager.default.temporaryDirectory.appending(path: "metrics-\(UUID().uuidString).log")
        do {
            await worker.waitUntilPolling()
            let client = Trips.Client(TemporalClient(connection: connection))
            let workload = Task {
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for index in 0..<Self.workflows {
                        group.addTask {
                            // One step (index 0, so the sum is 0): one activity and one timer.
                            let sum = try await client.executeMarathon(
                                steps: 1,
                                pauseMs: 10,
                                log: log.path,
                                options: WorkflowStartOptions(id: "\(queue)-\(index)", taskQueue: queue)
                            )
                            return sum == 0 ? 1 : 0
                        }
                    }
                    return try await group.reduce(0, +)
                }
            }

            // While the workload runs: the starts are counted, the gauges are there.
            let during = try await endpoint.scrape(until: "every start is counted") { scrape in
                scrape.total("temporal_request", ["operation": "StartWorkflowExecution"]) >= Double(Self.workflows)
            }
            let namespaceTag = ["namespace": server.namespace]
            #expect(during.total("temporal_request", namespaceTag.merging(["operation": "StartWorkflowExecution"]) { $1 }) >= 20)
            for workerType in ["WorkflowWorker", "ActivityWorker", "LocalActivityWorker"] {
                #expect(!during.samples("temporal_worker_task_slots_available", ["worker_type": workerType, "task_queue": queue]).isEmpty)
                #expect(!during.samples("temporal_worker_task_slots_used", ["worker_type": workerType, "task_queue": queue]).isEmpty)
            }
            for pollerType in ["workflow_task", "sticky_workflow_task", "activity_task"] {
                #expect(!during.samples("temporal_num_pollers", ["poller_type": pollerType, "task_queue": queue]).isEmpty)
            }

            #expect(try await workload.value == Self.workflows)
            // A failed call: describing a workflow that does not exist.
            await #expect(throws: (any Error).self) {
                try await TemporalClient(connection: connection).describe(WorkflowExecution(workflowID: "\(queue)-missing"))
            }
            worker.shutdown()
            try await running.value

            let after = try await endpoint.scrape()
            let workflowTags = ["namespace": server.namespace, "task_queue": queue, "workflow_type": "Marathon"]
            let activityTags = ["namespace": server.namespace, "task_queue": queue, "activity_type": "Step"]
            let queueTags = ["namespace": server.namespace, "task_queue": queue]
            #expect(after.total("temporal_workflow_completed", workflowTags) == 20)
            #expect(after.samples("temporal_workflow_failed", workflowTags).isEmpty)
            #expect(after.total("temporal_workflow_endtoend_latency_count", workflowTags) == 20)
            // One of each per attempt: on a loaded machine a 3 s start-to-close timeout can retry a step.
            let attempts = after.total("temporal_activity_schedule_to_start_latency_count", activityTags)
            #expect(attempts >= 20)
            #expect(after.total("temporal_activity_execution_latency_count", activityTags) == attempts)
            #expect(after.total("temporal_activity_succeed_endtoend_latency_count", activityTags) == 20)
            // Each activity sleeps 0.3 s: the histograms are in milliseconds, as sdk-core's (the default).
            let activityMilliseconds = after.total("temporal_activity_execution_latency_sum", activityTags)
            #expect(
                activityMilliseconds >= 6_000 && activityMilliseconds < 600_000,
                "\(activityMilliseconds) ms for 20 activities of 0.3 s"
            )
            #expect(after.total("temporal_activity_execution_latency_bucket", activityTags.merging(["le": "250.0"]) { $1 }) == 0)
            #expect(after.total("temporal_activity_execution_latency_bucket", activityTags.merging(["le": "+Inf"]) { $1 }) == attempts)

            // The first task, the activity's result, the timer: at least three tasks per run.
            let tasks = after.total("temporal_workflow_task_execution_latency_count", workflowTags)
            #expect(tasks >= 60)
            #expect(after.total("temporal_workflow_task_schedule_to_start_latency_count", workflowTags) == tasks)
            #expect(after.total("temporal_sticky_cache_hit", queueTags) + after.total("temporal_sticky_cache_miss", queueTags) == tasks)
            #expect(after.total("temporal_sticky_cache_miss", queueTags) >= 20, "each run's first task misses the cache")
            #expect(after.total("temporal_sticky_cache_total_forced_eviction", queueTags) > 0)
            #expect(after.total("temporal_workflow_task_replay_latency_count", workflowTags) > 0, "evicted runs replay")
            #expect(after.total("temporal_sticky_cache_size", queueTags) <= 5)
            #expect(after.total("temporal_workflow_task_queue_poll_succeed", queueTags) > 0)
            #expect(!after.samples("temporal_sticky_cache_size", queueTags).isEmpty)
            #expect(after.samples("temporal_workflow_task_execution_failed", queueTags).isEmpty)

            for workerType in ["WorkflowWorker", "ActivityWorker", "LocalActivityWorker"] {
                let tags = queueTags.merging(["worker_type": workerType]) { $1 }
                // Local activities run inside the workflow worker: slots of their own, no start.
                #expect(after.total("temporal_worker_start", tags) == (workerType == "LocalActivityWorker" ? 0 : 1))
                #expect(after.total("temporal_worker_task_slots_available", tags) == 100, "every slot back after the workload")
                #expect(after.total("temporal_worker_task_slots_used", tags) == 0)
            }

            // The client's and the worker's calls, by RPC, with long polls apart.
            func requests(_ operation: String) -> Double {
                after.total("temporal_request", namespaceTag.merging(["operation": operation]) { $1 })
            }
            // At least: a call the server answered unavailable is retried, and each attempt counts.
            #expect(requests("StartWorkflowExecution") >= 20)
            #expect(
                after.total("temporal_request_latency_count", ["operation": "StartWorkflowExecution"]) == requests("StartWorkflowExecution")
            )
            #expect(requests("RespondWorkflowTaskCompleted") >= tasks)
            #expect(requests("RespondActivityTaskCompleted") >= 20)
            #expect(after.total("temporal_long_request", ["operation": "PollWorkflowTaskQueue"]) > 0)
            #expect(after.total("temporal_long_request", ["operation": "PollActivityTaskQueue"]) > 0)
            #expect(after.total("temporal_long_request_latency_count", ["operation": "PollActivityTaskQueue"]) > 0)
            #expect(after.total("temporal_long_request", ["operation": "GetWorkflowExecutionHistory"]) >= 20, "the results' long polls")
            #expect(after.samples("temporal_request", ["operation": "PollWorkflowTaskQueue"]).isEmpty, "a poll is a long request")
            #expect(
                after.total("temporal_request_failure", ["operation": "DescribeWorkflowExecution", "status_code": "NOT_FOUND"]) == 1
            )
            #expect(after.samples("temporal_request_failure", ["operation": "StartWorkflowExecution"]).isEmpty)

            // Every Temporal series carries the namespace, as the dashboards filter by it.
            let unscoped = after.samples.filter { $0.name.hasPrefix("temporal_") && $0.labels["namespace"] != server.namespace }
            #expect(unscoped.isEmpty, "\(unscoped.map(\.name))")
        } catch {
            worker.shutdown()
            _ = try? await running.value
            await cleanUp(endpoint: endpoint, connection: connection, server: server, log: log)
            throw error
        }
        await cleanUp(endpoint: endpoint, connection: connection, server: server, log: log)
    }

    private func cleanUp(endpoint: MetricsEndpoint, connection: TemporalConnection, server: DevServer, log: URL) async {
        await endpoint.stop()
        await connection.close()
        await server.stop()
        try? FileManager.default.removeItem(at: log)
    }
}
