extension SwiftTranslator {
    /// Members every workflow handle has; a handler whose name would clash gets its kind appended.
    static let handleMembers: Set<String> = ["result", "cancel", "terminate", "describe", "execution", "backend", "workflowID"]

    /// The view model of the client, workflow, activity and mock files of `model`.
    mutating func surface(for model: ContractModel) -> SurfaceViewModel {
        let translator = self
        let workflows = model.workflows.enumerated().map { index, workflow in
            let callable = self.callable(
                key: workflow.key,
                wireName: workflow.wireName,
                description: workflow.description,
                signature: workflow.signature,
                definition: "Workflows.\(SwiftNaming.memberName(workflow.key))",
                contract: model.name
            )
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
                        handler.typeName += suffix
                    }
                    handler.hasValidator = use.handler.hasValidator
                    return (handler, use.withStart)
                }
            }
            let signals = handlers(workflow.signals, "Signals", "Signal")
            let queries = handlers(workflow.queries, "Queries", "Query")
            let updates = handlers(workflow.updates, "Updates", "Update")
            checkCollisions(
                (signals + queries + updates).map { ($0.0.name, $0.0.wireName, workflow.location) },
                what: "handlers of workflow '\(workflow.key)'"
            )
            let parameters = callable.parameterList + ["options: WorkflowStartOptions"]
            let start = "func start\(callable.typeName)"
            let execute = "func execute\(callable.typeName)"
            let handle = " async throws -> \(callable.typeName)Handle"
            return WorkflowSurfaceViewModel(
                isFirst: index == 0,
                callable: callable,
                handleName: callable.typeName + "Handle",
                protocolName: callable.typeName + "Workflow",
                signals: signals.map(\.0),
                queries: queries.map(\.0),
                updates: updates.map(\.0),
                hasHandlers: !(signals.isEmpty && queries.isEmpty && updates.isEmpty),
                signalsWithStart: signals.filter(\.1).map(\.0),
                updatesWithStart: updates.filter(\.1).map(\.0),
                startRequirement: translator.signature(start, parameters, handle),
                executeRequirement: translator.signature(execute, parameters, " async throws" + callable.returnClause),
                mockStart: translator.signature(translator.access + start, parameters, handle + " {"),
                mockExecute: translator.signature(translator.access + execute, parameters, " async throws" + callable.returnClause + " {")
            )
        }
        // Handles and workflow protocols share the namespace with the payload types.
        let typeNames = Dictionary(
            model.types.map { (SwiftNaming.typeName($0.name), $0.name) },
            uniquingKeysWith: { first, _ in first }
        )
        for (workflow, surface) in zip(model.workflows, workflows) {
            for generated in [surface.handleName, surface.protocolName] {
                if let type = typeNames[generated] {
                    diagnostics.error(
                        "workflow '\(workflow.key)' needs the Swift type name '\(generated)', which type '\(type)' already has",
                        at: workflow.location,
                        hint: "rename the type or the workflow key"
                    )
                }
            }
        }
        let activities = model.activities.map { activity in
            callable(
                key: activity.key,
                wireName: activity.wireName,
                description: activity.description,
                signature: activity.signature,
                definition: "Activities.\(SwiftNaming.memberName(activity.key))",
                contract: model.name
            )
        }
        let imports = (["Foundation", "TemporalContracts"] + (options.protoMessagesModule.map { [$0] } ?? [])).sorted()
        return SurfaceViewModel(
            file: file(for: model, imports: imports, declaresNamespace: false),
            workflows: workflows,
            hasWorkflows: !workflows.isEmpty,
            activities: activities,
            hasActivities: !activities.isEmpty
        )
    }

    /// A declaration indented 8 columns: on one line when it fits, else one parameter per line.
    func signature(_ head: String, _ parameters: [String], _ tail: String) -> [String] {
        let oneLine = "\(head)(\(parameters.joined(separator: ", ")))\(tail)"
        if oneLine.count + 8 <= Self.lineLimit { return [oneLine] }
        return ["\(head)("]
            + parameters.enumerated().map { index, parameter in
                "    " + parameter + (index < parameters.count - 1 ? "," : "")
            } + [")\(tail)"]
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
    ) -> CallableViewModel {
        let name = SwiftNaming.memberName(key)
        let typeName = SwiftNaming.typeName(key)
        let declaration = parameterDeclarations(signature, key: key, owner: contract, qualified: false)
        let qualified = parameterDeclarations(signature, key: key, owner: contract, qualified: true)
        let parameters = declaration.parameters
        let inputExpression: String
        let forward: String
        let unpacked: String
        let inputType: String
        switch signature.input {
        case .none:
            (inputExpression, forward, unpacked, inputType) = ("()", "", "", "Void")
        case .single(let type):
            inputType = swiftType(type, from: contract)
            (inputExpression, forward, unpacked) = ("input", "input", "input")
        case .parameters(let list):
            let names = list.map { SwiftNaming.memberName($0.name) }
            let labels = names.map(SwiftNaming.unescaped)
            let forwarded = zip(labels, names).map { "\($0): \($1)" }.joined(separator: ", ")
            inputType = SwiftNaming.typeName(key) + "Arguments"
            inputExpression = "\(inputType)(\(forwarded))"
            forward = forwarded
            unpacked = zip(labels, names).map { "\($0): input.\($1)" }.joined(separator: ", ")
        }
        let outputType = signature.output.map { swiftType($0, from: contract) } ?? "Void"
        return CallableViewModel(
            doc: Self.doc(description),
            name: name,
            typeName: typeName,
            wireName: wireName,
            definition: definition,
            qualifiedDefinition: definition.split(separator: ".").count > 2 ? definition : "\(contract).\(definition)",
            inputBinding: inputType == "Void" ? "_" : "input",
            parameters: parameters,
            parametersThen: parameters.isEmpty ? "" : parameters + ", ",
            parameterList: declaration.list,
            inputExpression: inputExpression,
            forwardArguments: forward,
            forwardArgumentsThen: forward.isEmpty ? "" : forward + ", ",
            unpackedArguments: unpacked,
            unpackedArgumentsThen: unpacked.isEmpty ? "" : unpacked + ", ",
            inputType: inputType,
            outputType: outputType,
            returnClause: signature.output == nil ? "" : " -> \(outputType)",
            hasValidator: false,
            validatorName: "validate" + typeName,
            qualifiedParameters: qualified.parameters,
            qualifiedParametersThen: qualified.parameters.isEmpty ? "" : qualified.parameters + ", ",
            qualifiedInputType: qualified.inputType,
            qualifiedOutputType: signature.output.map { swiftType($0, from: "") } ?? "Void",
            qualifiedReturnClause: signature.output.map { " -> \(swiftType($0, from: ""))" } ?? "",
            stubClosureParameters: inputType == "Void" ? "" : inputType,
            stubClosure: inputType == "Void" ? "{ _ in try await body() }" : "body"
        )
    }

    /// The parameter list of a signature and the definition's input type, spelled from inside
    /// `owner`'s namespace, or `qualified` for use outside every namespace.
    func parameterDeclarations(
        _ signature: HandlerSignature,
        key: String,
        owner: String,
        qualified: Bool
    )
        -> (parameters: String, list: [String], inputType: String)
    {
        let contract = qualified ? "" : owner
        switch signature.input {
        case .none:
            return ("", [], "Void")
        case .single(let type):
            let type = swiftType(type, from: contract)
            return ("_ input: \(type)", ["_ input: \(type)"], type)
        case .parameters(let list):
            let parameters = list.map { "\(SwiftNaming.unescaped(SwiftNaming.memberName($0.name))): \(swiftType($0.type, from: contract))" }
            let arguments = SwiftNaming.typeName(key) + "Arguments"
            return (parameters.joined(separator: ", "), parameters, qualified ? "\(owner).\(arguments)" : arguments)
        }
    }
}
