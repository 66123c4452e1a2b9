@_spi(Generated) import TemporalContracts
import TemporalAPI
import Testing

@testable import TemporalContractsWorker

/// What a versioned worker tells the server: its deployment options on polls and completions,
/// and each workflow's versioning behaviour (the contract's, else the worker's default).
struct WorkerDeploymentOptionsTests {
    final class Noop: WorkflowImplementation {
        init() {}
    }

    static func registration(_ behavior: WorkflowVersioningBehavior?) -> WorkflowRegistration {
        let definition = WorkflowDefinition<Void, Void>(
            name: "Noop\(behavior.map { "-\($0.rawValue)" } ?? "")",
            input: .void,
            output: .void,
            defaults: WorkflowDefaults(versioningBehavior: behavior)
        )
        return WorkflowRegistration(definition, implementation: Noop.self) { _, _, _ in }
    }

    let version = WorkerDeploymentVersion(deploymentName: "orders", buildID: "2.0")

    @Test func theApiOptionsNameTheVersionAndTheMode() {
        var options = WorkerDeploymentOptions(version: version)
        #expect(options.apiOptions.deploymentName == "orders")
        #expect(options.apiOptions.buildID == "2.0")
        #expect(options.apiOptions.workerVersioningMode == .versioned)
        options.useWorkerVersioning = false
        #expect(options.apiOptions.workerVersioningMode == .unversioned)
        #expect(version.description == "orders.2.0")
    }

    @Test func theContractsBehaviourWinsOverTheDefault() {
        let options = WorkerDeploymentOptions(version: version, defaultVersioningBehavior: .autoUpgrade)
        #expect(options.versioningBehavior(of: Self.registration(.pinned)) == .pinned)
        #expect(options.versioningBehavior(of: Self.registration(nil)) == .autoUpgrade)
        #expect(options.versioningBehavior(of: nil) == .autoUpgrade, "an unknown workflow type")
        #expect(WorkflowVersioningBehavior.pinned.apiBehavior == .pinned)
        #expect(WorkflowVersioningBehavior.autoUpgrade.apiBehavior == .autoUpgrade)
    }

    @Test func withoutVersioningNoBehaviourIsSentAndNoneIsRequired() throws {
        let options = WorkerDeploymentOptions(version: version, useWorkerVersioning: false)
        #expect(options.versioningBehavior(of: Self.registration(.pinned)) == nil)
        try options.checkVersioningBehaviors(of: [Self.registration(nil)])
    }

    @Test func underVersioningEveryWorkflowNeedsABehaviour() throws {
        let options = WorkerDeploymentOptions(version: version)
        try options.checkVersioningBehaviors(of: [Self.registration(.pinned), Self.registration(.autoUpgrade)])
        let error = #expect(throws: TemporalWorkerConfigurationError.self) {
            try options.checkVersioningBehaviors(of: [Self.registration(.pinned), Self.registration(nil)])
        }
        #expect(error?.description.contains("workflow Noop has no versioning behaviour") == true, "\(error.map { "\($0)" } ?? "")")
        var withDefault = options
        withDefault.defaultVersioningBehavior = .pinned
        try withDefault.checkVersioningBehaviors(of: [Self.registration(nil)])
    }
}
