import Foundation
import SwiftProtobuf
import SwiftProtobufPluginLibrary

/// Reads the `temporal.v1` options of protoc-gen-go-temporal from compiled descriptors and turns
/// each annotated service into contract syntax, so a Go team's `.proto` contract generates Swift
/// unchanged. Options that mean nothing to the Swift generator are reported as warnings.
public struct ProtoContractReader {
    /// Maps descriptor file names (`example/v1/example.proto`) to the paths diagnostics print.
    public var displayPath: (String) -> String
    var diagnostics = Diagnostics()

    public init(displayPath: @escaping (String) -> String = { $0 }) {
        self.displayPath = displayPath
    }

    /// Reads the services of `filesToGenerate` (descriptor names) from a descriptor set.
    public static func read(
        _ set: Google_Protobuf_FileDescriptorSet,
        filesToGenerate: [String],
        displayPath: @escaping (String) -> String = { $0 }
    ) -> ([ContractSyntax], Diagnostics) {
        var reader = ProtoContractReader(displayPath: displayPath)
        let problems = DescriptorSetChecker.problems(in: set)
        guard problems.isEmpty else {
            for problem in problems.prefix(20) {
                reader.diagnostics.error(
                    "the descriptor set is inconsistent: \(problem)",
                    at: SourceLocation(file: filesToGenerate.first.map(displayPath) ?? "descriptor set"),
                    hint: "regenerate it with `protoc --include_imports --include_source_info --descriptor_set_out=FILE`"
                )
            }
            return ([], reader.diagnostics)
        }
        let descriptors = DescriptorSet(proto: set)
        var contracts: [ContractSyntax] = []
        for name in filesToGenerate {
            guard let file = descriptors.fileDescriptor(named: name) else {
                reader.diagnostics.error("the descriptor set has no file '\(name)'", at: SourceLocation(file: name))
                continue
            }
            contracts += reader.contracts(in: file)
        }
        return (contracts, reader.diagnostics)
    }

    mutating func contracts(in file: FileDescriptor) -> [ContractSyntax] {
        let path = displayPath(file.name)
        let namer = SwiftProtobufNamer()
        var contracts: [ContractSyntax] = []
        var sawOptions = false
        for service in file.services {
            let serviceOptions = Self.reparse(service.options, as: Google_Protobuf_ServiceOptions.self)
            let methods = service.methods.map { ($0, Self.reparse($0.options, as: Google_Protobuf_MethodOptions.self)) }
            let annotated = methods.filter { _, options in
                options.hasTemporal_V1_workflow || options.hasTemporal_V1_activity || options.hasTemporal_V1_query
                    || options.hasTemporal_V1_signal || options.hasTemporal_V1_update
            }
            guard !annotated.isEmpty || serviceOptions.hasTemporal_V1_service else { continue }
            sawOptions = true
            var contract = ContractSyntax(file: path, format: .proto)
            contract.version = Located(ContractResolver.supportedVersion, at: location(of: service, in: path))
            contract.name = Located(contractName(of: service, at: location(of: service, in: path)), at: location(of: service, in: path))
            contract.description = comments(of: service)
            if serviceOptions.hasTemporal_V1_service {
                let options = serviceOptions.Temporal_V1_service
                if !options.taskQueue.isEmpty {
                    contract.taskQueue = Located(options.taskQueue, at: location(of: service, in: path))
                }
                warnUnsupported(
                    [
                        ("namespace", !options.namespace.isEmpty), ("patches", !options.patches.isEmpty),
                        ("nexus", options.hasNexus),
                    ],
                    option: "temporal.v1.service",
                    at: location(of: service, in: path)
                )
            }
            if serviceOptions.hasTemporal_V1_cli {
                warnUnsupported([("cli", true)], option: "temporal.v1", at: location(of: service, in: path))
            }
            for (method, options) in annotated {
                read(method, options: options, service: service, namer: namer, path: path, into: &contract)
            }
            contracts.append(contract)
        }
        if !sawOptions, !file.services.isEmpty {
            diagnostics.warning(
                "no method of \(file.services.map(\.name).joined(separator: ", ")) carries temporal.v1 options",
                at: SourceLocation(file: path, line: 1, column: 1),
                hint: "import \"temporal/v1/temporal.proto\" and mark methods with `option (temporal.v1.workflow) = {}`"
            )
        }
        if file.services.isEmpty {
            diagnostics.warning(
                "the file declares no service, so it holds no Temporal contract",
                at: SourceLocation(file: path, line: 1, column: 1),
                hint: "declare a service whose methods carry temporal.v1 options"
            )
        }
        return contracts
    }

