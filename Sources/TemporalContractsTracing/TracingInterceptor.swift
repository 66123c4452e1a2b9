import TemporalContracts
import Tracing

/// Traces client calls, workflows and activities with swift-distributed-tracing, and carries the
/// trace context in the Temporal headers exactly as the Python SDK's
/// `temporalio.contrib.opentelemetry.TracingInterceptor` does, so one trace crosses Swift and
/// Python clients, workflows and activities.
///
/// Configure the same value on the client and the worker:
///
/// ```swift
/// let tracing = TracingInterceptor()  // InstrumentationSystem.tracer, e.g. swift-otel's
/// let client = TemporalClient(connection: connection, interceptors: [tracing])
/// let worker = try TemporalWorker(
///     connection: connection,
///     workflows: [...], activities: [...],
///     options: TemporalWorkerOptions(taskQueue: "orders", interceptors: [tracing])
/// )
/// ```
///
/// Span names, kinds and attributes are those of the Python SDK: `StartWorkflow:<type>` (client),
/// `RunWorkflow:<type>` (server), `StartActivity:<type>` (client), `RunActivity:<type>` (server),
/// `HandleSignal:`, `HandleQuery:`, `ValidateUpdate:`, `HandleUpdate:`, `StartChildWorkflow:`,
/// `SignalExternalWorkflow:`, `CompleteWorkflow:` and the client's `SignalWorkflow:`,
/// `QueryWorkflow:`, `StartWorkflowUpdate:`, `SignalWithStartWorkflow:`,
/// `StartUpdateWithStartWorkflow:`, with `temporalWorkflowID`, `temporalRunID`,
/// `temporalActivityID` and `temporalUpdateID`.
///
/// Workflow spans are replay-safe: they are created, already ended and with no duration, only
/// while the workflow is not replaying, and they parent on the trace context of the workflow's
/// start headers, which history keeps. See <doc:Tracing>.
public struct TracingInterceptor: ClientInterceptor, WorkerInterceptor {
    /// The header the Python SDK's tracing interceptor reads and writes.
    public static let defaultHeaderKey = "_tracer-data"

    /// The tracer that creates the spans and injects and extracts their context.
    public let tracer: any Tracer
    /// The Temporal header that carries the trace context.
    public let headerKey: String
    /// Creates workflow spans also when the workflow's start carried no trace context (a start
    /// from the CLI or a schedule); such spans are roots of their own traces. Off by default, as
    /// in the Python SDK.
    public let alwaysCreateWorkflowSpans: Bool

    /// Creates a tracing interceptor.
    ///
    /// - Parameters:
    ///   - tracer: The tracer; by default the one bootstrapped in `InstrumentationSystem`.
    ///   - headerKey: The Temporal header for the trace context; keep the default to interoperate
    ///     with the Python SDK.
    ///   - alwaysCreateWorkflowSpans: Whether workflows started without a trace context get spans.
    public init(
        tracer: any Tracer = InstrumentationSystem.tracer,
        headerKey: String = TracingInterceptor.defaultHeaderKey,
        alwaysCreateWorkflowSpans: Bool = false
    ) {
        self.tracer = tracer
        self.headerKey = headerKey
        self.alwaysCreateWorkflowSpans = alwaysCreateWorkflowSpans
    }
}
