// The values templates render. The code itself (names, types, signatures, statements) is decided
// by `SwiftTranslator` and laid out by `SwiftCode`, so it wraps by one rule; templates place it,
// lay out the files and write the doc comments. A field holding code is one block of text whose
// continuation lines are indented for the column the template puts its first line at (members of
// a type in the namespace at 8, their statements at 12). A `doc` field holds the contract's own
// description as `///` lines, followed by an empty `///` line when there is one, so a template
// can go on with its own sentence.

/// Facts every generated file starts with.
struct FileViewModel {
    var sourceFile: String
    var generatorVersion: String
    var imports: [ImportViewModel]
    var namespace: String
    var access: String
    var namespaceDoc: [String]
    var declaresNamespace: Bool
}

/// The payload types file of one contract.
struct TypesViewModel {
    var file: FileViewModel
    var declarations: [DeclarationViewModel]
    var hasDeclarations: Bool
    /// `extension Payments_V1_Order: TemporalContracts.ProtobufPayload {}`, one per message.
    var protobufConformances: [String]
    var hasProtobufConformances: Bool
}

/// One top-level declaration; exactly one of the optionals is set.
struct DeclarationViewModel {
    var isFirst: Bool
    var structType: StructViewModel?
    var enumType: EnumViewModel?
    var alias: AliasViewModel?
    var arguments: ArgumentsViewModel?
}

/// A payload struct.
struct StructViewModel {
    var doc: [String]
    var name: String
    /// `Order` with its article, for prose: "an `Order`".
    var indefiniteName: String
    var wireName: String
    var access: String
    var properties: [PropertyViewModel]
    var hasProperties: Bool
    var initializer: String
    /// `case orderID = "order_id"`, or `case items` when the names match.
    var codingKeys: String
    /// The statements of `encode(to:)` that write the properties.
    var encodeStatements: String
}

struct PropertyViewModel {
    var doc: [String]
    var wireName: String
    var isOptional: Bool
    var declaration: String
}

struct EnumViewModel {
    var doc: [String]
    var name: String
    var wireName: String
    var access: String
    /// `Swift.String` or `Swift.Int`.
    var rawType: String
    var cases: [EnumCaseViewModel]
}

struct EnumCaseViewModel {
    /// The value on the wire, as the contract writes it.
    var wireValue: String
    /// `case inProgress = "in-progress"`.
    var declaration: String
}

struct AliasViewModel {
    var doc: [String]
    var name: String
    var wireName: String
    var access: String
    var declaration: String
}

/// The positional arguments of a multi-parameter workflow, handler or activity.
struct ArgumentsViewModel {
    var name: String
    /// The workflow, handler or activity, as the contract names it.
    var owner: String
    var access: String
    var properties: [PropertyViewModel]
    var initializer: String
    /// The statements of `encode(to:)` and of `init(from:)`.
    var encodeStatements: String
    var decodeStatements: String
}

/// The definitions file of one contract.
struct DefinitionsViewModel {
    var file: FileViewModel
    var groups: [DefinitionGroupViewModel]
    /// The contract's typed search attribute keys, when it has search attributes.
    var searchAttributes: SearchAttributeKeysViewModel?
}

/// `enum SearchAttributes`: one typed key per search attribute of the contract.
struct SearchAttributeKeysViewModel {
    var access: String
    var keys: [SearchAttributeKeyViewModel]
    /// `static let declared = [name: kind, …]`, for checking the server's registration.
    var declared: String
}

struct SearchAttributeKeyViewModel {
    var isFirst: Bool
    /// The attribute's name on the server.
    var name: String
    /// `keyword`, `int`, …, for prose.
    var kind: String
    var declaration: String
}

/// `Workflows`, `Signals`, … : a caseless enum holding one constant per definition.
struct DefinitionGroupViewModel {
    var isFirst: Bool
    var name: String
    /// `workflow types`, `signals`, …, for prose.
    var kindPlural: String
    var access: String
    var definitions: [DefinitionViewModel]
}

struct DefinitionViewModel {
    var isFirst: Bool
    var doc: [String]
    var wireName: String
    /// The contract gives former names, which the definition's `aliases` carries to workers.
    var hasAliases: Bool
    /// `workflow`, `signal`, `query`, `update` or `activity`, for prose.
    var kind: String
    /// Workflows and activities: the definition carries the contract's default options.
    var hasDefaults: Bool
    var declaration: String
}

/// One import of a generated file.
struct ImportViewModel {
    var module: String
    /// Whether the file uses the module's `Generated` SPI (the runtime's registration tables).
    var spi: Bool
}
