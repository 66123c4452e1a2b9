import TemporalContracts
import Tracing

extension TracingInterceptor {
    /// The trace context in `headers`, or nil when they carry none.
    func traceContext(in headers: [String: Payload]) -> ServiceContext? {
        guard let payload = headers[headerKey], let carrier = TracingHeader.carrier(in: payload), !carrier.isEmpty
        else { return nil }
        var context = ServiceContext.topLevel
        tracer.extract(carrier, into: &context, using: DictionaryExtractor())
        return context
    }

    /// `headers` with `context` injected under ``headerKey``; unchanged when the tracer writes
    /// nothing for it.
    func headers(_ headers: [String: Payload], injecting context: ServiceContext) -> [String: Payload] {
        var carrier: [String: String] = [:]
        tracer.inject(context, into: &carrier, using: DictionaryInjector())
        guard !carrier.isEmpty else { return headers }
        var headers = headers
        headers[headerKey] = TracingHeader.payload(for: carrier)
        return headers
    }

    /// Runs `body` in a new span that is current while it runs, and records its error.
    func withSpan<Result>(
        _ name: String,
        kind: SpanKind,
        parent: ServiceContext? = nil,
        attributes: [String: String],
        _ body: (ServiceContext) async throws -> Result
    ) async throws -> Result {
        let span = tracer.startSpan(name, context: parent ?? ServiceContext.current ?? .topLevel, ofKind: kind)
        defer { span.end() }
        for (key, value) in attributes { span.attributes[key] = value }
        do {
            return try await ServiceContext.withValue(span.context) { try await body(span.context) }
        } catch {
            Self.record(error, on: span)
            throw error
        }
    }

    /// Records `error` as an exception event and, as the Python SDK does, sets the error status
    /// with the error's type and description.
    static func record(_ error: any Error, on span: any Span) {
        span.recordError(error)
        span.setStatus(SpanStatus(code: .error, message: "\(type(of: error)): \(error)"))
    }
}
