// View models of the client, workflow, activity and mock files. As with the other view models,
// every member is rendered in `SwiftTranslator+Surface.swift`; each code field is one member, its
// signature, body and closing brace (or a requirement's signature alone), for column 8 (column 4
// in the extensions at the top level: `…WithDefaults`, `handleOfLatestRun`, `withDefaults`).

/// The client, workflow, activity and mock files of one contract.
struct SurfaceViewModel {
    var file: FileViewModel
    var workflows: [WorkflowSurfaceViewModel]
    var hasWorkflows: Bool
    var activities: [ActivitySurfaceViewModel]
    var hasActivities: Bool
}

/// A workflow's members in every file.
struct WorkflowSurfaceViewModel {
    var isFirst: Bool
    var doc: [String]
    var wireName: String
    var handleName: String
    var protocolName: String
    /// "a `ProcessOrder` workflow execution", for prose.
    var indefiniteExecution: String

    // `ClientProtocol`, `Client` and the defaults extension.
    var startRequirement: String
    var executeRequirement: String
    var handleRequirement: String
    var start: String
    var execute: String
    /// `Client.schedule<Stem>`: a schedule whose action starts the workflow.
    var schedule: String
    var handle: String
    var startWithDefaults: String
    var executeWithDefaults: String
    var handleOfLatestRun: String
    var signalsWithStart: [WithStartViewModel]
    var updatesWithStart: [WithStartViewModel]

    // The handle.
    var result: String
    var signals: [HandlerSurfaceViewModel]
    var queries: [HandlerSurfaceViewModel]
    var updates: [HandlerSurfaceViewModel]

    // The workflow protocol and its registration.
    var runRequirement: String
    /// The statement of the protocol's `registration` getter, for column 8.
    var registration: String

    // `ChildWorkflowStubs`.
    var startChild: String
    var executeChild: String

    // `MockClient`.
    var mockStart: String
    var mockExecute: String
    var mockHandle: String
    var mockStub: String
}

/// A signal, query or update as the handle sends it and the workflow protocol handles it.
struct HandlerSurfaceViewModel {
    var doc: [String]
    var wireName: String
    /// "an `AddItem`", for prose.
    var indefiniteWireName: String
    var send: String
    /// Updates only: `start…`, which returns once the update reached a wait stage.
    var startUpdate: String
    var requirement: String
    var hasValidator: Bool
    var validatorRequirement: String
}

/// Signal-with-start or update-with-start of one workflow and handler.
struct WithStartViewModel {
    /// The handler's description.
    var doc: [String]
    var wireName: String
    var requirement: String
    var implementation: String
    var withDefaults: String
    var mock: String
}

/// An activity's members in every file.
struct ActivitySurfaceViewModel {
    var isFirst: Bool
    var doc: [String]
    var wireName: String
    var requirement: String
    /// Its entry in the array of `registrations`, for column 12.
    var registration: String
    var stub: String
    var localStub: String
    var mock: String
    var mockStub: String
    var mockCalls: String
}