    /// Descriptor options arrive without our extensions registered; parse their bytes again with them.
    static func reparse<Options: SwiftProtobuf.Message>(_ options: Options, as type: Options.Type) -> Options {
        guard let bytes: [UInt8] = try? options.serializedBytes(),
            let parsed = try? Options(serializedBytes: bytes, extensions: Temporal_V1_Temporal_Extensions)
        else { return options }
        return parsed
    }

    func location(of descriptor: some ProvidesSourceCodeLocation, in path: String) -> SourceLocation {
        guard let span = descriptor.sourceCodeInfoLocation?.span, span.count >= 2 else {
            return SourceLocation(file: path)
        }
        return SourceLocation(file: path, line: Int(span[0]) + 1, column: Int(span[1]) + 1)
    }

    func comments(of descriptor: some ProvidesSourceCodeLocation) -> String? {
        guard let text = descriptor.sourceCodeInfoLocation?.leadingComments else { return nil }
        let trimmed = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(" ") ? String($0.dropFirst()) : String($0) }
            .joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    // MARK: Methods

    mutating func read(
        _ method: MethodDescriptor,
        options: Google_Protobuf_MethodOptions,
        service: ServiceDescriptor,
        namer: SwiftProtobufNamer,
        path: String,
        into contract: inout ContractSyntax
    ) {
        let here = location(of: method, in: path)
        let key = Located(method.name, at: here)
        let input = payload(method.inputType, namer: namer, contract: &contract, at: here)
        let output = payload(method.outputType, namer: namer, contract: &contract, at: here)
        let inputSyntax: InputSyntax = input.isProtoEmpty ? .none : .single(input)
        let outputSyntax: SchemaNode? = output.isProtoEmpty ? nil : output
        let defaultName = "\(service.fullName).\(method.name)"
        if method.clientStreaming || method.serverStreaming {
            diagnostics.error(
                "streaming method '\(method.name)' cannot be a Temporal handler",
                at: here,
                hint: "use unary methods for workflows, activities, signals, queries and updates"
            )
            return
        }
        let kinds = [
            options.hasTemporal_V1_workflow, options.hasTemporal_V1_query, options.hasTemporal_V1_signal,
            options.hasTemporal_V1_update,
        ].filter { $0 }.count
        if kinds > 1 {
            diagnostics.error(
                "method '\(method.name)' is marked as more than one of workflow, query, signal and update",
                at: here,
                hint: "a method may be one of them, optionally also an activity"
            )
            return
        }

        if options.hasTemporal_V1_workflow {
            let workflowOptions = options.Temporal_V1_workflow
            var workflow = WorkflowSyntax(key: key)
            workflow.wireName = Located(workflowOptions.name.isEmpty ? defaultName : workflowOptions.name, at: here)
            // The Go tool registers the workflow under each alias too; so do Swift workers. The
            // options have no alias field for signals, queries, updates or activities.
            workflow.aliases = workflowOptions.aliases.map { Located($0, at: here) }
            workflow.description = comments(of: method)
            workflow.input = inputSyntax
            workflow.output = outputSyntax
            workflow.queries = workflowOptions.query.map {
                HandlerReferenceSyntax(name: Located(reference($0.ref, service: service), at: here))
            }
            workflow.signals = workflowOptions.signal.map {
                HandlerReferenceSyntax(name: Located(reference($0.ref, service: service), at: here), withStart: $0.start)
            }
            workflow.updates = workflowOptions.update.map {
                updateReference($0, name: Located(reference($0.ref, service: service), at: here))
            }
            if !workflowOptions.id.isEmpty {
                workflow.idTemplate = idTemplate(workflowOptions.id, at: here)
            }
            if !workflowOptions.taskQueue.isEmpty { workflow.taskQueue = Located(workflowOptions.taskQueue, at: here) }
            workflow.executionTimeout = duration(workflowOptions.executionTimeout, set: workflowOptions.hasExecutionTimeout, at: here)
            workflow.runTimeout = duration(workflowOptions.runTimeout, set: workflowOptions.hasRunTimeout, at: here)
            workflow.taskTimeout = duration(workflowOptions.taskTimeout, set: workflowOptions.hasTaskTimeout, at: here)
            if workflowOptions.hasRetryPolicy { workflow.retryPolicy = retryPolicy(workflowOptions.retryPolicy, at: here) }
            workflow.idReusePolicy = idReusePolicy(workflowOptions.idReusePolicy).map { Located($0, at: here) }
            workflow.idConflictPolicy = idConflictPolicy(workflowOptions.workflowIDConflictPolicy).map { Located($0, at: here) }
            readChildAndPriorityOptions(workflowOptions, into: &workflow, at: here)
            readEagerStartAndVersioning(workflowOptions, into: &workflow, at: here)
            readSearchAttributeMappings(workflowOptions, into: &workflow, at: here)
            warnUnsupported(
                [
                    ("namespace", !workflowOptions.namespace.isEmpty),
                    ("xns", workflowOptions.hasXns),
                    ("patches", !workflowOptions.patches.isEmpty), ("cli", workflowOptions.hasCli),
                    ("nexus", workflowOptions.hasNexus),
                    ("query.xns", workflowOptions.query.contains { $0.hasXns }),
                    ("signal.xns", workflowOptions.signal.contains { $0.hasXns }),
                    ("signal.cli", workflowOptions.signal.contains { $0.hasCli }),
                    ("update.xns", workflowOptions.update.contains { $0.hasXns }),
                    ("update.cli", workflowOptions.update.contains { $0.hasCli }),
                ],
                option: "temporal.v1.workflow",
                at: here
            )
            contract.workflows.append(workflow)
        }
        if options.hasTemporal_V1_activity {
            let activityOptions = options.Temporal_V1_activity
            var activity = ActivitySyntax(key: key)
            activity.wireName = Located(activityOptions.name.isEmpty ? defaultName : activityOptions.name, at: here)
            activity.description = comments(of: method)
            activity.input = inputSyntax
            activity.output = outputSyntax
            if !activityOptions.taskQueue.isEmpty { activity.taskQueue = Located(activityOptions.taskQueue, at: here) }
            activity.scheduleToCloseTimeout = duration(
                activityOptions.scheduleToCloseTimeout,
                set: activityOptions.hasScheduleToCloseTimeout,
                at: here
            )
            activity.scheduleToStartTimeout = duration(
                activityOptions.scheduleToStartTimeout,
                set: activityOptions.hasScheduleToStartTimeout,
                at: here
            )
            activity.startToCloseTimeout = duration(
                activityOptions.startToCloseTimeout,
                set: activityOptions.hasStartToCloseTimeout,
                at: here
            )
            activity.heartbeatTimeout = duration(
                activityOptions.heartbeatTimeout,
                set: activityOptions.hasHeartbeatTimeout,
                at: here
            )
            if activityOptions.hasRetryPolicy { activity.retryPolicy = retryPolicy(activityOptions.retryPolicy, at: here) }
            // proto3 cannot tell `false` from unset: only `true` is a choice; unset keeps the runtime's default.
            if activityOptions.waitForCancellation { activity.waitForCancellation = true }
            if activityOptions.hasPriority { activity.priority = priority(activityOptions.priority, at: here) }
            contract.activities.append(activity)
        }
        if options.hasTemporal_V1_signal {
            let signalOptions = options.Temporal_V1_signal
            var signal = HandlerSyntax(key: key)
            signal.wireName = Located(signalOptions.name.isEmpty ? defaultName : signalOptions.name, at: here)
            signal.description = comments(of: method)
            signal.input = inputSyntax
            // A method that is also an activity returns the activity's result; the signal has none.
            signal.output = options.hasTemporal_V1_activity ? nil : outputSyntax
            warnUnsupported(
                [("xns", signalOptions.hasXns), ("patches", !signalOptions.patches.isEmpty), ("cli", signalOptions.hasCli)],
                option: "temporal.v1.signal",
                at: here
            )
            contract.signals.append(signal)
        }
        if options.hasTemporal_V1_query {
            let queryOptions = options.Temporal_V1_query
            var query = HandlerSyntax(key: key)
            query.wireName = Located(queryOptions.name.isEmpty ? defaultName : queryOptions.name, at: here)
            query.description = comments(of: method)
            query.input = inputSyntax
            query.output = outputSyntax ?? output
            warnUnsupported(
                [("xns", queryOptions.hasXns), ("patches", !queryOptions.patches.isEmpty), ("cli", queryOptions.hasCli)],
                option: "temporal.v1.query",
                at: here
            )
            contract.queries.append(query)
        }
        if options.hasTemporal_V1_update {
            let updateOptions = options.Temporal_V1_update
            var update = HandlerSyntax(key: key)
            update.wireName = Located(updateOptions.name.isEmpty ? defaultName : updateOptions.name, at: here)
            update.description = comments(of: method)
            update.input = inputSyntax
            update.output = outputSyntax
            update.validate = updateOptions.validate
            if !updateOptions.id.isEmpty { update.idTemplate = idTemplate(updateOptions.id, at: here) }
            update.waitForStage = waitStage(updateOptions, at: here)
            warnUnsupported(
                [
                    ("xns", updateOptions.hasXns), ("patches", !updateOptions.patches.isEmpty), ("cli", updateOptions.hasCli),
                ],
                option: "temporal.v1.update",
                at: here
            )
            contract.updates.append(update)
        }
    }

