extension MockWorkflowClient {
    /// A call the mock received, with its input typed as the definition it was made through.
    public struct TypedCall<Input: Sendable>: Sendable {
        /// The workflow the call was made on.
        public var workflowID: String
        /// The input as the caller passed it.
        public var input: Input
    }

    /// The starts of `workflow` (plain, with a signal and with an update), in order.
    public func starts<Input, Output>(of workflow: WorkflowDefinition<Input, Output>) -> [TypedCall<Input>] {
        typedCalls([.start, .signalWithStart, .updateWithStart], workflow.name)
    }

    /// The signals sent through `signal`, in order; with-start signals included.
    public func calls<Input>(_ signal: SignalDefinition<Input>) -> [TypedCall<Input>] {
        typedCalls([.signal], signal.name)
    }

    /// The queries sent through `query`, in order.
    public func calls<Input, Output>(_ query: QueryDefinition<Input, Output>) -> [TypedCall<Input>] {
        typedCalls([.query], query.name)
    }

    /// The updates sent through `update`, in order; with-start updates included.
    public func calls<Input, Output>(_ update: UpdateDefinition<Input, Output>) -> [TypedCall<Input>] {
        typedCalls([.update], update.name)
    }

    private func typedCalls<Input>(_ kinds: Set<MockCall.Kind>, _ name: String) -> [TypedCall<Input>] {
        calls.compactMap { call in
            guard kinds.contains(call.kind), call.name == name, let input = call.input(as: Input.self) else { return nil }
            return TypedCall(workflowID: call.workflowID, input: input)
        }
    }
}
