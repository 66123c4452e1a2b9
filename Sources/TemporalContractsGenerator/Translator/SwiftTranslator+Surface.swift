extension SwiftTranslator {
    /// Members every workflow handle or workflow protocol has; a handler whose name would clash gets
    /// its kind appended (`resultQuery`).
    static let handleMembers: Set<String> = ["result", "cancel", "terminate", "describe", "execution", "backend", "workflowID", "run"]

    /// Names generated methods give their own parameters, locals and properties. A contract
    /// parameter of one of these names keeps it as its argument label; inside the method it is
    /// called `name_`, so it neither repeats a parameter name nor hides what the body uses.
    static let reservedParameterNames: Set<String> = [
        "options", "context", "signal", "update", "updateOptions", "updateID", "body", "workflowID", "runID", "execution",
        "handle", "backend", "mock", "client", "recorder",
    ]

    /// Members of types nested in the namespace start this many columns in; members of
    /// extensions at the top level, four.
    static let memberIndentation = 8

    /// The view model of the client, workflow, activity and mock files of `model`.
    mutating func surface(for model: ContractModel) -> SurfaceViewModel {
        var workflows: [WorkflowSurfaceViewModel] = []
        for (index, workflow) in model.workflows.enumerated() {
            let workflowCallable = callable(
                key: workflow.key,
                wireName: workflow.wireName,
                description: workflow.description,
                signature: workflow.signature,
                definition: "Workflows.\(SwiftNaming.memberName(workflow.key))",
                contract: model.name
            )
            let translator = self
            let handlers = { (uses: [HandlerUse], group: String, suffix: String) in
                uses.map { use in
                    var handler = translator.callable(
                        key: use.handler.key,
                        wireName: use.handler.wireName,
                        description: use.handler.description,
                        signature: use.handler.signature,
                        definition: translator.qualifiedDefinition(group, use.handler, from: model.name),
                        contract: model.name
                    )
                    if Self.handleMembers.contains(SwiftNaming.unescaped(handler.name)) {
                        handler.name = SwiftNaming.unescaped(handler.name) + suffix
                        handler.stem += suffix
                    }
                    return (callable: handler, use: use)
                }
            }
            let signals = handlers(workflow.signals, "Signals", "Signal")
            let queries = handlers(workflow.queries, "Queries", "Query")
            let updates = handlers(workflow.updates, "Updates", "Update")
            // Updates also declare `start…` on the handle and, with a validator, `validate…`.
            let updateMembers = updates.flatMap { update in
                [("start" + update.callable.stem, update.callable.wireName)]
                    + (update.use.handler.hasValidator ? [("validate" + update.callable.stem, update.callable.wireName)] : [])
            }
            checkCollisions(
                (signals + queries + updates).map { ($0.callable.name, $0.callable.wireName, workflow.location) }
                    + updateMembers.map { ($0.0, $0.1, workflow.location) },
                what: "handlers of workflow '\(workflow.key)'"
            )
            workflows.append(
                workflowSurface(
                    workflowCallable,
                    isFirst: index == 0,
                    signals: signals.map(\.callable),
                    queries: queries.map(\.callable),
                    updates: updates.map { ($0.callable, $0.use.handler.hasValidator) },
                    signalsWithStart: signals.filter(\.use.withStart).map(\.callable),
                    updatesWithStart: updates.filter(\.use.withStart).map { ($0.callable, $0.use.idConflictPolicy) },
                    namespace: model.name
                )
            )
        }
        let activities = model.activities.enumerated().map { index, activity in
            activitySurface(
                isFirst: index == 0,
                isOnly: model.activities.count == 1,
                callable(
                    key: activity.key,
                    wireName: activity.wireName,
                    description: activity.description,
                    signature: activity.signature,
                    definition: "Activities.\(SwiftNaming.memberName(activity.key))",
                    contract: model.name
                )
            )
        }
        let imports = (["Foundation", "TemporalContracts"] + (options.protoMessagesModule.map { [$0] } ?? [])).sorted()
        return SurfaceViewModel(
            file: file(for: model, imports: imports, usesGeneratedSPI: true, declaresNamespace: false),
            workflows: workflows,
            hasWorkflows: !workflows.isEmpty,
            activities: activities,
            hasActivities: !activities.isEmpty
        )
    }

    /// `Signals.cancelOrder`, or `Common.Signals.cancel` for a handler of an imported contract.
    func qualifiedDefinition(_ group: String, _ handler: HandlerModel, from contract: String) -> String {
        let member = "\(group).\(SwiftNaming.memberName(handler.key))"
        return handler.contract == contract ? member : "\(handler.contract).\(member)"
    }

    func callable(
        key: String,
        wireName: String,
        description: String?,
        signature: HandlerSignature,
        definition: String,
        contract: String
    ) -> SwiftCallable {
        var callable = SwiftCallable(
            name: SwiftNaming.memberName(key),
            stem: SwiftNaming.typeStem(key),
            wireName: wireName,
            doc: Self.doc(description),
            definition: definition,
            qualifiedDefinition: definition.split(separator: ".").count > 2 ? definition : "\(contract).\(definition)",
            parameters: [],
            qualifiedParameters: [],
            inputType: QualifiedNames.void,
            qualifiedInputType: QualifiedNames.void,
            output: signature.output.map { swiftType($0, from: contract) },
            qualifiedOutput: signature.output.map { swiftType($0, from: "") },
            inputExpression: "()",
            forwardArguments: [],
            unpackedArguments: []
        )
        switch signature.input {
        case .none:
            break
        case .single(let type):
            callable.inputType = swiftType(type, from: contract)
            callable.qualifiedInputType = swiftType(type, from: "")
            callable.parameters = [SwiftParameter(label: nil, name: "input", type: callable.inputType)]
            callable.qualifiedParameters = [SwiftParameter(label: nil, name: "input", type: callable.qualifiedInputType)]
            callable.inputExpression = "input"
            callable.forwardArguments = ["input"]
            callable.unpackedArguments = ["input"]
        case .parameters(let list):
            let arguments = Self.argumentsTypeName(key)
            callable.inputType = arguments
            callable.qualifiedInputType = "\(contract).\(arguments)"
            for parameter in list {
                let member = SwiftNaming.memberName(parameter.name)
                let bare = SwiftNaming.unescaped(member)
                let label = SwiftNaming.argumentLabel(member)
                let name = Self.reservedParameterNames.contains(bare) ? bare + "_" : member
                let type = swiftType(parameter.type, from: contract)
                callable.parameters.append(SwiftParameter(label: label, name: name, type: type))
                callable.qualifiedParameters.append(SwiftParameter(label: label, name: name, type: swiftType(parameter.type, from: "")))
                callable.unpackedArguments.append(.text("\(label): input.\(member)"))
            }
            callable.forwardArguments = callable.parameters.map(\.forwardingArgument)
            callable.inputExpression = .list(head: arguments, items: callable.forwardArguments, tail: "")
        }
        return callable
    }

    // MARK: Workflows

    /// Every member generated for one workflow, in the client, workflow and mock files.
    func workflowSurface(
        _ workflow: SwiftCallable,
        isFirst: Bool,
        signals: [SwiftCallable],
        queries: [SwiftCallable],
        updates: [(SwiftCallable, hasValidator: Bool)],
        signalsWithStart: [SwiftCallable],
        updatesWithStart: [(SwiftCallable, idConflictPolicy: IDConflictPolicyModel?)],
        namespace: String
    ) -> WorkflowSurfaceViewModel {
        let indentation = Self.memberIndentation
        let handle = workflow.stem + "Handle"
        let startOptions = SwiftParameter("options", QualifiedNames.runtime("WorkflowStartOptions"))
        let startParameters = workflow.parameters + [startOptions]
        let handleParameters = [
            SwiftParameter("workflowID", QualifiedNames.string), SwiftParameter("runID", QualifiedNames.optionalString),
        ]
        let defaultStartOptions = SwiftCode.text("options: \(QualifiedNames.runtime("WorkflowStartOptions"))()")
        func member(_ function: SwiftFunction, at indentation: Int = indentation) -> String {
            function.code(indentation: indentation)
        }
        return WorkflowSurfaceViewModel(
            isFirst: isFirst,
            doc: workflow.doc,
            wireName: workflow.wireName,
            handleName: handle,
            protocolName: workflow.stem + "Workflow",
            indefiniteExecution: Prose.indefinite(workflow.wireName, capitalized: true) + " workflow execution",
            startRequirement: member(
                SwiftFunction("func start\(workflow.stem)", startParameters, effects: "async throws", result: handle, body: nil)
            ),
            executeRequirement: member(
                SwiftFunction("func execute\(workflow.stem)", startParameters, effects: "async throws", result: workflow.output, body: nil)
            ),
            handleRequirement: member(SwiftFunction("func \(workflow.name)", handleParameters, result: handle, body: nil)),
            start: member(
                SwiftFunction(
                    "\(access)func start\(workflow.stem)",
                    startParameters,
                    effects: "async throws",
                    result: handle,
                    body: [
                        .list(
                            head: "let execution = try await backend.start",
                            items: [.text(workflow.definition), workflow.inputExpression.prefixed("input: "), "options: options"],
                            tail: ""
                        ),
                        .text("return \(handle)(execution: execution, backend: backend)"),
                    ]
                )
            ),
            execute: member(
                SwiftFunction(
                    "\(access)func execute\(workflow.stem)",
                    startParameters,
                    effects: "async throws",
                    result: workflow.output,
                    body: [
                        .list(
                            head: "try await self.start\(workflow.stem)",
                            items: workflow.forwardArguments + ["options: options"],
                            tail: ".result()"
                        )
                    ]
                )
            ),
            schedule: member(
                SwiftFunction(
                    "\(access)func schedule\(workflow.stem)",
                    workflow.parameters + [
                        SwiftParameter("scheduleID", QualifiedNames.string),
                        SwiftParameter("spec", QualifiedNames.runtime("ScheduleSpec")),
                        SwiftParameter(
                            "policies",
                            QualifiedNames.runtime("SchedulePolicies"),
                            defaultValue: "\(QualifiedNames.runtime("SchedulePolicies"))()"
                        ),
                        SwiftParameter(
                            "options",
                            QualifiedNames.runtime("WorkflowStartOptions"),
                            defaultValue: "\(QualifiedNames.runtime("WorkflowStartOptions"))()"
                        ),
                    ],
                    effects: "async throws",
                    result: "\(QualifiedNames.runtime("ScheduleHandle"))<\(workflow.inputType), \(workflow.outputType)>",
                    body: [
                        .list(
                            head: "try await backend.createSchedule",
                            items: [
                                .text(workflow.definition), workflow.inputExpression.prefixed("input: "), "id: scheduleID", "spec: spec",
                                "policies: policies", "options: options",
                            ],
                            tail: ""
                        )
                    ]
                )
            ),
            handle: member(
                SwiftFunction(
                    "\(access)func \(workflow.name)",
                    handleParameters,
                    result: handle,
                    body: [
                        .list(
                            head: handle,
                            items: [
                                .list(
                                    head: "execution: \(QualifiedNames.runtime("WorkflowExecution"))",
                                    items: ["workflowID: workflowID", "runID: runID"],
                                    tail: ""
                                ),
                                "backend: backend",
                            ],
                            tail: ""
                        )
                    ]
                )
            ),
            startWithDefaults: member(
                SwiftFunction(
                    "\(access)func start\(workflow.stem)",
                    workflow.qualifiedParameters,
                    effects: "async throws",
                    result: "\(namespace).\(handle)",
                    body: [
                        .list(
                            head: "try await self.start\(workflow.stem)",
                            items: workflow.forwardArguments + [defaultStartOptions],
                            tail: ""
                        )
                    ]
                ),
                at: 4
            ),
            executeWithDefaults: member(
                SwiftFunction(
                    "\(access)func execute\(workflow.stem)",
                    workflow.qualifiedParameters,
                    effects: "async throws",
                    result: workflow.qualifiedOutput,
                    body: [
                        .list(
                            head: "try await self.execute\(workflow.stem)",
                            items: workflow.forwardArguments + [defaultStartOptions],
                            tail: ""
                        )
                    ]
                ),
                at: 4
            ),
            handleOfLatestRun: member(
                SwiftFunction(
                    "\(access)func \(workflow.name)",
                    [SwiftParameter("workflowID", QualifiedNames.string)],
                    result: "\(namespace).\(handle)",
                    body: [.text("self.\(workflow.name)(workflowID: workflowID, runID: nil)")]
                ),
                at: 4
            ),
            signalsWithStart: signalsWithStart.map { signalWithStart(workflow, $0, namespace: namespace) },
            updatesWithStart: updatesWithStart.map {
                updateWithStart(workflow, $0.0, idConflictPolicy: $0.idConflictPolicy, namespace: namespace)
            },
            result: member(
                SwiftFunction(
                    "\(access)func result",
                    [],
                    effects: "async throws",
                    result: workflow.output,
                    body: [
                        .list(
                            head: "try await backend.result",
                            items: [.text("of: \(workflow.definition)"), "execution: execution"],
                            tail: ""
                        )
                    ]
                )
            ),
            signals: signals.map { handlerSurface($0, kind: .signal, hasValidator: false) },
            queries: queries.map { handlerSurface($0, kind: .query, hasValidator: false) },
            updates: updates.map { handlerSurface($0.0, kind: .update, hasValidator: $0.hasValidator) },
            runRequirement: member(
                SwiftFunction(
                    "func run",
                    workflow.parameters + [SwiftParameter("context", QualifiedNames.workflowContext)],
                    effects: "async throws",
                    result: workflow.output,
                    body: nil
                )
            ),
            registration: SwiftCode.joined(
                registration(workflow, signals: signals, queries: queries, updates: updates).flatMap { $0.lines(indentation: indentation) },
                indentation: indentation
            ),
            startChild: member(
                SwiftFunction(
                    "\(access)func start\(workflow.stem)",
                    workflow.parameters + [Self.optionsParameter("ChildWorkflowOptions")],
                    effects: "async throws",
                    result: QualifiedNames.runtime("ChildWorkflowHandle") + "<\(workflow.outputType)>",
                    body: [
                        .list(
                            head: "try await context.startChildWorkflow",
                            items: [.text(workflow.definition), workflow.inputExpression.prefixed("input: "), "options: options"],
                            tail: ""
                        )
                    ]
                )
            ),
            executeChild: member(
                SwiftFunction(
                    "\(access)func execute\(workflow.stem)",
                    workflow.parameters + [Self.optionsParameter("ChildWorkflowOptions")],
                    effects: "async throws",
                    result: workflow.output,
                    body: [
                        .list(
                            head: "try await self.start\(workflow.stem)",
                            items: workflow.forwardArguments + ["options: options"],
                            tail: ".result()"
                        )
                    ]
                )
            ),
            mockStart: member(
                SwiftFunction(
                    "\(access)func start\(workflow.stem)",
                    startParameters,
                    effects: "async throws",
                    result: handle,
                    body: [
                        .list(
                            head: "try await client.start\(workflow.stem)",
                            items: workflow.forwardArguments + ["options: options"],
                            tail: ""
                        )
                    ]
                )
            ),
            mockExecute: member(
                SwiftFunction(
                    "\(access)func execute\(workflow.stem)",
                    startParameters,
                    effects: "async throws",
                    result: workflow.output,
                    body: [
                        .list(
                            head: "try await client.execute\(workflow.stem)",
                            items: workflow.forwardArguments + ["options: options"],
                            tail: ""
                        )
                    ]
                )
            ),
            mockHandle: member(
                SwiftFunction(
                    "\(access)func \(workflow.name)",
                    handleParameters,
                    result: handle,
                    body: [.text("client.\(workflow.name)(workflowID: workflowID, runID: runID)")]
                )
            ),
            mockStub: member(
                SwiftFunction(
                    "\(access)func stub\(workflow.stem)",
                    [
                        Self.bodyParameter(workflow.hasInput ? [workflow.inputType] : [], result: workflow.outputType)
                    ],
                    body: [
                        .list(
                            head: "mock.stub",
                            items: [.text(workflow.definition), workflow.hasInput ? "body" : "{ _ in try await body() }"],
                            tail: ""
                        )
                    ]
                )
            )
        )
    }

    /// `_ body: @escaping @Sendable (Input) async throws -> Output`, the closure a stub answers with.
    static func bodyParameter(_ parameters: [String], result: String) -> SwiftParameter {
        SwiftParameter(
            label: nil,
            name: "body",
            type: .list(head: "@escaping @Sendable ", items: parameters.map(SwiftCode.text), tail: " async throws -> \(result)")
        )
    }

    /// `options: TemporalContracts.ActivityOptions = .init()`, and the like.
    static func optionsParameter(_ runtimeType: String) -> SwiftParameter {
        SwiftParameter("options", QualifiedNames.runtime(runtimeType), defaultValue: ".init()")
    }

    func signalWithStart(_ workflow: SwiftCallable, _ signal: SwiftCallable, namespace: String) -> WithStartViewModel {
        let handle = workflow.stem + "Handle"
        let label = "with\(signal.stem)"
        let startOptions = SwiftParameter("options", QualifiedNames.runtime("WorkflowStartOptions"))
        let parameters = workflow.parameters + [SwiftParameter(label: label, name: "signal", type: signal.inputType), startOptions]
        let forward = workflow.forwardArguments + [.text("\(label): signal")]
        return WithStartViewModel(
            doc: signal.doc,
            wireName: signal.wireName,
            requirement: SwiftFunction("func start\(workflow.stem)", parameters, effects: "async throws", result: handle, body: nil)
                .code(indentation: Self.memberIndentation),
            implementation: SwiftFunction(
                "\(access)func start\(workflow.stem)",
                parameters,
                effects: "async throws",
                result: handle,
                body: [
                    .list(
                        head: "let execution = try await backend.signalWithStart",
                        items: [
                            .text(workflow.definition), workflow.inputExpression.prefixed("input: "), .text("signal: \(signal.definition)"),
                            "signalInput: signal", "options: options",
                        ],
                        tail: ""
                    ),
                    .text("return \(handle)(execution: execution, backend: backend)"),
                ]
            ).code(indentation: Self.memberIndentation),
            withDefaults: SwiftFunction(
                "\(access)func start\(workflow.stem)",
                workflow.qualifiedParameters + [SwiftParameter(label: label, name: "signal", type: signal.qualifiedInputType)],
                effects: "async throws",
                result: "\(namespace).\(handle)",
                body: [
                    .list(
                        head: "try await self.start\(workflow.stem)",
                        items: forward + [.text("options: \(QualifiedNames.runtime("WorkflowStartOptions"))()")],
                        tail: ""
                    )
                ]
            ).code(indentation: 4),
            mock: SwiftFunction(
                "\(access)func start\(workflow.stem)",
                parameters,
                effects: "async throws",
                result: handle,
                body: [.list(head: "try await client.start\(workflow.stem)", items: forward + ["options: options"], tail: "")]
            ).code(indentation: Self.memberIndentation)
        )
    }

    /// `start…(…, with…:)`; an update's `idConflictPolicy` becomes the start's policy when the
    /// call sets none.
    func updateWithStart(
        _ workflow: SwiftCallable,
        _ update: SwiftCallable,
        idConflictPolicy: IDConflictPolicyModel? = nil,
        namespace: String
    ) -> WithStartViewModel {
        let handle = workflow.stem + "Handle"
        let label = "with\(update.stem)"
        let updateHandle = QualifiedNames.runtime("WorkflowUpdateHandle")
        let parameters =
            workflow.parameters + [
                SwiftParameter(label: label, name: "update", type: update.inputType),
                SwiftParameter("options", QualifiedNames.runtime("WorkflowStartOptions")),
                SwiftParameter("updateOptions", QualifiedNames.runtime("UpdateOptions")),
            ]
        let result = "(\(handle), \(updateHandle)<\(update.outputType)>)"
        let forward = workflow.forwardArguments + [.text("\(label): update")]
        return WithStartViewModel(
            doc: update.doc,
            wireName: update.wireName,
            requirement: SwiftFunction("func start\(workflow.stem)", parameters, effects: "async throws", result: result, body: nil)
                .code(indentation: Self.memberIndentation),
            implementation: SwiftFunction(
                "\(access)func start\(workflow.stem)",
                parameters,
                effects: "async throws",
                result: result,
                body: [
                    .list(
                        head: "let (execution, handle) = try await backend.updateWithStart",
                        items: [
                            .text(workflow.definition), workflow.inputExpression.prefixed("input: "), .text("update: \(update.definition)"),
                            "updateInput: update",
                            .text(
                                idConflictPolicy.map { "options: options.defaulting(idConflictPolicy: .\($0.rawValue))" }
                                    ?? "options: options"
                            ),
                            "updateOptions: updateOptions",
                        ],
                        tail: ""
                    ),
                    .text("return (\(handle)(execution: execution, backend: backend), handle)"),
                ]
            ).code(indentation: Self.memberIndentation),
            withDefaults: SwiftFunction(
                "\(access)func start\(workflow.stem)",
                workflow.qualifiedParameters + [SwiftParameter(label: label, name: "update", type: update.qualifiedInputType)],
                effects: "async throws",
                result: "(\(namespace).\(handle), \(updateHandle)<\(update.qualifiedOutputType)>)",
                body: [
                    .list(
                        head: "try await self.start\(workflow.stem)",
                        items: forward + [
                            .text("options: \(QualifiedNames.runtime("WorkflowStartOptions"))()"),
                            .text("updateOptions: \(QualifiedNames.runtime("UpdateOptions"))(waitFor: .completed)"),
                        ],
                        tail: ""
                    )
                ]
            ).code(indentation: 4),
            mock: SwiftFunction(
                "\(access)func start\(workflow.stem)",
                parameters,
                effects: "async throws",
                result: result,
                body: [
                    .list(
                        head: "try await client.start\(workflow.stem)",
                        items: forward + ["options: options", "updateOptions: updateOptions"],
                        tail: ""
                    )
                ]
            ).code(indentation: Self.memberIndentation)
        )
    }

    /// A handler's method on the workflow's handle and its requirement in the workflow protocol.
    func handlerSurface(_ handler: SwiftCallable, kind: HandlerKind, hasValidator: Bool) -> HandlerSurfaceViewModel {
        let indentation = Self.memberIndentation
        let context = SwiftParameter("context", QualifiedNames.workflowContext)
        let input = handler.inputExpression.prefixed("input: ")
        let send: SwiftFunction
        var startUpdate = ""
        switch kind {
        case .signal:
            send = SwiftFunction(
                "\(access)func \(handler.name)",
                handler.parameters,
                effects: "async throws",
                body: [
                    .list(head: "try await backend.signal", items: [.text(handler.definition), input, "execution: execution"], tail: "")
                ]
            )
        case .query:
            send = SwiftFunction(
                "\(access)func \(handler.name)",
                handler.parameters,
                effects: "async throws",
                result: handler.output,
                body: [.list(head: "try await backend.query", items: [.text(handler.definition), input, "execution: execution"], tail: "")]
            )
        case .update:
            // The update ID makes a retried call the same update: the server runs it once.
            send = SwiftFunction(
                "\(access)func \(handler.name)",
                handler.parameters + [SwiftParameter("updateID", "Swift.String?", defaultValue: "nil")],
                effects: "async throws",
                result: handler.output,
                body: [
                    .list(
                        head: "try await self.start\(handler.stem)",
                        items: handler.forwardArguments + [
                            .text("options: \(QualifiedNames.runtime("UpdateOptions"))(id: updateID, waitFor: .completed)")
                        ],
                        tail: ".result()"
                    )
                ]
            )
            startUpdate = SwiftFunction(
                "\(access)func start\(handler.stem)",
                handler.parameters + [Self.optionsParameter("UpdateOptions")],
                effects: "async throws",
                result: QualifiedNames.runtime("WorkflowUpdateHandle") + "<\(handler.outputType)>",
                body: [
                    .list(
                        head: "try await backend.startUpdate",
                        items: [.text(handler.definition), input, "execution: execution", "options: options"],
                        tail: ""
                    )
                ]
            ).code(indentation: indentation)
        }
        let requirement = SwiftFunction(
            "func \(handler.name)",
            handler.parameters + [context],
            effects: kind == .query ? "throws" : "async throws",
            result: handler.output,
            body: nil
        )
        return HandlerSurfaceViewModel(
            doc: handler.doc,
            wireName: handler.wireName,
            indefiniteWireName: Prose.indefinite(handler.wireName),
            send: send.code(indentation: indentation),
            startUpdate: startUpdate,
            requirement: requirement.code(indentation: indentation),
            hasValidator: hasValidator,
            validatorRequirement: hasValidator
                ? SwiftFunction("func validate\(handler.stem)", handler.parameters + [context], effects: "throws", body: nil)
                    .code(indentation: indentation)
                : ""
        )
    }

    /// The statements of a workflow protocol's `registration`: the implementation bound to the
    /// workflow's definition, and each handler to its definition.
    func registration(
        _ workflow: SwiftCallable,
        signals: [SwiftCallable],
        queries: [SwiftCallable],
        updates: [(SwiftCallable, hasValidator: Bool)]
    ) -> [SwiftCode] {
        func closure(_ callable: SwiftCallable) -> String {
            " { workflow, \(callable.hasInput ? "input" : "_"), context in"
        }
        func call(_ prefix: String, _ callable: SwiftCallable, method: String) -> SwiftCode {
            .list(head: "\(prefix)workflow.\(method)", items: callable.unpackedArguments + ["context: context"], tail: "")
        }
        let run = call("try await ", workflow, method: "run")
        let opening = SwiftCode.list(
            head: QualifiedNames.runtime("WorkflowRegistration"),
            items: [.text(workflow.qualifiedDefinition), "implementation: Self.self"],
            tail: closure(workflow)
        )
        var handlers: [SwiftCode] = []
        for signal in signals {
            handlers.append(
                .block(
                    opening: .list(head: "handlers.signal", items: [.text(signal.qualifiedDefinition)], tail: closure(signal)),
                    body: [call("try await ", signal, method: signal.name)],
                    closing: "}"
                )
            )
        }
        for query in queries {
            handlers.append(
                .block(
                    opening: .list(head: "handlers.query", items: [.text(query.qualifiedDefinition)], tail: closure(query)),
                    body: [call("try ", query, method: query.name)],
                    closing: "}"
                )
            )
        }
        for (update, hasValidator) in updates {
            var items: [SwiftCode] = [.text(update.qualifiedDefinition)]
            if hasValidator {
                items.append(
                    .block(
                        opening: .text("validator:" + closure(update)),
                        body: [call("try ", update, method: "validate\(update.stem)")],
                        closing: "}"
                    )
                )
            }
            handlers.append(
                .block(
                    opening: .list(head: "handlers.update", items: items, tail: closure(update)),
                    body: [call("try await ", update, method: update.name)],
                    closing: "}"
                )
            )
        }
        if handlers.isEmpty { return [.block(opening: opening, body: [run], closing: "}")] }
        return [
            .block(opening: opening, body: [run], closing: nil),
            .block(opening: "} handlers: { handlers in", body: handlers, closing: "}"),
        ]
    }

    // MARK: Activities

    /// Every member generated for one activity, in the workflow, activity and mock files.
    /// - Parameter isOnly: the only activity, whose entry in `registrations` takes no trailing
    ///   comma (swift-format's rule for a one-element array).
    func activitySurface(isFirst: Bool, isOnly: Bool, _ activity: SwiftCallable) -> ActivitySurfaceViewModel {
        let indentation = Self.memberIndentation
        let context = SwiftParameter("context", QualifiedNames.activityContext)
        let input = activity.inputExpression.prefixed("input: ")
        let name = SwiftNaming.unescaped(activity.name)
        func stub(_ method: String, _ run: String) -> String {
            SwiftFunction(
                "\(access)func \(method)",
                activity.parameters + [Self.optionsParameter("ActivityOptions")],
                effects: "async throws",
                result: activity.output,
                body: [.list(head: "try await context.\(run)", items: [.text(activity.definition), input, "options: options"], tail: "")]
            ).code(indentation: indentation)
        }
        return ActivitySurfaceViewModel(
            isFirst: isFirst,
            doc: activity.doc,
            wireName: activity.wireName,
            requirement: SwiftFunction(
                "func \(activity.name)",
                activity.parameters + [context],
                effects: "async throws",
                result: activity.output,
                body: nil
            ).code(indentation: indentation),
            registration: SwiftCode.block(
                opening: .list(
                    head: QualifiedNames.runtime("ActivityRegistration"),
                    items: [.text(activity.qualifiedDefinition)],
                    tail: " { \(activity.hasInput ? "input" : "_"), context in"
                ),
                body: [.list(head: "try await self.\(activity.name)", items: activity.unpackedArguments + ["context: context"], tail: "")],
                closing: isOnly ? "}" : "},"
            ).code(indentation: 12),
            stub: stub(activity.name, "executeActivity"),
            localStub: stub(name + "Locally", "executeLocalActivity"),
            mock: SwiftFunction(
                "\(access)func \(activity.name)",
                activity.parameters + [context],
                effects: "async throws",
                result: activity.output,
                body: [
                    .list(
                        head: "try await recorder.call",
                        items: [.text(activity.definition), activity.inputExpression, "context: context"],
                        tail: ""
                    )
                ]
            ).code(indentation: indentation),
            mockStub: SwiftFunction(
                "\(access)func stub\(activity.stem)",
                [
                    Self.bodyParameter([activity.inputType, QualifiedNames.activityContext], result: activity.outputType)
                ],
                body: [.list(head: "recorder.stub", items: [.text(activity.definition), "body"], tail: "")]
            ).code(indentation: indentation),
            mockCalls: SwiftProperty(
                "\(access)var",
                name + "Calls",
                type: "[\(activity.inputType)]",
                getter: [.list(head: "recorder.inputs", items: [.text("of: \(activity.definition)")], tail: "")]
            ).code(indentation: indentation)
        )
    }
}
