import Foundation
import GRPCCore
import GRPCProtobuf
import SwiftProtobuf

extension TemporalConnection {
    /// Runs one call with the connection's metadata and deadline, retrying transient failures
    /// (unavailable, resource exhausted, and for long polls an expired deadline) with jittered
    /// exponential backoff, within the retry options' attempts and time. A status that is not
    /// retried goes through `mapError`, which turns it into a typed error.
    package func call<Response: Sendable>(
        _ method: String,
        retry: RetryClass,
        _ body: @Sendable (WorkflowService, Metadata, CallOptions) async throws -> Response,
        mapError: (RPCError) -> any Error = { $0 }
    ) async throws -> Response {
        var callOptions = CallOptions.defaults
        callOptions.timeout = retry == .longPoll ? options.longPollTimeout : options.rpcTimeout
        // Fail fast while the channel is down, so the backoff below (not the channel) decides when to try again.
        callOptions.waitForReady = false
        // Histories and query results can be far larger than gRPC's 4 MiB default; the Go SDK takes 128 MiB.
        callOptions.maxResponseMessageBytes = 128 << 20
        let policy = options.retry
        let started = ContinuousClock.now
        var attempt = 1
        while true {
            do {
                return try await measured(method, longPoll: retry == .longPoll) {
                    try await body(serviceForNextCall(), metadata, callOptions)
                }
            } catch let error as RPCError {
                if let reason = error.tlsFailureReason {
                    throw TemporalConnectionError.tlsHandshakeFailed(host: options.host, port: options.port, reason: reason)
                }
                let delay = policy.delay(beforeRetry: attempt)
                guard Self.isTransient(error.code, retry: retry), attempt < policy.maximumAttempts,
                    ContinuousClock.now - started + delay <= policy.maximumElapsedTime
                else { throw mapError(error) }
                try await Task.sleep(for: delay)
                attempt += 1
            } catch let error as RuntimeError where error.code == .clientIsStopped && !isClosed && attempt < policy.maximumAttempts {
                // A concurrent call retired the channel this one was handed (`serviceForNextCall()`)
                // before it started; the call never reached the server, so the fresh channel takes it.
                attempt += 1
            }
        }
    }

    static func isTransient(_ code: RPCError.Code, retry: RetryClass) -> Bool {
        switch (code, retry) {
        case (_, .never): false
        case (.unavailable, _), (.resourceExhausted, _): true
        case (.deadlineExceeded, .longPoll), (.deadlineExceeded, .read): true
        default: false
        }
    }
}

extension RPCError {
    /// The Temporal error detail of this type that the server attached, if any.
    func temporalDetail<Detail: SwiftProtobuf.Message>(_ type: Detail.Type) -> Detail? {
        guard let status = try? unpackGoogleRPCStatus() else { return nil }
        for detail in status.details {
            guard let any = detail.any, any.isA(Detail.self) else { continue }
            return try? Detail(unpackingAny: any)
        }
        return nil
    }

    /// The error as this module reports statuses no typed error covers.
    func temporalRPCError(method: String) -> TemporalRPCError {
        let underlying = fullDescription
        return TemporalRPCError(
            code: code,
            message: message,
            method: method,
            underlying: underlying == "\(code): \(message)" ? nil : underlying
        )
    }

    /// The status with every cause beneath it, for messages that say what really happened.
    var fullDescription: String {
        var parts = ["\(code): \(message)"]
        var next = cause
        while let current = next {
            if let rpcError = current as? RPCError {
                parts.append("\(rpcError.code): \(rpcError.message)")
                next = rpcError.cause
            } else {
                parts.append(String(describing: current))
                next = nil
            }
        }
        return parts.joined(separator: " ← ")
    }

    /// Why the TLS handshake failed, when that is what this error is.
    var tlsFailureReason: String? {
        var next: (any Error)? = cause
        while let current = next {
            if let rpcError = current as? RPCError {
                next = rpcError.cause
                continue
            }
            let typeName = String(reflecting: type(of: current))
            if typeName.contains("NIOSSL") || typeName.contains("BoringSSL") {
                return String(describing: current)
            }
            return nil
        }
        return nil
    }
}
