import Foundation

extension WorkflowContext {
    /// The ID source of ID expressions evaluated in workflow code (child workflow IDs): the
    /// workflow's deterministic random and clock, so a replay derives the same IDs.
    public var idSource: WorkflowIDSource {
        WorkflowIDSource(randomUInt64: { self.randomUInt64() }, now: { self.now })
    }
}
