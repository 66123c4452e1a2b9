import TemporalAPI
import TemporalContracts
import TemporalContractsConversion

/// A scheduled activity: `ScheduleActivityTask` ↔ `ActivityTaskScheduled`, resolved by its
/// completed, failed, timed-out or canceled event; a cancel becomes `RequestCancelActivityTask`.
final class ActivityMachine: CommandMachine {
    let activityType: String
    let activityID: String
    let cancellationType: ActivityCancellationType
    let result = PendingResult<[Payload]>()

    override var isPending: Bool { !result.isResolved }
    private var startedEventID: Int64 = 0

    init(command: Command, cancellationType: ActivityCancellationType) {
        let attributes = command.scheduleActivityTaskCommandAttributes
        activityType = attributes.activityType.name
        activityID = attributes.activityID
        self.cancellationType = cancellationType
        super.init(command: command)
    }

    override func mismatch(with event: HistoryEvent) -> String? {
        guard case .activityTaskScheduledEventAttributes(let attributes) = event.attributes else {
            return "it is \(event.summary)"
        }
        if attributes.activityType.name != activityType || attributes.activityID != activityID {
            return "it schedules activity '\(attributes.activityType.name)' with ID \(attributes.activityID)"
        }
        return nil
    }

    override func abandon() {
        result.resolve(.failure(CancellationError()))
    }

    override func handle(_ event: HistoryEvent, engine: WorkflowEngine) throws {
        switch event.attributes {
        case .activityTaskStartedEventAttributes:
            startedEventID = event.eventID
        case .activityTaskCompletedEventAttributes(let attributes):
            result.resolve(.success([Payload](attributes.result)))
        case .activityTaskFailedEventAttributes(let attributes):
            result.resolve(.failure(error(cause: engine.error(from: attributes.failure), retryState: attributes.retryState)))
        case .activityTaskTimedOutEventAttributes(let attributes):
            result.resolve(.failure(error(cause: engine.error(from: attributes.failure), retryState: attributes.retryState)))
        case .activityTaskCanceledEventAttributes(let attributes):
            result.resolve(
                .failure(
                    error(cause: CanceledError("activity canceled", details: [Payload](attributes.details)), retryState: .cancelRequested)
                )
            )
        default:
            break
        }
    }

    private func error(cause: any TemporalFailureError, retryState: Temporal_Api_Enums_V1_RetryState) -> ActivityError {
        ActivityError(
            activityType: activityType,
            activityID: activityID,
            scheduledEventID: initiatedEventID,
            startedEventID: startedEventID,
            retryState: RetryState(rawValue: retryState.rawValue) ?? .unspecified,
            cause: cause
        )
    }
}

/// `RequestCancelActivityTask` ↔ `ActivityTaskCancelRequested`; nothing waits for it.
final class CancelActivityMachine: CommandMachine {
    override func mismatch(with event: HistoryEvent) -> String? {
        guard case .activityTaskCancelRequestedEventAttributes(let attributes) = event.attributes else {
            return "it is \(event.summary)"
        }
        let expected = command.requestCancelActivityTaskCommandAttributes.scheduledEventID
        return attributes.scheduledEventID == expected ? nil : "it cancels the activity of event \(attributes.scheduledEventID)"
    }
}
