/// Turns a view model into what swift-mustache looks keys up in fastest: a dictionary of its stored
/// properties, nested the same way, built once through `Mirror`. Handed the view model itself,
/// swift-mustache would reflect on it for every key it looks up, which took 70% of the time of
/// generating the 1,000-type benchmark contract. A `nil` property has no key, so a template reads
/// it as false.
enum TemplateContext {
    static func make(_ value: Any) -> Any {
        switch value {
        case let text as String: return text
        case let flag as Bool: return flag
        case let lines as [String]: return lines
        case let optional as any OptionalValue: return optional.wrapped.map(make) as Any
        case let convertible as any TemplateContextConvertible: return convertible.templateContext
        case let convertibles as [any TemplateContextConvertible]: return convertibles.map(\.templateContext)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct, .class:
            var dictionary: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label else { continue }
                if let optional = child.value as? any OptionalValue, optional.wrapped == nil { continue }
                dictionary[label] = make(child.value)
            }
            return dictionary
        case .collection:
            return mirror.children.map { make($0.value) }
        default:
            return value
        }
    }
}

/// An `Optional` of any wrapped type, seen through a cast instead of a `Mirror` per value.
protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    var wrapped: Any? { self.map { $0 as Any } }
}
