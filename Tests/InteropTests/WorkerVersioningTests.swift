import Foundation
import TemporalAPI
import TemporalContracts
import TemporalContractsGRPC
import TemporalContractsWorker
import Testing

/// Worker versioning on a real dev server: two builds of a worker deployment on one task queue.
/// A pinned run stays on the build that started it after the current version moves on, an
/// auto-upgrade run moves to the new current build, and new runs start on it.
@Suite(.serialized, .timeLimit(.minutes(4)))
struct WorkerVersioningTests {
    typealias Fixtures = EagerAndVersioningFixtures
    static let deploymentName = "swift-versioning"

    func worker(
        build: WorkerDeploymentVersion,
        registrations: [WorkflowRegistration],
        connection: TemporalConnection
    ) throws -> TemporalWorker {
        var options = TemporalWorkerOptions(taskQueue: "versioned")
        options.deployment = WorkerDeploymentOptions(version: build)
        return try TemporalWorker(connection: connection, workflows: registrations, options: options)
    }

    /// Makes `version` the deployment's current version, once the server has seen its workers poll.
    func setCurrentVersion(_ version: WorkerDeploymentVersion, on connection: TemporalConnection) async throws {
        var request = Temporal_Api_Workflowservice_V1_SetWorkerDeploymentCurrentVersionRequest()
        request.namespace = connection.options.namespace
        request.deploymentName = version.deploymentName
        request.buildID = version.buildID
        request.identity = "versioning-test"
        _ = try await eventually("\(version) can be made current") {
            try await connection.workflowService.setWorkerDeploymentCurrentVersion(request)
        }
    }

    /// The build and behaviour of each completed workflow task of the run, in order.
    func completions(
        _ execution: WorkflowExecution,
        on connection: TemporalConnection
    ) async throws -> [(build: String, behavior: Temporal_Api_Enums_V1_VersioningBehavior)] {
        try await historyEvents(execution, on: connection)
            .filter { $0.eventType == .workflowTaskCompleted }
            .map {
                (
                    $0.workflowTaskCompletedEventAttributes.deploymentVersion.buildID,
                    $0.workflowTaskCompletedEventAttributes.versioningBehavior
                )
            }
    }

    @Test func aPinnedRunStaysOnItsBuildWhileNewAndAutoUpgradeRunsMoveToTheCurrentOne() async throws {
        let v1 = WorkerDeploymentVersion(deploymentName: Self.deploymentName, buildID: "1.0")
        let v2 = WorkerDeploymentVersion(deploymentName: Self.deploymentName, buildID: "2.0")
        try await withEagerAndVersioningServer { _, connect in
            let clientConnection = try await connect("versioning-client")
            let client = TemporalClient(connection: clientConnection)
            let worker1 = try worker(
                build: v1,
                registrations: [
                    Fixtures.Waiter<Fixtures.Build1>.registration(Fixtures.pinned),
                    Fixtures.Waiter<Fixtures.Build1>.registration(Fixtures.autoUpgrade),
                ],
                connection: try await connect("worker-1.0")
            )
            let worker2 = try worker(
                build: v2,
                registrations: [
                    Fixtures.Waiter<Fixtures.Build2>.registration(Fixtures.pinned),
                    Fixtures.Waiter<Fixtures.Build2>.registration(Fixtures.autoUpgrade),
                ],
                connection: try await connect("worker-2.0")
            )
            try await running(worker1) {
                try await setCurrentVersion(v1, on: clientConnection)
                let pinnedOld = try await client.start(Fixtures.pinned, input: "", options: WorkflowStartOptions(id: "pinned-old"))
                let upgrading = try await client.start(Fixtures.autoUpgrade, input: "", options: WorkflowStartOptions(id: "auto-upgrade"))
                for execution in [pinnedOld, upgrading] {
                    _ = try await eventually("\(execution.workflowID) ran its first task on 1.0") {
                        try await completions(execution, on: clientConnection).first
                    }
                }
                #expect(try await completions(pinnedOld, on: clientConnection).map(\.behavior) == [.pinned])
                #expect(try await completions(upgrading, on: clientConnection).map(\.behavior) == [.autoUpgrade])
                #expect(try await completions(pinnedOld, on: clientConnection).map(\.build) == ["1.0"])

                try await running(worker2) {
                    try await setCurrentVersion(v2, on: clientConnection)
                    let pinnedNew = try await client.start(Fixtures.pinned, input: "", options: WorkflowStartOptions(id: "pinned-new"))
                    // The server routes the next task of a run its worker has cached (sticky) by
                    // the new current version once the change has reached the run's shard, a few
                    // seconds later on a dev server: ping until a task of the auto-upgrade run
                    // runs on 2.0, pinging the pinned run alongside.
                    _ = try await eventually("the auto-upgrade run has a task on 2.0", timeout: .seconds(60)) {
                        for execution in [pinnedOld, upgrading] {
                            try await client.signal(Fixtures.release, input: "ping", execution: execution)
                        }
                        try await Task.sleep(for: .milliseconds(300))
                        return try await completions(upgrading, on: clientConnection).last?.build == "2.0" ? true : nil
                    }
                    for execution in [pinnedOld, upgrading, pinnedNew] {
                        try await client.signal(Fixtures.release, input: "go", execution: execution)
                    }
                    #expect(try await client.result(of: Fixtures.pinned, execution: pinnedOld) == "1.0")
                    #expect(try await client.result(of: Fixtures.autoUpgrade, execution: upgrading) == "2.0")
                    #expect(try await client.result(of: Fixtures.pinned, execution: pinnedNew) == "2.0")
                    let pinnedBuilds = try await completions(pinnedOld, on: clientConnection).map(\.build)
                    #expect(pinnedBuilds.count >= 2 && pinnedBuilds.allSatisfy { $0 == "1.0" }, "\(pinnedBuilds)")
                    let upgradedBuilds = try await completions(upgrading, on: clientConnection).map(\.build)
                    #expect(upgradedBuilds.first == "1.0" && upgradedBuilds.last == "2.0", "\(upgradedBuilds)")
                    // Once on 2.0 it stays there.
                    #expect(upgradedBuilds.drop { $0 == "1.0" }.allSatisfy { $0 == "2.0" }, "\(upgradedBuilds)")
                    let newBuilds = try await completions(pinnedNew, on: clientConnection).map(\.build)
                    #expect(!newBuilds.isEmpty && newBuilds.allSatisfy { $0 == "2.0" }, "\(newBuilds)")
                    let newBehaviors = try await completions(pinnedNew, on: clientConnection).map(\.behavior)
                    #expect(newBehaviors.allSatisfy { $0 == .pinned })
                }
            }
        }
    }

