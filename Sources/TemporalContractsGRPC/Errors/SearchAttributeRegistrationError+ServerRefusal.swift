import GRPCCore
import TemporalContracts

extension SearchAttributeRegistrationError {
    /// The refusal of one of `attributes` that the server's `InvalidArgument` message names (an
    /// unregistered attribute or one registered with another type); nil for any other error.
    /// Workers use it for the search attributes a workflow task's commands write, clients for a start's.
    public init?(serverRefusal error: any Error, attributes: [String: SearchAttributeValue]) {
        guard let error = error as? RPCError, error.code == .invalidArgument else { return nil }
        for (name, value) in attributes.sorted(by: { $0.key < $1.key }) {
            if let serverType = GRPCTemporalTransport.registeredType(in: error.message, of: name) {
                guard serverType != value.kind else { continue }
                self.init(name: name, contractType: value.kind, serverType: serverType)
                return
            }
            if GRPCTemporalTransport.mentions(error.message, "no mapping defined for search attribute \(name)")
                || GRPCTemporalTransport.mentions(error.message, "search attribute \(name) is not defined")
            {
                self.init(name: name, contractType: value.kind, serverType: nil)
                return
            }
        }
        return nil
    }
}
