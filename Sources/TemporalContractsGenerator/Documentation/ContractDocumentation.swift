import Foundation

/// Builds the view models of the reference documentation of resolved contracts: the index and a
/// page per contract. Swift names come from `SwiftNaming` and `SwiftTranslator`, as in the
/// generated code; examples from ``ExamplePayload``; links point at anchors on the pages of the
/// contracts that declare what they name, across imports.
struct ContractDocumentation {
    /// The contracts, sorted by name.
    let models: [ContractModel]
    let format: DocumentationFormat
    let markup: DocumentationMarkup
    let generatorVersion: String
    let translator: SwiftTranslator
    var examples: ExamplePayload
    /// The page of every contract, by contract name: `Orders.html`.
    let pages: [String: String]
    /// The contracts that import each contract.
    let importers: [String: [String]]
    /// The workflows that accept each handler, by ``handlerID(_:)``.
    let acceptingWorkflows: [String: [(contract: String, key: String)]]
    /// The Swift name of each swift-protobuf message a payload uses, by full protobuf name.
    let messageSwiftNames: [String: String]

    init(models: [ContractModel], format: DocumentationFormat, options: GeneratorOptions, generatorVersion: String) {
        self.models = models.sorted { $0.name < $1.name }
        self.format = format
        self.markup = DocumentationMarkup(format: format)
        self.generatorVersion = generatorVersion
        let translator = SwiftTranslator(options: options, generatorVersion: generatorVersion, models: models)
        self.translator = translator
        self.examples = ExamplePayload(models: models)

        var pages: [String: String] = [:]
        // `index` is taken, and two pages must differ in more than case on case-insensitive disks.
        var taken: Set<String> = ["index"]
        var importers: [String: [String]] = [:]
        var accepting: [String: [(contract: String, key: String)]] = [:]
        var messageSwiftNames: [String: String] = [:]
        for model in self.models {
            var stem = model.name
            while !taken.insert(stem.lowercased()).inserted { stem += "_" }
            pages[model.name] = "\(stem).\(format.fileExtension)"
            for imported in model.importedContracts { importers[imported, default: []].append(model.name) }
            for workflow in model.workflows {
                for use in workflow.signals + workflow.queries + workflow.updates {
                    accepting[Self.handlerID(use.handler), default: []].append((model.name, workflow.key))
                }
            }
            for signature in Self.signatures(of: model) {
                for type in signature.inputTypes + [signature.output].compactMap({ $0 }) {
                    guard case .protoMessage(let fullName, _) = type else { continue }
                    messageSwiftNames[fullName] = translator.swiftType(type, from: model.name)
                }
            }
        }
        self.pages = pages
        self.importers = importers
        self.acceptingWorkflows = accepting
        self.messageSwiftNames = messageSwiftNames
    }

    static func signatures(of model: ContractModel) -> [HandlerSignature] {
        model.workflows.map(\.signature) + (model.signals + model.queries + model.updates).map(\.signature)
            + model.activities.map(\.signature)
    }

    /// A handler's identity across contracts: its kind, contract and key.
    static func handlerID(_ handler: HandlerModel) -> String {
        "\(handler.kind.rawValue) \(handler.contract).\(handler.key)"
    }

    // MARK: Index

