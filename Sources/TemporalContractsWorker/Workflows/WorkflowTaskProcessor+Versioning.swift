import TemporalAPI

/// Worker versioning on task completions: the deployment version that did the work, and how the
/// run moves between versions (sdk-core sends both on every completion).
extension WorkflowTaskProcessor {
    func applyDeployment(
        to request: inout Temporal_Api_Workflowservice_V1_RespondWorkflowTaskCompletedRequest,
        workflowType: String
    ) {
        guard let deployment = options.deployment else { return }
        request.deploymentOptions = deployment.apiOptions
        if let behavior = deployment.versioningBehavior(of: workflows.registration(forType: workflowType)) {
            request.versioningBehavior = behavior.apiBehavior
        }
    }
}
