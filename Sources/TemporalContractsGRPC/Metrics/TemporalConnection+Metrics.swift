import GRPCCore
import Metrics

extension TemporalConnection {
    /// Runs one attempt of a call and records it as the other SDKs do: `temporal_request` (or
    /// `temporal_long_request` for long polls), `…_failure` when the server or the channel
    /// failed it, and `…_latency`, tagged with the namespace and the RPC (`operation`).
    ///
    /// Each attempt that reached the server counts, as in sdk-core, whose metrics sit beneath its
    /// retries; one that failed before it began (its channel retired) does not. Not failures: a
    /// call cancelled by its caller (a poll at shutdown), and a long poll whose deadline passed
    /// (it only means that nothing happened yet).
    func measured<Response>(
        _ method: String,
        longPoll: Bool,
        _ attempt: () async throws -> Response
    ) async throws -> Response {
        let factory = options.metricsFactory ?? MetricsSystem.factory
        let prefix = longPoll ? "temporal_long_request" : "temporal_request"
        let dimensions = [("namespace", options.namespace), ("operation", method)]
        let started = ContinuousClock.now
        func record() {
            Counter(label: prefix, dimensions: dimensions, factory: factory).increment()
            options.latencyMetricsUnit.record(
                ContinuousClock.now - started,
                label: "\(prefix)_latency",
                dimensions: dimensions,
                factory: factory
            )
        }
        do {
            let response = try await attempt()
            record()
            return response
        } catch let error as RPCError {
            record()
            if error.code != .cancelled, !(longPoll && error.code == .deadlineExceeded) {
                Counter(
                    label: "\(prefix)_failure",
                    dimensions: dimensions + [("status_code", Self.statusCodeName(error.code))],
                    factory: factory
                )
                .increment()
            }
            throw error
        }
    }

    /// The canonical gRPC name of a status code (`UNAVAILABLE`), as the Go and Core SDKs tag failures.
    package static func statusCodeName(_ code: RPCError.Code) -> String {
        let names = [
            "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
            "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED",
            "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
        ]
        return names.indices.contains(code.rawValue) ? names[code.rawValue] : String(code.rawValue)
    }
}
