import Logging

extension ActivityInfo {
    /// `logger` with this attempt's activity type and ID, attempt, and workflow as metadata: what
    /// every activity context's `logger` carries, on a worker, for a local activity and in tests.
    public func attemptLogger(_ logger: Logger) -> Logger {
        var logger = logger
        logger[metadataKey: "activity_type"] = "\(activityType)"
        logger[metadataKey: "activity_id"] = "\(activityID)"
        logger[metadataKey: "attempt"] = "\(attempt)"
        logger[metadataKey: "workflow_id"] = "\(workflowID)"
        logger[metadataKey: "workflow_run_id"] = "\(workflowRunID)"
        return logger
    }
}
