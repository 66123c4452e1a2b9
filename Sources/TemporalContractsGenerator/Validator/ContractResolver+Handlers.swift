/// Signals, queries and updates, and the signatures every callable shares.
extension ContractResolver {
    mutating func resolveSignature(
        input: InputSyntax,
        output: SchemaNode?,
        in syntax: ContractSyntax,
        contract: String,
        owner: String
    ) -> HandlerSignature {
        let resolvedInput: HandlerSignature.Input
        switch input {
        case .none:
            resolvedInput = .none
        case .single(let node):
            if case .protoEmpty = node.schema {
                resolvedInput = .none
            } else if let type = resolveSchema(node, in: syntax, contract: contract) {
                resolvedInput = .single(type)
            } else {
                resolvedInput = .none
            }
        case .parameters(let parameters):
            var seen = Set<String>()
            resolvedInput = .parameters(
                parameters.compactMap { parameter in
                    if !seen.insert(parameter.name.value).inserted {
                        diagnostics.error(
                            "\(owner) has two parameters named '\(parameter.name.value)'",
                            at: parameter.name.location
                        )
                    }
                    guard let type = resolveSchema(parameter.type, in: syntax, contract: contract) else { return nil }
                    return Parameter(name: parameter.name.value, type: type, location: parameter.name.location)
                }
            )
        }
        let resolvedOutput = output.flatMap { resolveSchema($0, in: syntax, contract: contract) }
        return HandlerSignature(input: resolvedInput, output: resolvedOutput)
    }

    mutating func resolveHandler(
        _ handler: HandlerSyntax,
        kind: HandlerKind,
        in syntax: ContractSyntax,
        contract: String
    ) -> HandlerModel {
        let owner = "\(kind.rawValue) '\(handler.key.value)'"
        var signature = resolveSignature(
            input: handler.input,
            output: handler.output,
            in: syntax,
            contract: contract,
            owner: owner
        )
        switch kind {
        case .signal:
            if let output = handler.output, !output.isProtoEmpty {
                diagnostics.error(
                    "\(owner) declares an output, but signals return nothing",
                    at: output.location,
                    hint: "remove 'output', or make it an update, which can return a result"
                )
                signature.output = nil
            }
        case .query:
            if signature.output == nil, handler.output?.isProtoEmpty ?? true {
                diagnostics.error(
                    "\(owner) has no output, but a query exists to return one",
                    at: handler.key.location,
                    hint: "add `output: TypeName`, or make it a signal if it only changes state"
                )
            }
        case .update:
            break
        }
        if handler.validate, kind != .update {
            diagnostics.error("only updates have validators", at: handler.key.location)
        }
        let idTemplate = handler.idTemplate.flatMap {
            resolveIDTemplate($0, signature: signature, owner: owner, format: syntax.format)
        }
        var resolved = HandlerModel(
            kind: kind,
            key: handler.key.value,
            wireName: wireName(handler.wireName, key: handler.key),
            contract: contract,
            description: handler.description,
            signature: signature,
            hasValidator: handler.validate && kind == .update,
            location: handler.key.location
        )
        resolved.aliases = resolveAliases(
            handler.aliases,
            wireName: resolved.wireName,
            owner: owner,
            element: Self.aliasElement(kind.rawValue, contract: contract, key: handler.key.value)
        )
        resolved.waitForStage = handler.waitForStage.flatMap { waitStage($0) }
        if kind == .update { resolved.idTemplate = idTemplate }
        return resolved
    }
}
