import TemporalContracts

/// The worker deployment a worker belongs to, as the Python SDK's `WorkerDeploymentConfig`: the
/// worker polls as `version` and, with `useWorkerVersioning`, tells the server each workflow's
/// versioning behaviour when it completes a workflow task.
///
/// ```swift
/// var options = TemporalWorkerOptions()
/// options.deployment = WorkerDeploymentOptions(
///     version: WorkerDeploymentVersion(deploymentName: "orders", buildID: "2.0"),
///     useWorkerVersioning: true,
///     defaultVersioningBehavior: .autoUpgrade
/// )
/// ```
public struct WorkerDeploymentOptions: Hashable, Sendable {
    /// The deployment version this worker's code is.
    public var version: WorkerDeploymentVersion
    /// Whether the server routes tasks by deployment version. When false the version is only
    /// reported (the worker takes any task of its queue, as an unversioned worker does).
    public var useWorkerVersioning: Bool
    /// The behaviour of the workflows whose contract sets no `versioningBehavior`. With
    /// versioning on, a worker refuses to start when a workflow has neither (as the SDKs do).
    public var defaultVersioningBehavior: WorkflowVersioningBehavior?

    /// Options for a worker of `version`.
    public init(
        version: WorkerDeploymentVersion,
        useWorkerVersioning: Bool = true,
        defaultVersioningBehavior: WorkflowVersioningBehavior? = nil
    ) {
        self.version = version
        self.useWorkerVersioning = useWorkerVersioning
        self.defaultVersioningBehavior = defaultVersioningBehavior
    }

    /// The behaviour a run of `registration`'s workflow reports: the contract's, else the default.
    public func versioningBehavior(of registration: WorkflowRegistration?) -> WorkflowVersioningBehavior? {
        guard useWorkerVersioning else { return nil }
        return registration?.versioningBehavior ?? defaultVersioningBehavior
    }
}
