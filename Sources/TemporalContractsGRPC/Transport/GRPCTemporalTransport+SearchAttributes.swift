import Foundation
import GRPCCore
import TemporalContracts

extension GRPCTemporalTransport {
    /// The server's refusal of a start's search attribute, as a ``SearchAttributeRegistrationError``
    /// naming the attribute, the type the start wrote (the contract's) and the server's
    /// registration; nil for any other error.
    ///
    /// The server says `invalid value for search attribute NAME of type TYPE: VALUE` for a type
    /// mismatch and `Namespace NS has no mapping defined for search attribute NAME` (older
    /// servers: `search attribute NAME is not defined`) for an unregistered one; the message is the
    /// only place it says so (no error detail carries it).
    func searchAttributeError(_ error: RPCError, request: StartWorkflowRequest) -> SearchAttributeRegistrationError? {
        SearchAttributeRegistrationError(serverRefusal: error, attributes: request.searchAttributes)
    }

    /// Whether `message` has `phrase` followed by something other than a name character, so
    /// `Amount` is not found in `Amounts`.
    static func mentions(_ message: String, _ phrase: String) -> Bool {
        var searched = message[...]
        while let range = searched.range(of: phrase) {
            guard let next = searched[range.upperBound...].first, next.isLetter || next.isNumber || next == "_" else { return true }
            searched = searched[range.upperBound...]
        }
        return false
    }

    /// The type in `invalid value for search attribute NAME of type TYPE`.
    static func registeredType(in message: String, of name: String) -> SearchAttributeKind? {
        let marker = "search attribute \(name) of type "
        guard let range = message.range(of: marker) else { return nil }
        let type = message[range.upperBound...].prefix { $0.isLetter }
        return SearchAttributeKind(serverName: String(type))
    }
}
