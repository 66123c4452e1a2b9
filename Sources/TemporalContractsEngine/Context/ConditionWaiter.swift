/// Workflow code waiting for a predicate over its state.
final class ConditionWaiter {
    let predicate: () -> Bool
    let satisfied = PendingResult<Void>()

    init(predicate: @escaping () -> Bool) {
        self.predicate = predicate
    }
}
