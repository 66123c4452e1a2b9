/// One version of a worker deployment: the deployment's name and the build ID of the code the
/// worker runs. The server routes a pinned run's tasks to workers of the version that started it.
public struct WorkerDeploymentVersion: Hashable, Sendable, CustomStringConvertible {
    /// The name of the deployment, shared by every build of the service (`orders-worker`).
    public var deploymentName: String
    /// The build of the code this worker runs (`1.0`, a commit hash).
    public var buildID: String

    /// A version of `deploymentName`.
    public init(deploymentName: String, buildID: String) {
        self.deploymentName = deploymentName
        self.buildID = buildID
    }

    /// `deploymentName.buildID`, as the Temporal CLI and web UI write a version.
    public var description: String { "\(deploymentName).\(buildID)" }
}
