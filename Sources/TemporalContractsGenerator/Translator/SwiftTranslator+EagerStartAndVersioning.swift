/// The `enableEagerStart` and `versioningBehavior` arguments of a workflow's generated defaults.
extension SwiftTranslator {
    static func eagerStartAndVersioningDefaults(_ workflow: WorkflowModel) -> [SwiftCode] {
        [
            workflow.enableEagerStart.map { .text("enableEagerStart: \($0)") },
            workflow.versioningBehavior.map { .text("versioningBehavior: .\($0.rawValue)") },
        ].compactMap { $0 }
    }
}
