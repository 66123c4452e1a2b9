import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization
import TemporalContracts

/// A codec server: encodes and decodes payloads with a team's codecs for the Temporal web UI and
/// the `temporal` CLI, so people can read payloads that workers store encrypted or compressed.
///
/// It serves the protocol those tools speak: `POST /{namespace}/encode` and `/{namespace}/decode`
/// (or `/encode` and `/decode` with the namespace in the `X-Namespace` header), each taking and
/// returning the JSON form of `temporal.api.common.v1.Payloads`. Give it the codecs the workers'
/// data converter uses, in the same order:
///
/// ```swift
/// let server = CodecServer(
///     codecs: [AESGCMPayloadCodec(keys: keys)],
///     options: CodecServerOptions(port: 8888, allowedOrigins: ["http://localhost:8233"], bearerToken: token)
/// )
/// try await server.run()  // or add it to a ServiceGroup
/// ```
///
/// Run it with ``run()`` (it is a swift-service-lifecycle `Service`), or with ``start()`` and
/// ``stop()`` when the caller needs the bound port, as tests do.
public final class CodecServer: Service, Sendable {
    /// Where the server listens and whom it serves.
    public let options: CodecServerOptions
    private let codecsForNamespace: @Sendable (String) -> [any PayloadCodec]?
    private let logger: Logger
    private let state = Mutex(State())

    private struct State {
        var port: Int?
        var failure: (any Error)?
        var waiters: [CheckedContinuation<Int, any Error>] = []
        var running: (group: ServiceGroup, task: Task<Void, any Error>)?
    }

    /// A server that runs `codecs` for every namespace it serves (all of them unless
    /// `options.namespaces` lists some).
    ///
    /// - Parameters:
    ///   - codecs: the codecs in the order the workers' data converter lists them: encoding runs
    ///     them first to last, decoding last to first.
    ///   - options: the address, CORS origins, token, size limit and namespaces.
    ///   - logger: where refusals and server events are logged.
    public init(codecs: [any PayloadCodec], options: CodecServerOptions = CodecServerOptions(), logger: Logger? = nil) {
        self.options = options
        let namespaces = options.namespaces
        self.codecsForNamespace = { namespace in
            guard namespaces?.contains(namespace) ?? true else { return nil }
            return codecs
        }
        self.logger = logger ?? Logger(label: "temporal-codec-server")
    }

    /// A server with codecs of its own for each namespace; it serves only those namespaces (and,
    /// if `options.namespaces` is set, only those of them it lists).
    ///
    /// - Parameters:
    ///   - codecsByNamespace: each namespace's codecs, in its data converter's order.
    ///   - options: the address, CORS origins, token, size limit and namespaces.
    ///   - logger: where refusals and server events are logged.
    public init(
        codecsByNamespace: [String: [any PayloadCodec]],
        options: CodecServerOptions = CodecServerOptions(),
        logger: Logger? = nil
    ) {
        self.options = options
        let namespaces = options.namespaces
        self.codecsForNamespace = { namespace in
            guard namespaces?.contains(namespace) ?? true else { return nil }
            return codecsByNamespace[namespace]
        }
        self.logger = logger ?? Logger(label: "temporal-codec-server")
    }

    /// Serves until the task is cancelled or, in a `ServiceGroup`, until graceful shutdown.
    ///
    /// - Throws: the server's error if it cannot bind its address.
    public func run() async throws {
        let responder = CodecServerResponder(options: options, codecs: codecsForNamespace)
        let application = Application(
            responder: responder,
            configuration: ApplicationConfiguration(
                address: .hostname(options.host, port: options.port),
                serverName: "temporal-codec-server"
            ),
            onServerRunning: { [self] channel in
                let port = channel.localAddress?.port ?? options.port
                logger.info("codec server listening", metadata: ["host": "\(options.host)", "port": "\(port)"])
                resume(with: .success(port))
            },
            logger: logger
        )
        do {
            try await application.run()
        } catch {
            resume(with: .failure(error))
            throw error
        }
        resume(with: .failure(CancellationError()))
    }

    /// Starts serving in a task of its own and returns the bound port once the server listens
    /// (the free port chosen when `options.port` is `0`).
    ///
    /// - Throws: the server's error if it cannot bind its address.
    @discardableResult
    public func start() async throws -> Int {
        // In a group of its own, so `stop()` can shut it down gracefully rather than cancel it.
        let group = ServiceGroup(services: [self], gracefulShutdownSignals: [], logger: logger)
        let task = Task { try await group.run() }
        state.withLock { $0.running = (group, task) }
        return try await port()
    }

    /// The port the server listens on, once it does.
    ///
    /// - Throws: the server's error if it stopped or could not bind before listening.
    public func port() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            state.withLock { state in
                if let port = state.port {
                    continuation.resume(returning: port)
                } else if let failure = state.failure {
                    continuation.resume(throwing: failure)
                } else {
                    state.waiters.append(continuation)
                }
            }
        }
    }

    /// Stops a server started with ``start()`` and waits until it has closed its port.
    public func stop() async {
        let running = state.withLock { state in
            defer { state.running = nil }
            return state.running
        }
        guard let running else { return }
        await running.group.triggerGracefulShutdown()
        _ = await running.task.result
    }

    private func resume(with result: Result<Int, any Error>) {
        let waiters = state.withLock { state in
            switch result {
            case .success(let port): state.port = port
            case .failure(let error): if state.port == nil { state.failure = error }
            }
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(with: result) }
    }
}
