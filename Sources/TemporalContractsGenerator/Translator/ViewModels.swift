// The values templates render. Mustache reads stored properties only (through Mirror), so
// flags such as `hasProperties` are stored, not computed.
// Every decision (names, types, literals, which lines exist) is made
// in Swift by `SwiftTranslator`; templates only place these strings.

/// Facts every generated file starts with.
struct FileViewModel {
    var sourceFile: String
    var generatorVersion: String
    var imports: [String]
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
    var protobufConformances: [ProtobufConformanceViewModel]
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

struct StructViewModel {
    var doc: [String]
    var name: String
    var access: String
    var properties: [PropertyViewModel]
    var hasProperties: Bool
    /// `public init(…) {` on one line, or wrapped one parameter per line when long.
    var initializerLines: [String]
}

struct PropertyViewModel {
    var doc: [String]
    var name: String
    var type: String
    var wireName: String
    /// `case orderID = "order_id"`, or `case items` when the names match.
    var codingKeyCase: String
    /// The statement that writes this property in `encode(to:)`.
    var encodeStatement: String
}

struct EnumViewModel {
    var doc: [String]
    var name: String
    var access: String
    var rawType: String
    var cases: [EnumCaseViewModel]
}

struct EnumCaseViewModel {
    /// `case inProgress = "in-progress"`.
    var declaration: String
}

struct AliasViewModel {
    var doc: [String]
    var name: String
    var access: String
    var type: String
}

/// The positional arguments of a multi-parameter workflow, handler or activity.
struct ArgumentsViewModel {
    var doc: [String]
    var name: String
    var access: String
    var parameters: [ArgumentViewModel]
    var initializerLines: [String]
}

struct ArgumentViewModel {
    var name: String
    var type: String
    /// The parameter's contract name as a Swift string literal, for decoding errors.
    var wireName: String
}

/// Lets a swift-protobuf message travel as a `json/protobuf` payload.
struct ProtobufConformanceViewModel {
    var typeName: String
    var conformance: String
}

/// The definitions file of one contract.
struct DefinitionsViewModel {
    var file: FileViewModel
    var groups: [DefinitionGroupViewModel]
}

/// `Workflows`, `Signals`, … : a caseless enum holding one constant per definition.
struct DefinitionGroupViewModel {
    var isFirst: Bool
    var doc: [String]
    var name: String
    var access: String
    var definitions: [DefinitionViewModel]
}

struct DefinitionViewModel {
    var isFirst: Bool
    var doc: [String]
    var name: String
    var access: String
    /// `WorkflowDefinition<Order, OrderResult>`
    var type: String
    /// Argument lines of the initializer, each ending with a comma except the last.
    var arguments: [DefinitionArgumentViewModel]
}

struct DefinitionArgumentViewModel {
    /// Lines of one argument; continuation lines are already indented relative to the first.
    var lines: [String]
}
