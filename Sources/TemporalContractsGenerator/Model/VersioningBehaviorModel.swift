/// How a workflow's runs move between worker deployment versions (`versioningBehavior:`).
public enum VersioningBehaviorModel: String, CaseIterable, Sendable {
    /// A run stays on the version that started it.
    case pinned
    /// A run moves to the current version at its next workflow task.
    case autoUpgrade
}
