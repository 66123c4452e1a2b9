/// `enable_eager_start` and `versioning_behavior` of `temporal.v1.workflow`, into the same
/// syntax the YAML keys give.
extension ProtoContractReader {
    func readEagerStartAndVersioning(
        _ options: Temporal_V1_WorkflowOptions,
        into workflow: inout WorkflowSyntax,
        at location: SourceLocation
    ) {
        if options.enableEagerStart { workflow.enableEagerStart = true }
        switch options.versioningBehavior {
        case .unspecified: break
        case .pinned: workflow.versioningBehavior = Located(VersioningBehaviorModel.pinned.rawValue, at: location)
        case .autoUpgrade: workflow.versioningBehavior = Located(VersioningBehaviorModel.autoUpgrade.rawValue, at: location)
        case .UNRECOGNIZED(let value):
            // Passed on as text, so the resolver reports it with the known values.
            workflow.versioningBehavior = Located("\(value)", at: location)
        }
    }
}