    func index() -> DocumentationIndexViewModel {
        var names: [(sortKey: String, name: NameViewModel)] = []
        for model in models {
            func add(_ name: String, kind: String, anchor: String, wireName: String? = nil, swiftName: String) {
                let entry = NameViewModel(
                    name: markup.cellCode(name),
                    kind: kind,
                    contract: model.name,
                    href: href(anchor, in: model.name),
                    search: [name, wireName ?? name, swiftName, kind, model.name].joined(separator: " ").lowercased()
                )
                names.append(("\(name.lowercased())\u{0}\(kind)\u{0}\(model.name)", entry))
            }
            for workflow in model.workflows {
                add(
                    workflow.key,
                    kind: "workflow",
                    anchor: Self.anchor("workflow", workflow.key),
                    wireName: workflow.wireName,
                    swiftName: "\(model.name).Workflows.\(SwiftNaming.memberName(workflow.key))"
                )
            }
            for handler in model.signals + model.queries + model.updates {
                add(
                    handler.key,
                    kind: handler.kind.rawValue,
                    anchor: Self.anchor(handler.kind.rawValue, handler.key),
                    wireName: handler.wireName,
                    swiftName: "\(model.name).\(Self.group(of: handler.kind)).\(SwiftNaming.memberName(handler.key))"
                )
            }
            for activity in model.activities {
                add(
                    activity.key,
                    kind: "activity",
                    anchor: Self.anchor("activity", activity.key),
                    wireName: activity.wireName,
                    swiftName: "\(model.name).Activities.\(SwiftNaming.memberName(activity.key))"
                )
            }
            for type in model.types {
                let name = QualifiedTypeName(contract: model.name, name: type.name)
                add(
                    type.name,
                    kind: "type",
                    anchor: Self.anchor("type", type.name),
                    swiftName: translator.swiftType(.named(name), from: "")
                )
            }
            for message in documentedMessages(of: model) {
                add(
                    message.fullName,
                    kind: message.isEnum ? "protobuf enum" : "message",
                    anchor: Self.anchor("message", message.fullName),
                    swiftName: messageSwiftNames[message.fullName] ?? ""
                )
            }
        }
        names.sort { $0.sortKey < $1.sortKey }
        return DocumentationIndexViewModel(
            generatorVersion: generatorVersion,
            contracts: models.map { model in
                ContractLinkViewModel(
                    name: model.name,
                    href: pageHref(model.name),
                    file: markup.cellCode((model.file as NSString).lastPathComponent),
                    summary: markup.cellText(Self.paragraphs(model.description).first ?? ""),
                    counts: Self.counts(of: model, messages: documentedMessages(of: model).count)
                )
            },
            names: names.map(\.name),
            hasNames: !names.isEmpty,
            nameCount: names.count
        )
    }

