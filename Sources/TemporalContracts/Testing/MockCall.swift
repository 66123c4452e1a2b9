/// One call a mock received, in order.
public struct MockCall: Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case start, signalWithStart, updateWithStart, result, signal, query, update, cancel, terminate, describe
        case activity
    }

    public var kind: Kind
    /// The wire name of the workflow, signal, query, update or activity.
    public var name: String
    public var workflowID: String
    /// The typed input, as passed; read it with `input(as:)`.
    public var input: any Sendable

    public init(kind: Kind, name: String, workflowID: String, input: any Sendable) {
        self.kind = kind
        self.name = name
        self.workflowID = workflowID
        self.input = input
    }

    public func input<Value>(as type: Value.Type) -> Value? {
        input as? Value
    }

    public var description: String {
        workflowID.isEmpty ? "\(kind.rawValue) '\(name)'" : "\(kind.rawValue) '\(name)' on workflow '\(workflowID)'"
    }
}

/// A mock was called for something no stub answers.
public struct UnstubbedCallError: Error, Sendable, CustomStringConvertible {
    public var call: String
    public var hint: String

    public init(call: String, hint: String) {
        self.call = call
        self.hint = hint
    }

    public var description: String { "no stub for \(call); \(hint)" }
}
