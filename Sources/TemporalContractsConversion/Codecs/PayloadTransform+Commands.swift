import TemporalAPI

extension PayloadTransform {
    /// Every payload and failure of a command a workflow task completes with. `index` counts from 0;
    /// the location counts from 1 ("command 2" is the second), as commands have no ID of their own.
    func command(_ command: inout Temporal_Api_Command_V1_Command, index: Int) async throws {
        let type = command.commandType
        func at(_ field: String) -> String { "command \(index + 1) (\(Self.capitalized("\(type)"))) \(field)" }

        if command.hasUserMetadata { try await userMetadata(&command.userMetadata, at: at("user metadata")) }
        switch command.attributes {
        case .scheduleActivityTaskCommandAttributes(var a) where a.hasInput:
            try await payloads(&a.input, at: at("input"))
            command.scheduleActivityTaskCommandAttributes = a
        case .completeWorkflowExecutionCommandAttributes(var a) where a.hasResult:
            try await payloads(&a.result, at: at("result"))
            command.completeWorkflowExecutionCommandAttributes = a
        case .failWorkflowExecutionCommandAttributes(var a) where a.hasFailure:
            try await failure(&a.failure, at: at("failure"))
            command.failWorkflowExecutionCommandAttributes = a
        case .cancelWorkflowExecutionCommandAttributes(var a) where a.hasDetails:
            try await payloads(&a.details, at: at("details"))
            command.cancelWorkflowExecutionCommandAttributes = a
        case .recordMarkerCommandAttributes(var a):
            try await payloadMap(&a.details, at: at("details"))
            if a.hasFailure { try await failure(&a.failure, at: at("failure")) }
            command.recordMarkerCommandAttributes = a
        case .continueAsNewWorkflowExecutionCommandAttributes(var a):
            if a.hasInput { try await payloads(&a.input, at: at("input")) }
            if a.hasFailure { try await failure(&a.failure, at: at("failure")) }
            if a.hasLastCompletionResult { try await payloads(&a.lastCompletionResult, at: at("last completion result")) }
            if a.hasMemo { try await memo(&a.memo, at: at("memo")) }
            command.continueAsNewWorkflowExecutionCommandAttributes = a
        case .startChildWorkflowExecutionCommandAttributes(var a):
            if a.hasInput { try await payloads(&a.input, at: at("input")) }
            if a.hasMemo { try await memo(&a.memo, at: at("memo")) }
            command.startChildWorkflowExecutionCommandAttributes = a
        case .signalExternalWorkflowExecutionCommandAttributes(var a) where a.hasInput:
            try await payloads(&a.input, at: at("input"))
            command.signalExternalWorkflowExecutionCommandAttributes = a
        case .modifyWorkflowPropertiesCommandAttributes(var a) where a.hasUpsertedMemo:
            try await memo(&a.upsertedMemo, at: at("upserted memo"))
            command.modifyWorkflowPropertiesCommandAttributes = a
        case .scheduleNexusOperationCommandAttributes(var a) where a.hasInput:
            try await payload(&a.input, at: at("input"))
            command.scheduleNexusOperationCommandAttributes = a
        default:
            // Timers, cancel requests, search attribute upserts, protocol message references: no payloads.
            break
        }
    }
}