    /// `2 workflows, 1 signal, 1 query, 8 types`: what a contract declares.
    static func counts(of model: ContractModel, messages: Int) -> String {
        let parts = [
            (model.workflows.count, "workflow", "workflows"),
            (model.signals.count, "signal", "signals"),
            (model.queries.count, "query", "queries"),
            (model.updates.count, "update", "updates"),
            (model.activities.count, "activity", "activities"),
            (model.types.count, "type", "types"),
            (messages, "protobuf message", "protobuf messages"),
        ]
        let text = parts.filter { $0.0 > 0 }.map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.2)" }.joined(separator: ", ")
        return text.isEmpty ? "nothing declared" : text
    }

    // MARK: Contract page

    mutating func page(for model: ContractModel) -> ContractPageViewModel {
        var facts = [
            fact("Contract file", [code((model.file as NSString).lastPathComponent)]),
            fact("Format", [text(model.format == .proto ? "Protocol Buffers" : "YAML")]),
            fact("Swift namespace", [code(model.name)]),
        ]
        if let taskQueue = model.taskQueue { facts.append(fact("Default task queue", [code(taskQueue)])) }
        if !model.importedContracts.isEmpty {
            facts.append(fact("Imports", list(model.importedContracts.map { link(code($0), pageHref($0)) })))
        }
        if let importers = importers[model.name] {
            facts.append(fact("Imported by", list(importers.map { link(code($0), pageHref($0)) })))
        }
        let sections = [
            EntrySectionViewModel(id: "workflows", title: "Workflows", entries: model.workflows.map { workflowEntry($0, in: model) }),
            EntrySectionViewModel(id: "signals", title: "Signals", entries: model.signals.map { handlerEntry($0, in: model) }),
            EntrySectionViewModel(id: "queries", title: "Queries", entries: model.queries.map { handlerEntry($0, in: model) }),
            EntrySectionViewModel(id: "updates", title: "Updates", entries: model.updates.map { handlerEntry($0, in: model) }),
            EntrySectionViewModel(id: "activities", title: "Activities", entries: model.activities.map { activityEntry($0, in: model) }),
        ].filter { !$0.entries.isEmpty }
        let typeSections = [
            TypeSectionViewModel(id: "types", title: "Types", types: model.types.map { typeEntry($0, in: model) }),
            TypeSectionViewModel(
                id: "messages",
                title: "Protobuf messages",
                types: documentedMessages(of: model).map { messageEntry($0, in: model) }
            ),
        ].filter { !$0.types.isEmpty }
        let links =
            sections.map { ($0.title, $0.id, $0.entries.count) } + typeSections.map { ($0.title, $0.id, $0.types.count) }
        let description = Self.paragraphs(model.description)
        return ContractPageViewModel(
            name: model.name,
            generatorVersion: generatorVersion,
            indexHref: "index.\(format.fileExtension)",
            description: description,
            hasDescription: !description.isEmpty,
            facts: facts,
            contents: links.enumerated().map { index, link in
                SectionLinkViewModel(title: link.0, href: "#\(link.1)", count: link.2, isFirst: index == 0)
            },
            sections: sections,
            typeSections: typeSections
        )
    }

    /// The protobuf messages and enums a contract's payloads reach, by full name; the well-known
    /// types (protobuf JSON writes them as scalars) and the synthesized entries of map fields
    /// are described where they are used.
    func documentedMessages(of model: ContractModel) -> [ProtoMessageModel] {
        guard !model.protoMessages.isEmpty else { return [] }
        var entries = Set<String>()
        for message in model.protoMessages.values {
            for field in message.fields where field.isRepeated {
                if let entry = examples.mapEntry(field, of: message) { entries.insert(entry.fullName) }
            }
        }
        return model.protoMessages.values
            .filter { !$0.fullName.hasPrefix("google.protobuf.") && !entries.contains($0.fullName) }
            .sorted { $0.fullName < $1.fullName }
    }

    // MARK: Links

    /// The anchor of a declaration: `workflow-ProcessOrder`, `type-Order`. Characters other than
    /// ASCII letters, digits, `-`, `_` and `.` are spelled as `~` and their code point, so every
    /// anchor is a valid fragment as it is and distinct names keep distinct anchors.
    static func anchor(_ kind: String, _ name: String) -> String {
        var anchor = kind + "-"
        for scalar in name.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": anchor.unicodeScalars.append(scalar)
            default: anchor += "~" + String(scalar.value, radix: 16) + "~"
            }
        }
        return anchor
    }

    /// The page of a contract, as a relative link. A contract that is not documented gets the page
    /// it would have, so a link to it shows what is missing rather than disappearing.
    func pageHref(_ contract: String) -> String {
        let page = pages[contract] ?? "\(contract).\(format.fileExtension)"
        return page.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? page
    }

    /// A link to `anchor` on the page of `contract`, from the page of `current`.
    func href(_ anchor: String, in contract: String, from current: String? = nil) -> String {
        contract == current ? "#\(anchor)" : "\(pageHref(contract))#\(anchor)"
    }

    static func group(of kind: HandlerKind) -> String {
        switch kind {
        case .signal: "Signals"
        case .query: "Queries"
        case .update: "Updates"
        }
    }

    // MARK: Text

    func fact(_ label: String, _ runs: [TextRunViewModel]) -> FactViewModel {
        FactViewModel(label: label, runs: runs)
    }

    func text(_ value: String, inCell: Bool = false) -> TextRunViewModel {
        TextRunViewModel(separator: "", text: inCell ? markup.cellText(value) : value, isCode: false, href: nil, hasLink: false)
    }

    func code(_ value: String, inCell: Bool = false) -> TextRunViewModel {
        TextRunViewModel(separator: "", text: inCell ? markup.cellCode(value) : markup.code(value), isCode: true, href: nil, hasLink: false)
    }

    func link(_ run: TextRunViewModel, _ href: String?) -> TextRunViewModel {
        var run = run
        run.href = href
        run.hasLink = href != nil
        return run
    }

    /// Runs separated by commas.
    func list(_ runs: [TextRunViewModel]) -> [TextRunViewModel] {
        runs.enumerated().map { index, run in
            var run = run
            if index > 0 { run.separator = ", " }
            return run
        }
    }

    /// A description's paragraphs, each on one line: blank lines separate paragraphs.
    static func paragraphs(_ text: String?) -> [String] {
        guard let text else { return [] }
        var paragraphs: [String] = []
        var current: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs
    }
}
