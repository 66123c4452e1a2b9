import Foundation
import Yams

/// The `temporal-contracts.yaml` config file: the same settings as the CLI flags (which win over it).
///
/// ```yaml
/// inputs: [Contracts/orders.temporal.yaml]
/// output: Sources/Orders/Generated
/// accessLevel: public          # public, package or internal
/// outputs: [types, definitions]
/// templates: Templates         # a folder overriding the embedded templates
/// protoc: /usr/bin/protoc
/// protoIncludes: [proto]
/// protoMessagesModule: OrderMessages
/// outputsModule: OrderService  # the other outputs are generated in that module
/// breaking:                     # changes `temporal-contracts breaking` accepts
///   ignore:
///     - {rule: FIELD_REMOVED, element: Orders.Order.note, reason: unused since 1.3}
/// ```
public struct GeneratorConfiguration: Sendable {
    public static let fileName = "temporal-contracts.yaml"
    static let keys = [
        "inputs", "output", "accessLevel", "outputs", "templates", "protoc", "protoIncludes", "protoMessagesModule",
        "outputsModule", "breaking",
    ]

    /// Paths are relative to the config file's folder, as written.
    public var inputs: [String] = []
    public var output: String?
    public var accessLevel: GeneratorOptions.AccessLevel?
    public var outputs: Set<GeneratorOptions.Output>?
    public var templates: String?
    public var protoc: String?
    public var protoIncludes: [String] = []
    public var protoMessagesModule: String?
    /// See ``GeneratorOptions/outputsModule``.
    public var outputsModule: String?
    /// Changes the breaking-change check accepts, each with its reason.
    public var breakingIgnores: [CompatibilityChecker.Ignore] = []

    public init() {}

    /// Parses the config text; every unknown key and bad value is a located diagnostic.
    public static func parse(_ text: String, file: String) -> (GeneratorConfiguration, Diagnostics) {
        var reader = YAMLNodeReader(file: file)
        var configuration = GeneratorConfiguration()
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            reader.diagnostics.append(YAMLContractParser.diagnostic(for: error, file: file))
            return (configuration, reader.diagnostics)
        }
        guard let root, let pairs = reader.mapping(root, context: "the configuration", allowedKeys: keys) else {
            return (configuration, reader.diagnostics)
        }
        for (key, value) in pairs {
            switch key.value {
            case "inputs": configuration.inputs = reader.strings(value, context: "'inputs'").map(\.value)
            case "output":
                guard let output = reader.string(value, context: "'output'") else { continue }
                if isInsideConfigurationFolder(output.value) {
                    configuration.output = output.value
                } else {
                    reader.diagnostics.error(
                        "the output folder '\(output.value)' is outside the configuration's folder",
                        at: output.location,
                        hint: "use a relative path without '..', e.g. `output: Generated`; pass --output to write elsewhere"
                    )
                }
            case "templates": configuration.templates = reader.string(value, context: "'templates'")?.value
            case "protoc": configuration.protoc = reader.string(value, context: "'protoc'")?.value
            case "protoIncludes": configuration.protoIncludes = reader.strings(value, context: "'protoIncludes'").map(\.value)
            case "protoMessagesModule":
                configuration.protoMessagesModule = reader.string(value, context: "'protoMessagesModule'")?.value
            case "outputsModule": configuration.outputsModule = reader.string(value, context: "'outputsModule'")?.value
            case "breaking": configuration.breakingIgnores = parseBreaking(value, reader: &reader)
            case "accessLevel":
                guard let level = reader.string(value, context: "'accessLevel'") else { continue }
                if let parsed = GeneratorOptions.AccessLevel(rawValue: level.value) {
                    configuration.accessLevel = parsed
                } else {
                    reader.diagnostics.error(
                        "unknown access level '\(level.value)'",
                        at: level.location,
                        hint: "one of: public, package, internal"
                    )
                }
            case "outputs":
                var outputs = Set<GeneratorOptions.Output>()
                for name in reader.strings(value, context: "'outputs'") {
                    if let output = GeneratorOptions.Output(rawValue: name.value) {
                        outputs.insert(output)
                    } else {
                        reader.diagnostics.error(
                            "unknown output '\(name.value)'",
                            at: name.location,
                            hint: "one of: " + GeneratorOptions.Output.allCases.map(\.rawValue).joined(separator: ", ")
                        )
                    }
                }
                configuration.outputs = outputs
            default: break
            }
        }
        return (configuration, reader.diagnostics)
    }

    /// Whether a configured path stays inside the configuration's folder: relative, and no `..`
    /// climbs above where it started. A checked-out configuration must not write elsewhere.
    static func isInsideConfigurationFolder(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("~"), !path.contains("\u{0}") else { return false }
        var depth = 0
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": depth -= 1
            default: depth += 1
            }
            if depth < 0 { return false }
        }
        return true
    }

    /// Reads and parses a config file.
    public static func load(_ path: String) -> (GeneratorConfiguration, Diagnostics) {
        do {
            return parse(try String(contentsOfFile: path, encoding: .utf8), file: path)
        } catch {
            var diagnostics = Diagnostics()
            diagnostics.error("cannot read the configuration: \(ContractLoader.reason(error))", at: SourceLocation(file: path))
            return (GeneratorConfiguration(), diagnostics)
        }
    }
}
