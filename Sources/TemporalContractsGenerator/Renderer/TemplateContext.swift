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
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct, .class:
            var dictionary: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, let value = unwrapped(child.value) else { continue }
                dictionary[label] = make(value)
            }
            return dictionary
        case .collection:
            return mirror.children.map { make($0.value) }
        case .optional:
            return unwrapped(value).map(make) as Any
        default:
            return value
        }
    }

    /// The value an optional holds, nil for none; any other value as it is.
    static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map { unwrapped($0.value) } ?? nil
    }
}