    /// A bare ref names a method of the same service, a dotted one a full method name (as the Go tool does).
    /// Handlers are keyed by method name within their service; refs to other services keep their
    /// full name, which the resolver then reports as undeclared.
    func reference(_ ref: String, service: ServiceDescriptor) -> String {
        let prefix = service.fullName + "."
        return ref.hasPrefix(prefix) ? String(ref.dropFirst(prefix.count)) : ref
    }

    /// The payload schema of a method's input or output message, recording its fields for ID templates.
    func payload(
        _ message: Descriptor,
        namer: SwiftProtobufNamer,
        contract: inout ContractSyntax,
        at location: SourceLocation
    ) -> SchemaNode {
        if message.fullName == "google.protobuf.Empty" { return SchemaNode(.protoEmpty, at: location) }
        collectShapes(of: message, into: &contract.protoMessages)
        if contract.protoMessageFields[message.fullName] == nil {
            contract.protoMessageFields[message.fullName] = message.fields.map { field in
                let swiftName = namer.messagePropertyNames(field: field, prefixed: "", includeHasAndClear: false).name
                let scalar: SchemaSyntax
                switch field.type {
                case .string: scalar = .scalar(type: Located("string", at: location), format: nil)
                case .int32, .sint32, .sfixed32, .uint32, .fixed32:
                    scalar = .scalar(type: Located("integer", at: location), format: Located("int32", at: location))
                case .int64, .sint64, .sfixed64, .uint64, .fixed64:
                    scalar = .scalar(type: Located("integer", at: location), format: Located("int64", at: location))
                case .bool: scalar = .scalar(type: Located("boolean", at: location), format: nil)
                default: scalar = .protoMessage(fullName: field.fullName, swiftName: swiftName)
                }
                return PropertySyntax(
                    wireName: Located(field.jsonName ?? field.name, at: location),
                    type: SchemaNode(field.isRepeated ? .array(items: SchemaNode(scalar, at: location)) : scalar, at: location),
                    isRequired: !field.isRepeated,
                    swiftName: swiftName
                )
            }
        }
        return SchemaNode(.protoMessage(fullName: message.fullName, swiftName: namer.fullName(message: message)), at: location)
    }

