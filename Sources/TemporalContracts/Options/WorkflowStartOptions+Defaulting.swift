extension WorkflowStartOptions {
    /// These options with `idConflictPolicy` set when the call set none: how generated
    /// update-with-start methods apply an update reference's `idConflictPolicy` from the contract.
    public func defaulting(idConflictPolicy: WorkflowIDConflictPolicy) -> WorkflowStartOptions {
        var options = self
        options.idConflictPolicy = options.idConflictPolicy ?? idConflictPolicy
        return options
    }
}
