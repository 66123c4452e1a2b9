/// A search attribute the server refused: it has not registered it, or has registered it with
/// another type than the one the start wrote (the contract's declaration).
public struct SearchAttributeRegistrationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The attribute's name.
    public var name: String
    /// The type the contract declares.
    public var contractType: SearchAttributeKind
    /// The type the server registered; nil when it has not registered the attribute.
    public var serverType: SearchAttributeKind?

    /// The refusal of attribute `name`, written as `contractType`, registered as `serverType`.
    public init(name: String, contractType: SearchAttributeKind, serverType: SearchAttributeKind?) {
        self.name = name
        self.contractType = contractType
        self.serverType = serverType
    }

    /// What went wrong and how to fix it, naming the attribute and both types.
    public var description: String {
        guard let serverType else {
            return "search attribute '\(name)' (\(contractType.serverName) in the contract) is not registered on the server: "
                + "register it with `temporal operator search-attribute create --name \(name) --type \(contractType.serverName)`"
        }
        return "search attribute '\(name)' is \(contractType.serverName) in the contract but \(serverType.serverName) on the server: "
            + "change the contract's type, or register the attribute under another name"
    }
}
