import Foundation
import Logging
import MetricsTestKit
import ServiceLifecycle
import Synchronization
import TemporalContracts
import TemporalContractsGRPC
import TemporalContractsWorker
import Testing

/// Shutdown with activities in flight, lifecycle integration, the concurrency limit and
/// asynchronous completion, each with its own dev server and workers.
@Suite(.timeLimit(.minutes(5)))
struct ActivityWorkerLifecycleTests {
    @Test func shutdownLosesNoActivity() async throws {
        let label = "shutdown-\(UUID().uuidString)"
        // Worker A holds every activity for 3 s and gets a 200 ms grace period; worker B is fast.
        let environment = try await WarehouseEnvironment.start(
            activities: WarehouseActivities(noopBehavior: .sleep(.seconds(3), label: label)),
            gracefulShutdownTimeout: .milliseconds(200)
        )
        try await environment.use { environment in
            let handle = try await environment.client.startRunNoops(
                count: 30,
                parallelism: 30,
                taskQueue: WarehouseEnvironment.activityTaskQueue,
                options: WarehouseEnvironment.workflowOptions("shutdown")
            )
            try await waitForEvent("noop-started", label: label)
            _ = environment.startWorker(
                WarehouseActivities(),
                options: ActivityWorkerOptions(taskQueue: WarehouseEnvironment.activityTaskQueue)
            )
            environment.activityWorker.shutdown()
            try await environment.activityWorkerRun.value
            let eventsOfA = WarehouseActivities.events.withLock { $0[label] ?? [] }
            #expect(eventsOfA.contains("noop-interrupted"), "activities were in flight on A: \(eventsOfA)")
            #expect(try await handle.result() == 30, "every activity completed, on A or retried on B")
        }
    }

    @Test func gracefulShutdownThroughServiceGroupLetsRunningActivitiesFinish() async throws {
        let label = "graceful-\(UUID().uuidString)"
        let sleeping = WarehouseActivities(noopBehavior: .sleep(.milliseconds(800), label: label))
        try await WarehouseEnvironment.start(activities: sleeping).use { environment in
            // The environment's own worker steps aside; this one runs in a service group.
            environment.activityWorker.shutdown()
            try await environment.activityWorkerRun.value
            let worker = ActivityWorker(
                connection: environment.connection,
                activities: sleeping.registrations,
                options: ActivityWorkerOptions(taskQueue: WarehouseEnvironment.activityTaskQueue, gracefulShutdownTimeout: .seconds(20))
            )
            let group = ServiceGroup(
                configuration: ServiceGroupConfiguration(services: [worker], logger: Logger(label: "test.service-group"))
            )
            let running = Task { try await group.run() }
            environment.onStop { running.cancel() }

            let handle = try await environment.client.startRunNoops(
                count: 10,
                parallelism: 10,
                taskQueue: WarehouseEnvironment.activityTaskQueue,
                options: WarehouseEnvironment.workflowOptions("graceful")
            )
            try await waitForEvent("noop-started", label: label)
            await group.triggerGracefulShutdown()
            try await running.value
            let events = WarehouseActivities.events.withLock { $0[label] ?? [] }
            #expect(!events.contains("noop-interrupted"), "nothing canceled within the grace period: \(events)")
            #expect(events.filter { $0 == "noop-completed" }.count == events.filter { $0 == "noop-started" }.count)

            // The activities it did not take are left for the next worker.
            _ = environment.startWorker(
                WarehouseActivities(),
                options: ActivityWorkerOptions(taskQueue: WarehouseEnvironment.activityTaskQueue)
            )
            #expect(try await handle.result() == 10)
        }
    }

    @Test func concurrencyLimitHoldsAndMetricsCountTheTasks() async throws {
        let label = "limit-\(UUID().uuidString)"
        let metrics = TestMetrics()
        let environment = try await WarehouseEnvironment.start(
            // Long enough that the three slots overlap even when the machine is busy (1 s was not,
            // once, with every suite running beside a second build).
            activities: WarehouseActivities(noopBehavior: .sleep(.seconds(2), label: label)),
            maxConcurrentActivities: 3,
            metricsFactory: metrics
        )
        try await environment.use { environment in
            let completed = try await environment.client.executeRunNoops(
                count: 12,
                parallelism: 12,
                taskQueue: WarehouseEnvironment.activityTaskQueue,
                options: WarehouseEnvironment.workflowOptions("limit")
            )
            #expect(completed == 12)
            let peak = WarehouseActivities.concurrency.withLock { $0[label]?.peak ?? 0 }
            #expect(peak == 3, "at most 3 at once, and the limit was used")
            let dimensions = [
                ("namespace", environment.connection.options.namespace), ("task_queue", WarehouseEnvironment.activityTaskQueue),
                ("activity_type", "Noop"),
            ]
            #expect(try metrics.expectRecorder("temporal_activity_schedule_to_start_latency", dimensions).values.count == 12)
            // Milliseconds, as sdk-core records latencies.
            let latency = try metrics.expectRecorder("temporal_activity_execution_latency", dimensions)
            #expect(latency.values.count == 12)
            #expect(latency.values.allSatisfy { $0 >= 2_000 }, "each ran its two seconds")
        }
    }

    /// Its own server: a burst like this can make swift-nio-http2 drop the connection (see the
    /// README's benchmark notes), which would disturb the timing-sensitive tests of a shared suite.
    @Test func manyActivitiesThroughTheWorker() async throws {
        try await WarehouseEnvironment.start().use { environment in
            let completed = try await environment.client.executeRunNoops(
                count: 200,
                parallelism: 50,
                taskQueue: WarehouseEnvironment.activityTaskQueue,
                options: WarehouseEnvironment.workflowOptions("noops")
            )
            #expect(completed == 200)
        }
    }

    @Test func activityCompletedAsynchronouslyByTheClient() async throws {
        let (tokens, continuation) = AsyncStream.makeStream(of: Data.self)
        let environment = try await WarehouseEnvironment.start(
            activities: WarehouseActivities(noopBehavior: .completeAsynchronously(tokens: continuation))
        )
        try await environment.use { environment in
            let handle = try await environment.client.startRunNoops(
                count: 1,
                parallelism: 1,
                taskQueue: WarehouseEnvironment.activityTaskQueue,
                options: WarehouseEnvironment.workflowOptions("async")
            )
            var iterator = tokens.makeAsyncIterator()
            let token = try #require(await iterator.next())
            let client = TemporalClient(connection: environment.connection)
            let activity = client.asyncActivity(taskToken: token)
            #expect(try await activity.heartbeat("still working") == false)
            try await activity.complete(Warehouse.Activities.noop, result: "completed from outside")
            #expect(try await handle.result() == 1)
            await #expect(throws: ActivityNotFoundError.self) {
                try await activity.complete(Warehouse.Activities.noop, result: "twice")
            }
        }
    }

    private func waitForEvent(_ event: String, label: String) async throws {
        for _ in 0..<300 {
            if WarehouseActivities.events.withLock({ $0[label]?.contains(event) == true }) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("no '\(event)' within 15 s")
    }
}
