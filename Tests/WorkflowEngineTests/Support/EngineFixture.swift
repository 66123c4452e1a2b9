import Foundation
import SwiftProtobuf
import TemporalAPI
import TemporalContracts
import TemporalContractsTesting

/// A test environment with every workflow of the fixture contract and its real activities.
struct EngineFixture {
    let environment: WorkflowTestEnvironment
    let activities: EngineActivities
    let client: Engine.Client

    static let allWorkflows: [WorkflowRegistration] = [
        PipelineWorkflow.registration, GreeterWorkflow.registration, ApprovalWorkflow.registration,
        FamilyWorkflow.registration, ChildWorkflow.registration, CountdownWorkflow.registration,
        CompensatingWorkflow.registration, SleeperWorkflow.registration,
    ]

    init(workflows: [WorkflowRegistration] = Self.allWorkflows, jitter: Bool = false) {
        activities = EngineActivities(jitter: jitter)
        environment = WorkflowTestEnvironment(
            workflows: workflows,
            activities: activities.registrations,
            startTime: Date(timeIntervalSince1970: 1_800_000_000)
        )
        client = Engine.Client(environment.client)
    }

    /// Runs `body` and shuts the environment down however it ends.
    static func use<Value>(
        workflows: [WorkflowRegistration] = allWorkflows,
        jitter: Bool = false,
        _ body: (EngineFixture) async throws -> Value
    ) async throws -> Value {
        let fixture = EngineFixture(workflows: workflows, jitter: jitter)
        do {
            let value = try await body(fixture)
            await fixture.environment.shutdown()
            return value
        } catch {
            await fixture.environment.shutdown()
            throw error
        }
    }
}

extension Temporal_Api_History_V1_History {
    /// The events that record commands, as comparable lines: what determinism is judged on.
    var commandEvents: [String] {
        events.compactMap { event -> String? in
            switch event.attributes {
            case .activityTaskScheduledEventAttributes(let a):
                "ActivityTaskScheduled \(a.activityType.name) \(a.activityID) \(a.input.payloads.map(\.data))"
            case .timerStartedEventAttributes(let a): "TimerStarted \(a.timerID) \(a.startToFireTimeout.seconds)"
            case .timerCanceledEventAttributes(let a): "TimerCanceled \(a.timerID)"
            case .markerRecordedEventAttributes(let a): "MarkerRecorded \(a.markerName)"
            case .startChildWorkflowExecutionInitiatedEventAttributes(let a): "StartChild \(a.workflowType.name) \(a.workflowID)"
            case .signalExternalWorkflowExecutionInitiatedEventAttributes(let a):
                "SignalExternal \(a.signalName) \(a.workflowExecution.workflowID)"
            case .requestCancelExternalWorkflowExecutionInitiatedEventAttributes(let a): "CancelExternal \(a.workflowExecution.workflowID)"
            case .activityTaskCancelRequestedEventAttributes(let a): "ActivityTaskCancelRequested \(a.scheduledEventID)"
            case .workflowExecutionCompletedEventAttributes(let a):
                "Completed \(a.result.payloads.map { String(decoding: $0.data, as: UTF8.self) })"
            case .workflowExecutionFailedEventAttributes(let a): "Failed \(a.failure.message)"
            case .workflowExecutionCanceledEventAttributes: "Canceled"
            case .workflowExecutionContinuedAsNewEventAttributes(let a): "ContinuedAsNew \(a.input.payloads.map(\.data))"
            case .workflowExecutionUpdateAcceptedEventAttributes(let a): "UpdateAccepted \(a.acceptedRequest.input.name)"
            case .workflowExecutionUpdateCompletedEventAttributes(let a): "UpdateCompleted \(a.outcome.success.payloads.map(\.data))"
            default: nil
            }
        }
    }

    var eventTypes: [Temporal_Api_Enums_V1_EventType] { events.map(\.eventType) }
}
