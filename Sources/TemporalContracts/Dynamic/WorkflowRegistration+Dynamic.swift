extension WorkflowRegistration {
    /// A fallback workflow: serves every workflow type the worker has no registration (or
    /// alias) for, like the `dynamic` workflows of the other SDKs.
    ///
    /// The workflow runs exactly like a generated one: one `Workflow` instance per run, the same
    /// deterministic `WorkflowContext`, the same replay rules. `run` receives the workflow type
    /// the run was started under and its raw arguments; its result is encoded with the context's
    /// payload converter. `signal`, `query` and `update` receive every signal, query and update
    /// sent to such a run, under the name the sender used.
    ///
    /// ```swift
    /// let fallback = WorkflowRegistration.dynamic(Router.self) { router, input, context in
    ///     "\(input.name) got \(try input.decode(as: String.self))"
    /// }
    /// let worker = try TemporalWorker(
    ///     connection: connection,
    ///     workflows: [ProcessOrder.registration, fallback],
    ///     options: TemporalWorkerOptions(taskQueue: "orders")
    /// )
    /// ```
    ///
    /// Register at most one dynamic workflow per worker: a registered workflow type, or one of
    /// its aliases, always wins over it.
    public static func dynamic<Workflow: WorkflowImplementation, Output>(
        _ implementation: Workflow.Type,
        run: @escaping @Sendable (Workflow, DynamicValues, any WorkflowContext) async throws -> Output,
        signal: (@Sendable (Workflow, DynamicValues, any WorkflowContext) async throws -> Void)? = nil,
        query: (@Sendable (Workflow, DynamicValues, any WorkflowContext) throws -> any Sendable)? = nil,
        update: (@Sendable (Workflow, DynamicValues, any WorkflowContext) async throws -> any Sendable)? = nil
    ) -> WorkflowRegistration {
        WorkflowRegistration(dynamic: implementation, run: run, signal: signal, query: query, update: update)
    }

    private init<Workflow: WorkflowImplementation, Output>(
        dynamic implementation: Workflow.Type,
        run: @escaping @Sendable (Workflow, DynamicValues, any WorkflowContext) async throws -> Output,
        signal: (@Sendable (Workflow, DynamicValues, any WorkflowContext) async throws -> Void)?,
        query: (@Sendable (Workflow, DynamicValues, any WorkflowContext) throws -> any Sendable)?,
        update: (@Sendable (Workflow, DynamicValues, any WorkflowContext) async throws -> any Sendable)?
    ) {
        // The empty name is never a valid workflow type, so it can stand for the fallback in the
        // name tables without shadowing a real type.
        let table = WorkflowHandlerTable<Workflow>(workflowType: Self.dynamicName)
        self.name = Self.dynamicName
        self.aliases = []
        self.taskQueue = nil
        self.makeInstance = { Workflow() }
        self.run = { payloads, converter in
            { instance, context in
                let values = DynamicValues(name: context.info.workflowType, payloads: payloads, converter: converter)
                let output = try await run(try table.cast(instance), values, context)
                return [try context.payloadConverter.toPayload(output)]
            }
        }
        self.signals = [:]
        self.queries = [:]
        self.updates = [:]
        self.signalAliases = [:]
        self.queryAliases = [:]
        self.updateAliases = [:]
        self.isDynamic = true
        self.dynamicSignal = signal.map { Self.dynamicSignalHandler($0, table: table) }
        self.dynamicQuery = query.map { Self.dynamicQueryHandler($0, table: table) }
        self.dynamicUpdate = update.map { Self.dynamicUpdateHandler($0, table: table) }
    }

    private static func dynamicSignalHandler<Workflow>(
        _ signal: @escaping @Sendable (Workflow, DynamicValues, any WorkflowContext) async throws -> Void,
        table: WorkflowHandlerTable<Workflow>
    ) -> @Sendable (String) -> SignalHandler {
        { name in
            SignalHandler { payloads, converter in
                let values = DynamicValues(name: name, payloads: payloads, converter: converter)
                let bound: @Sendable (AnyObject, any WorkflowContext) async throws -> Void = { instance, context in
                    try await signal(try table.cast(instance), values, context)
                }
                return bound
            }
        }
    }

    private static func dynamicQueryHandler<Workflow>(
        _ query: @escaping @Sendable (Workflow, DynamicValues, any WorkflowContext) throws -> any Sendable,
        table: WorkflowHandlerTable<Workflow>
    ) -> @Sendable (String) -> QueryHandler {
        { name in
            QueryHandler { payloads, converter in
                let values = DynamicValues(name: name, payloads: payloads, converter: converter)
                let bound: @Sendable (AnyObject, any WorkflowContext) throws -> [Payload] = { instance, context in
                    let answer = try query(try table.cast(instance), values, context)
                    return [try context.payloadConverter.toPayload(answer)]
                }
                return bound
            }
        }
    }

    private static func dynamicUpdateHandler<Workflow>(
        _ update: @escaping @Sendable (Workflow, DynamicValues, any WorkflowContext) async throws -> any Sendable,
        table: WorkflowHandlerTable<Workflow>
    ) -> @Sendable (String) -> UpdateHandler {
        { name in
            UpdateHandler { payloads, converter in
                let values = DynamicValues(name: name, payloads: payloads, converter: converter)
                let run: @Sendable (AnyObject, any WorkflowContext) async throws -> [Payload] = { instance, context in
                    let result = try await update(try table.cast(instance), values, context)
                    return [try context.payloadConverter.toPayload(result)]
                }
                return BoundUpdate(validate: nil, run: run)
            }
        }
    }

    /// The name a dynamic registration is filed under in the name tables.
    package static let dynamicName = ""

    /// The signal handler for `name`: the registered one, else the dynamic fallback.
    package func signalHandler(named name: String) -> SignalHandler? {
        signals[name] ?? dynamicSignal?(name)
    }

    /// The query handler for `name`: the registered one, else the dynamic fallback.
    package func queryHandler(named name: String) -> QueryHandler? {
        queries[name] ?? dynamicQuery?(name)
    }

    /// The update handler for `name`: the registered one, else the dynamic fallback.
    package func updateHandler(named name: String) -> UpdateHandler? {
        updates[name] ?? dynamicUpdate?(name)
    }
}

extension Dictionary where Key == String, Value == WorkflowRegistration {
    /// The registration that serves `workflowType`: the one registered under the name or an
    /// alias, else the dynamic fallback, if any.
    package func registration(forType workflowType: String) -> WorkflowRegistration? {
        self[workflowType] ?? (workflowType.isEmpty ? nil : self[WorkflowRegistration.dynamicName])
    }
}
