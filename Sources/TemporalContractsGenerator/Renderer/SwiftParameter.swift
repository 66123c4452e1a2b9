/// A parameter of a generated function: `label name: Type = default`.
struct SwiftParameter: Hashable, Sendable {
    /// The argument label; nil for none (`_`).
    var label: String?
    /// The name inside the function; differs from the label when the label would shadow a name the
    /// body uses (`options options_: String`).
    var name: String
    /// The type; a list when it is a function type whose parameters may wrap.
    var type: SwiftCode
    var defaultValue: String?

    init(label: String?, name: String, type: SwiftCode, defaultValue: String? = nil) {
        self.label = label
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
    }

    init(label: String?, name: String, type: String, defaultValue: String? = nil) {
        self.init(label: label, name: name, type: .text(type), defaultValue: defaultValue)
    }

    /// A parameter whose label is its name.
    init(_ name: String, _ type: String, defaultValue: String? = nil) {
        self.init(label: SwiftNaming.argumentLabel(name), name: name, type: type, defaultValue: defaultValue)
    }

    /// `label name: Type = default`, wrapping inside a function type when it must.
    var declaration: SwiftCode {
        let names: String
        switch label {
        case nil: names = "_ \(name)"
        case let label? where SwiftNaming.unescaped(label) == SwiftNaming.unescaped(name): names = name
        case let label?: names = "\(label) \(name)"
        }
        guard let defaultValue else {
            if case .text(let type) = type { return .text("\(names): \(type)") }
            return .binding(prefix: "\(names):", value: type, isAnnotation: true)
        }
        return .text("\(names): \(type.flat) = \(defaultValue)")
    }

    /// The argument that passes a same-named value on: `name: name`, or `name` without a label.
    var forwardingArgument: SwiftCode {
        .text(label.map { "\($0): \(name)" } ?? name)
    }
}
