import TemporalAPI
import TemporalContracts
import TemporalContractsConversion

extension TestExecution {
    /// The static summary and details the run was started with, still encoded, as the server
    /// keeps them in the run's execution config.
    var staticMetadata: (summary: Payload?, details: Payload?) {
        guard let started = events.first, started.hasUserMetadata else { return (nil, nil) }
        let metadata = started.userMetadata
        return (
            metadata.hasSummary ? Payload(metadata.summary) : nil,
            metadata.hasDetails ? Payload(metadata.details) : nil
        )
    }

    /// The priority the run was started with; nil when none was given.
    var startPriority: Priority? {
        guard let started = events.first, case .workflowExecutionStartedEventAttributes(let attributes) = started.attributes,
            attributes.hasPriority
        else { return nil }
        return Priority(attributes.priority)
    }
}