    @Test func anEagerStartRunsOnAVersionedWorkerAndRecordsItsVersion() async throws {
        let v1 = WorkerDeploymentVersion(deploymentName: "swift-eager-versioned", buildID: "1.0")
        try await withEagerAndVersioningServer { _, connect in
            let connection = try await connect("eager-versioned")
            var options = TemporalWorkerOptions(taskQueue: "versioned")
            options.deployment = WorkerDeploymentOptions(version: v1, defaultVersioningBehavior: .autoUpgrade)
            let worker = try TemporalWorker(connection: connection, workflows: [Fixtures.Echo.registration], options: options)
            let workflowWorker = try #require(worker.workflowWorker)
            try await running(worker) {
                try await setCurrentVersion(v1, on: connection)
                let client = TemporalClient(connection: connection)
                let execution = try await client.start(
                    Fixtures.echo,
                    input: "v",
                    options: WorkflowStartOptions(id: "eager-versioned", taskQueue: "versioned")
                )
                #expect(try await client.result(of: Fixtures.echo, execution: execution) == "echo: v")
                #expect(workflowWorker.eagerWorkflowTaskCount == 1)
                let completed = try await completions(execution, on: connection)
                #expect(completed.map(\.build) == ["1.0"])
                #expect(completed.map(\.behavior) == [.autoUpgrade], "the options' default behaviour")
            }
        }
    }

    @Test func aWorkflowWithoutABehaviourIsRefusedUnderVersioning() async throws {
        try await withEagerAndVersioningServer { _, connect in
            let connection = try await connect("refused-worker")
            var options = TemporalWorkerOptions(taskQueue: "versioned")
            options.deployment = WorkerDeploymentOptions(version: WorkerDeploymentVersion(deploymentName: "d", buildID: "1"))
            let error = #expect(throws: TemporalWorkerConfigurationError.self) {
                try TemporalWorker(connection: connection, workflows: [Fixtures.Echo.registration], options: options)
            }
            #expect(error?.description.contains("EagerEcho") == true)
            options.deployment?.defaultVersioningBehavior = .autoUpgrade
            #expect(throws: Never.self) {
                try TemporalWorker(connection: connection, workflows: [Fixtures.Echo.registration], options: options)
            }
        }
    }
}
