import Foundation
import Synchronization

/// A `temporal server start-dev` process for tests and benchmarks.
///
/// Every port the server opens is a free one chosen at start, and the web UI is off unless
/// `DevServerOptions.uiPort` sets its port, so any number of servers can run at once. The server's output goes to a log file in a temporary
/// directory, and its tail is part of every startup error.
///
/// ```swift
/// let server = try await DevServer.start()
/// defer { Task { await server.stop() } }
/// // connect to server.address in server.namespace
/// ```
public final class DevServer: Sendable {
    /// The host clients connect to.
    public let host: String
    /// The front-end gRPC port; the same after `restart()`.
    public let port: Int
    /// The namespace clients use.
    public let namespace: String
    /// The options the server runs with, its executable resolved and its port filled in.
    public let options: DevServerOptions
    /// The temporary directory with the server's log files, removed when the server is released.
    public let directory: URL

    private struct State {
        var process: ChildProcess
        var launches: Int
    }

    private let state: Mutex<State>

    /// `host:port`, the address clients connect to.
    public var address: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    private init(options: DevServerOptions, host: String, port: Int, directory: URL, process: ChildProcess, launches: Int) {
        self.options = options
        self.host = host
        self.port = port
        self.namespace = options.namespace
        self.directory = directory
        self.state = Mutex(State(process: process, launches: launches))
    }

    deinit {
        // Releasing the process kills it if it still runs; the log files go with the directory.
        try? FileManager.default.removeItem(at: directory)
    }

