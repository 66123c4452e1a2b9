// The values the documentation templates (`Templates/Docs/`) render. Every fact is decided here
// and in `ContractDocumentation`: names, links, anchors, examples; templates lay them out. Text
// fields hold what the format's templates print as is: plain text for HTML (mustache escapes
// it), Markdown source for Markdown (see `DocumentationMarkup`), so that `code` and link text
// arrive as code spans there.

/// The index: every contract, and every name of every contract for the search.
struct DocumentationIndexViewModel {
    var generatorVersion: String
    var contracts: [ContractLinkViewModel]
    var names: [NameViewModel]
    var hasNames: Bool
    var nameCount: Int
}

/// A contract in the index.
struct ContractLinkViewModel {
    var name: String
    var href: String
    /// The contract file's name, as code in a table cell.
    var file: String
    /// The first paragraph of the contract's description, in a table cell.
    var summary: String
    /// `2 workflows, 1 signal, 8 types`.
    var counts: String
}

/// One searchable name: a workflow, handler, activity, type or protobuf message.
struct NameViewModel {
    /// As code in a table cell.
    var name: String
    /// `workflow`, `signal`, `query`, `update`, `activity`, `type` or `message`.
    var kind: String
    var contract: String
    var href: String
    /// Lowercased text the search matches: the name, the wire name, the Swift name, the kind and
    /// the contract.
    var search: String
}

/// The page of one contract.
struct ContractPageViewModel {
    var name: String
    var generatorVersion: String
    var indexHref: String
    var description: [String]
    var hasDescription: Bool
    var facts: [FactViewModel]
    /// The table of contents: one link per section that has entries.
    var contents: [SectionLinkViewModel]
    /// Workflows, signals, queries, updates and activities, in that order; empty ones left out.
    var sections: [EntrySectionViewModel]
    /// Types, then protobuf messages; empty ones left out.
    var typeSections: [TypeSectionViewModel]
}

struct SectionLinkViewModel {
    var title: String
    var href: String
    var count: Int
    var isFirst: Bool
}

/// A section of workflows, signals, queries, updates or activities.
struct EntrySectionViewModel {
    /// The section's anchor and CSS class: `workflows`, `signals`, …
    var id: String
    var title: String
    var entries: [EntryViewModel]
}

/// A workflow, handler or activity.
struct EntryViewModel {
    var anchor: String
    /// The name the contract gives it, as code.
    var name: String
    /// `workflow`, `signal`, `query`, `update` or `activity`.
    var kind: String
    var description: [String]
    var hasDescription: Bool
    var facts: [FactViewModel]
    /// The positional parameters of an input given as `params`.
    var parameters: [ParameterViewModel]
    var hasParameters: Bool
}

/// A labelled fact, e.g. "Task queue: `orders`".
struct FactViewModel {
    var label: String
    var runs: [TextRunViewModel]
}

/// A piece of a fact or cell: text or code, optionally a link, after a separator.
struct TextRunViewModel {
    /// Printed before the run: `, ` between list items, else nothing.
    var separator: String
    var text: String
    var isCode: Bool
    var href: String?
    var hasLink: Bool
}

/// A positional parameter.
struct ParameterViewModel {
    var position: Int
    var name: String
    /// The Swift label and type.
    var swift: String
    var type: [TextRunViewModel]
    /// Nil for none: a template tests it, and mustache takes an empty string as true.
    var format: String?
}

/// A section of types or of protobuf messages.
struct TypeSectionViewModel {
    var id: String
    var title: String
    var types: [TypeViewModel]
}

/// A payload type: an object, an enum, an alias, or a protobuf message or enum.
struct TypeViewModel {
    var anchor: String
    var name: String
    var description: [String]
    var hasDescription: Bool
    var facts: [FactViewModel]
    var fields: [FieldViewModel]
    var hasFields: Bool
    var values: [EnumValueViewModel]
    var hasValues: Bool
    /// The heading of the values' second column: `Swift case`, or `Number` for protobuf enums.
    var valueDetailHeading: String
    /// The example payload, pretty-printed JSON.
    var example: String
    /// The Markdown fence around the example: more backticks than any run inside it.
    var fence: String
}

/// A field of an object type or protobuf message.
struct FieldViewModel {
    /// The wire name (the JSON name of a protobuf field).
    var name: String
    /// The Swift property and its type; nil for a nested protobuf message the payloads do not name.
    var swift: String?
    var type: [TextRunViewModel]
    var required: String
    var format: String?
    /// Empty rather than nil for none: mustache would look a missing key up in the enclosing
    /// type, and print the type's description.
    var description: String
}

/// A value of an enum type.
struct EnumValueViewModel {
    /// As it appears in JSON.
    var value: String
    var detail: String
}
