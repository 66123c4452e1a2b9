import TemporalAPI
import TemporalContracts

extension WorkerDeploymentOptions {
    /// The options as polls and task completions send them.
    var apiOptions: Temporal_Api_Deployment_V1_WorkerDeploymentOptions {
        var options = Temporal_Api_Deployment_V1_WorkerDeploymentOptions()
        options.deploymentName = version.deploymentName
        options.buildID = version.buildID
        options.workerVersioningMode = useWorkerVersioning ? .versioned : .unversioned
        return options
    }

    /// Checks that every workflow has a versioning behaviour when versioning is on: the server
    /// refuses a versioned workflow task completion without one.
    func checkVersioningBehaviors(of workflows: [WorkflowRegistration]) throws {
        guard useWorkerVersioning, defaultVersioningBehavior == nil else { return }
        let missing = workflows.filter { $0.versioningBehavior == nil }.map(\.name)
        guard missing.isEmpty else {
            throw TemporalWorkerConfigurationError(
                "worker versioning is on, but workflow\(missing.count == 1 ? "" : "s") \(missing.sorted().joined(separator: ", ")) "
                    + "\(missing.count == 1 ? "has" : "have") no versioning behaviour; set 'versioningBehavior' in the contract "
                    + "(pinned or autoUpgrade) or WorkerDeploymentOptions.defaultVersioningBehavior"
            )
        }
    }
}

extension WorkflowVersioningBehavior {
    /// The behaviour as a workflow task completion sends it.
    var apiBehavior: Temporal_Api_Enums_V1_VersioningBehavior {
        switch self {
        case .pinned: .pinned
        case .autoUpgrade: .autoUpgrade
        }
    }
}
