extension WorkflowRegistration {
    /// This registration with another versioning behaviour: for a dynamic workflow, which has no
    /// contract to carry one, or to override the contract's for one worker.
    public func versioningBehavior(_ behavior: WorkflowVersioningBehavior?) -> WorkflowRegistration {
        var registration = self
        registration.versioningBehavior = behavior
        return registration
    }
}