    /// Starts a dev server and waits until its gRPC port accepts connections.
    ///
    /// - Throws: `DevServerError` if the CLI is missing, the server exits during startup or does
    ///   not listen within `options.startupTimeout`; the last two carry the end of its output.
    public static func start(_ options: DevServerOptions = DevServerOptions()) async throws -> DevServer {
        var options = options
        options.executable = try options.resolvedExecutable()
        let host = connectableHost(options.ip)
        let directory = FileManager.default.temporaryDirectory.appending(path: "temporal-dev-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        do {
            var attempt = 0
            while true {
                attempt += 1
                let port = try options.port ?? LocalPort.free(host: options.ip)
                do {
                    let process = try await launch(options, host: host, port: port, directory: directory, launch: attempt)
                    var resolved = options
                    resolved.port = port
                    return DevServer(
                        options: resolved,
                        host: host,
                        port: port,
                        directory: directory,
                        process: process,
                        launches: attempt
                    )
                } catch let error as DevServerError where attempt < 3 && isRetryableLaunchFailure(error, portIsFixed: options.port != nil) {
                    continue
                }
            }
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    /// The server process's ID (the current one, after a restart), e.g. to read its CPU time.
    public var processIdentifier: Int32 {
        state.withLock { $0.process.processIdentifier }
    }

    /// Whether the server process is running.
    public var isRunning: Bool {
        state.withLock { $0.process.isRunning }
    }

    /// The output of the current server process so far.
    public func output() -> String {
        state.withLock { $0.process }.standardOutputText()
    }

    /// Stops the server: SIGTERM, then SIGKILL if it has not exited within 10 seconds.
    ///
    /// Safe to call more than once; returns once the process has exited, or after a bounded wait
    /// if it cannot be reaped.
    public func stop() async {
        let process = state.withLock { $0.process }
        await process.stop(gracePeriod: .seconds(10))
    }

    /// Stops the server if it runs and starts it again on the same port with the same options,
    /// so clients reconnect to the same address. With a `databaseFile` the server keeps its state;
    /// without one it comes back empty.
    ///
    /// Not to be called concurrently with itself.
    public func restart() async throws {
        await stop()
        var attempt = 0
        while true {
            attempt += 1
            let launch = state.withLock { state in
                state.launches += 1
                return state.launches
            }
            do {
                let process = try await Self.launch(options, host: host, port: port, directory: directory, launch: launch)
                state.withLock { $0.process = process }
                return
            } catch let error as DevServerError where attempt < 3 && Self.isRetryableLaunchFailure(error, portIsFixed: true) {
                continue
            }
        }
    }

    // Runs one server process and waits for its gRPC port; the process is stopped on failure.
    private static func launch(
        _ options: DevServerOptions,
        host: String,
        port: Int,
        directory: URL,
        launch: Int
    ) async throws -> ChildProcess {
        let address = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        // A listener already there would make the readiness check pass for the wrong process.
        if LocalPort.isAcceptingConnections(host: host, port: port, timeout: .milliseconds(500)) {
            throw DevServerError.portInUse(address: address)
        }
        let executable = try options.resolvedExecutable()
        // The HTTP API and metrics ports default to random ones too, but the CLI picks them itself;
        // choosing them here keeps them out of the ports handed to other servers of this process.
        let auxiliaryPorts = try LocalPort.free(count: 2, host: options.ip)
        let process: ChildProcess
        do {
            process = try ChildProcess(
                executable: executable,
                arguments: arguments(options, port: port, httpPort: auxiliaryPorts[0], metricsPort: auxiliaryPorts[1]),
                standardOutput: directory.appending(path: "server-\(launch).log")
            )
        } catch ChildProcessError.launchFailed(let executable, let reason) {
            throw DevServerError.launchFailed(executable: executable, reason: reason)
        }

        let deadline = ContinuousClock.now.advanced(by: options.startupTimeout)
        while true {
            if let termination = process.termination {
                throw DevServerError.exitedDuringStartup(
                    address: address,
                    termination: termination,
                    outputTail: process.outputTail()
                )
            }
            // Alive after the port answered: the listener is this process, not one that exited.
            if LocalPort.isAcceptingConnections(host: host, port: port, timeout: .milliseconds(500)), process.isRunning {
                // Another server's internal service can take the port first; this one cannot bind it then.
                if LocalPort.isListener(onPort: port, process: process.processIdentifier) == false {
                    await process.stop(gracePeriod: .seconds(5))
                    throw DevServerError.portInUse(address: address)
                }
                return process
            }
            if ContinuousClock.now >= deadline {
                await process.stop(gracePeriod: .seconds(5))
                throw DevServerError.startupTimedOut(
                    address: address,
                    timeout: options.startupTimeout,
                    outputTail: process.outputTail()
                )
            }
            do {
                try await Task.sleep(for: .milliseconds(50))
            } catch {
                await process.stop(gracePeriod: .seconds(5))
                throw error
            }
        }
    }

    private static func arguments(_ options: DevServerOptions, port: Int, httpPort: Int, metricsPort: Int) -> [String] {
        var arguments = [
            "server", "start-dev",
            "--ip", options.ip,
            "--port", String(port),
            "--http-port", String(httpPort),
            "--metrics-port", String(metricsPort),
            "--log-level", options.logLevel.rawValue,
        ]
        if let uiPort = options.uiPort {
            arguments += ["--ui-port", String(uiPort), "--ui-disable-news-fetch"]
            if let endpoint = options.uiCodecEndpoint { arguments += ["--ui-codec-endpoint", endpoint] }
        } else {
            arguments += ["--headless"]
        }
        if options.namespace != "default" {
            arguments += ["--namespace", options.namespace]
        }
        if let databaseFile = options.databaseFile {
            arguments += ["--db-filename", databaseFile.path]
        }
        for (key, value) in options.dynamicConfigValues.sorted(by: { $0.key < $1.key }) {
            arguments += ["--dynamic-config-value", "\(key)=\(value)"]
        }
        for (name, type) in options.searchAttributes.sorted(by: { $0.key < $1.key }) {
            arguments += ["--search-attribute", "\(name)=\(type)"]
        }
        return arguments
    }

    // A port taken between choosing it and the server binding it: worth another try with fresh
    // ports, unless the taken one is the gRPC port the caller asked for.
    // Another process took the port, or the server died while starting: on a loaded machine the
    // dev server sometimes panics during startup (exit status 2), and a fresh launch succeeds.
    private static func isRetryableLaunchFailure(_ error: DevServerError, portIsFixed: Bool) -> Bool {
        switch error {
        case .portInUse: !portIsFixed
        case .exitedDuringStartup: true
        default: false
        }
    }

    private static func connectableHost(_ ip: String) -> String {
        switch ip {
        case "0.0.0.0", "": "127.0.0.1"
        case "::", "[::]": "::1"
        default: ip
        }
    }
}