    /// The Go tool's ID expression (`create-foo/${! name.slug() }`) as written: the resolver parses
    /// its Bloblang subset, as it does for YAML `id:` templates, and reports what it cannot evaluate.
    func idTemplate(_ expression: String, at location: SourceLocation) -> Located<String>? {
        Located(expression, at: location)
    }

    func duration(_ value: Google_Protobuf_Duration, set: Bool, at location: SourceLocation) -> Located<String>? {
        // An explicit zero (`{seconds: 0}`, `0s`) means "not set", as the Go tool reads it.
        guard set, value.seconds != 0 || value.nanos != 0 else { return nil }
        if value.nanos == 0 { return Located("\(value.seconds)s", at: location) }
        return Located("\(Int64(value.seconds) * 1_000_000_000 + Int64(value.nanos))ns", at: location)
    }

    func retryPolicy(_ policy: Temporal_V1_RetryPolicy, at location: SourceLocation) -> RetryPolicySyntax {
        var syntax = RetryPolicySyntax(at: location)
        syntax.initialInterval = duration(policy.initialInterval, set: policy.hasInitialInterval, at: location)
        syntax.maximumInterval = duration(policy.maxInterval, set: policy.hasMaxInterval, at: location)
        if policy.backoffCoefficient != 0 { syntax.backoffCoefficient = Located(policy.backoffCoefficient, at: location) }
        if policy.maxAttempts != 0 { syntax.maximumAttempts = Located(Int(policy.maxAttempts), at: location) }
        syntax.nonRetryableErrorTypes = policy.nonRetryableErrorTypes.map { Located($0, at: location) }
        return syntax
    }

