import TemporalAPI
import TemporalContracts
import TemporalContractsConversion

extension EngineWorkflowContext {
    /// A command's summary and details as the other SDKs send them: strings through the payload
    /// converter (JSON); nil when neither is set or both are empty.
    func userMetadata(summary: String?, details: String?) throws -> Temporal_Api_Sdk_V1_UserMetadata? {
        func payload(_ text: String?) throws -> Payload? {
            guard let text, !text.isEmpty else { return nil }
            return try payloadConverter.toPayload(text)
        }
        return Temporal_Api_Sdk_V1_UserMetadata(summary: try payload(summary), details: try payload(details))
    }
}
