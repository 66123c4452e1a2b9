import TemporalContracts

/// The soak's workflows, for a worker to register.
public enum ChaosWorkflows {
    public static var registrations: [WorkflowRegistration] {
        [SoakWorkflow.registration, SquareWorkflow.registration]
    }
}
