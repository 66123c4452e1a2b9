/// How the runs of a workflow move between worker deployment versions when a worker serves the
/// workflow with worker versioning on (`TemporalWorkerOptions.deployment`).
public enum WorkflowVersioningBehavior: String, Hashable, Sendable, CaseIterable {
    /// A run stays on the deployment version that started it, until it completes: code changes
    /// need no patches, but the old version's workers must run until its runs finish.
    case pinned
    /// A run moves to the deployment's current version at its next workflow task: changes to
    /// the workflow code must stay replay-compatible (patches).
    case autoUpgrade
}