    func idReusePolicy(_ policy: Temporal_V1_IDReusePolicy) -> String? {
        switch policy {
        case .workflowIDReusePolicyAllowDuplicate: IDReusePolicyModel.allowDuplicate.rawValue
        case .workflowIDReusePolicyAllowDuplicateFailedOnly: IDReusePolicyModel.allowDuplicateFailedOnly.rawValue
        case .workflowIDReusePolicyRejectDuplicate: IDReusePolicyModel.rejectDuplicate.rawValue
        case .workflowIDReusePolicyTerminateIfRunning: IDReusePolicyModel.terminateIfRunning.rawValue
        default: nil
        }
    }

    func idConflictPolicy(_ policy: Temporal_V1_WorkflowIdConflictPolicy) -> String? {
        switch policy {
        case .fail: IDConflictPolicyModel.fail.rawValue
        case .useExisting: IDConflictPolicyModel.useExisting.rawValue
        case .terminateExisting: IDConflictPolicyModel.terminateExisting.rawValue
        default: nil
        }
    }

    mutating func warnUnsupported(_ fields: [(String, Bool)], option: String, at location: SourceLocation) {
        for (name, isSet) in fields where isSet {
            let reason = Self.ignoredOptionReason(name)
            diagnostics.warning(
                "option '\(name)' of \(option) is ignored: \(reason.why)",
                at: location,
                hint: reason.hint
            )
        }
    }
}
