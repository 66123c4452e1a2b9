import ArgumentParser

/// The three workloads whose CPU per task the benchmark charges to each SDK's worker process.
enum Workload: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// `OneActivity` workflows: one workflow task pair and one activity each; CPU per workflow.
    case oneActivity = "one-activity"
    /// `TenActivities` workflows: ten sequential activities each; CPU per workflow.
    case tenActivities = "ten-activities"
    /// `Noop` activities scheduled by the Python `RunNoops` workflow on an unmeasured worker;
    /// CPU per activity.
    case activityOnly = "activity-only"

    /// What one task of the workload is, for the printed figures.
    var unit: String { self == .activityOnly ? "activity" : "workflow" }

    /// `unit` in the plural, for rates.
    var units: String { self == .activityOnly ? "activities" : "workflows" }
}
