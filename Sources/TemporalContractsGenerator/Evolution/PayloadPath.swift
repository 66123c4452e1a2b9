/// Where the payload comparison is: the element a change is attributed to (anchored at the nearest
/// named type, so one change is reported once however many handlers use the type) and the route
/// from the handler that reached it (for the reader).
struct PayloadPath {
    /// `Orders.LineItem` or `Orders.ProcessOrder.input`.
    var anchor: String
    /// Below the anchor: `items[].unit_price`.
    var suffix = ""
    /// `workflow ProcessOrder input`.
    var usage: String
    /// Below the handler: `order.items[].unit_price`.
    var usageSuffix = ""
    var oldLocation: SourceLocation
    var newLocation: SourceLocation
    /// A protobuf message at the top of a payload, whose name is the payload's `messageType`.
    var isPayloadRoot = true

    var element: String { suffix.isEmpty ? anchor : "\(anchor).\(suffix)" }
    var usageText: String { usageSuffix.isEmpty ? usage : "\(usage): \(usageSuffix)" }

    func property(_ name: String, old: SourceLocation? = nil, new: SourceLocation? = nil) -> PayloadPath {
        var path = self
        path.suffix = suffix.isEmpty ? name : "\(suffix).\(name)"
        path.usageSuffix = usageSuffix.isEmpty ? name : "\(usageSuffix).\(name)"
        path.oldLocation = old ?? oldLocation
        path.newLocation = new ?? newLocation
        path.isPayloadRoot = false
        return path
    }

    /// Into the elements of an array (`[]`) or the values of a map (`{}`).
    func container(_ marker: String) -> PayloadPath {
        var path = self
        path.suffix += marker
        path.usageSuffix += marker
        path.isPayloadRoot = false
        return path
    }

    /// Re-anchors at a named type, keeping the route.
    func entering(_ anchor: String, old: SourceLocation, new: SourceLocation) -> PayloadPath {
        var path = self
        path.anchor = anchor
        path.suffix = ""
        path.oldLocation = old
        path.newLocation = new
        return path
    }
}
