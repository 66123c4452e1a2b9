/// Everything that turns values into what the server stores: the payload converter, a chain of
/// codecs, and the failure converter. Clients and workers of a namespace must use the same one.
public struct DataConverter: Sendable {
    public var payloadConverter: any PayloadConverter
    public var codecs: [any PayloadCodec]
    public var failureConverter: any FailureConverter

    public init(
        payloadConverter: any PayloadConverter = DefaultPayloadConverter(),
        codecs: [any PayloadCodec] = [],
        failureConverter: any FailureConverter = DefaultFailureConverter()
    ) {
        self.payloadConverter = payloadConverter
        self.codecs = codecs
        self.failureConverter = failureConverter
    }

    public static let `default` = DataConverter()

    /// Values to wire payloads: convert, then run the codecs in order.
    public func encode<Value>(_ value: Value, with coding: PayloadCoding<Value>) async throws -> [Payload] {
        var payloads = try coding.encode(value, using: payloadConverter)
        for codec in codecs { payloads = try await codec.encode(payloads) }
        return payloads
    }

    /// Wire payloads to values: run the codecs in reverse, then convert.
    public func decode<Value>(_ payloads: [Payload], with coding: PayloadCoding<Value>) async throws -> Value {
        try coding.decode(try await decodeCodecs(payloads), using: payloadConverter)
    }

    /// Wire payloads to the arguments of a call: like ``decode(_:with:)``, but more payloads than
    /// parameters is an error (``PayloadCoding/decodeArguments(_:using:)``).
    public func decodeArguments<Value>(_ payloads: [Payload], with coding: PayloadCoding<Value>) async throws -> Value {
        try coding.decodeArguments(try await decodeCodecs(payloads), using: payloadConverter)
    }

    public func encodeCodecs(_ payloads: [Payload]) async throws -> [Payload] {
        var payloads = payloads
        for codec in codecs { payloads = try await codec.encode(payloads) }
        return payloads
    }

    public func decodeCodecs(_ payloads: [Payload]) async throws -> [Payload] {
        var payloads = payloads
        for codec in codecs.reversed() { payloads = try await codec.decode(payloads) }
        return payloads
    }

    /// An error to a failure whose detail payloads went through the codecs.
    public func encodeFailure(_ error: any Error) async throws -> Failure {
        try await transformPayloads(of: failureConverter.failure(from: error), with: encodeCodecs)
    }

    /// A failure from the wire to a typed error, detail payloads decoded by the codecs first.
    public func decodeFailure(_ failure: Failure) async throws -> any TemporalFailureError {
        failureConverter.error(from: try await transformPayloads(of: failure, with: decodeCodecs))
    }

    private func transformPayloads(
        of failure: Failure,
        with transform: ([Payload]) async throws -> [Payload]
    ) async throws -> Failure {
        var failure = failure
        switch failure.info {
        case .application(let type, let nonRetryable, let details, let delay):
            failure.info = .application(
                type: type,
                nonRetryable: nonRetryable,
                details: try await transform(details),
                nextRetryDelay: delay
            )
        case .timeout(let type, let details):
            failure.info = .timeout(type: type, lastHeartbeatDetails: try await transform(details))
        case .canceled(let details):
            failure.info = .canceled(details: try await transform(details))
        case .resetWorkflow(let details):
            failure.info = .resetWorkflow(lastHeartbeatDetails: try await transform(details))
        default:
            break
        }
        if let cause = failure.cause { failure.cause = try await transformPayloads(of: cause, with: transform) }
        return failure
    }
}
