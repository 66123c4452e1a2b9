import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process for tests: its output goes to files rather than pipes, so a chatty child can
/// never block on a full pipe and its output can be read at any time, and every wait is bounded.
public final class ChildProcess: Sendable {
    /// How a child process ended.
    public enum Termination: Sendable, Equatable, CustomStringConvertible {
        case exited(Int32)
        case signaled(Int32)

        public var description: String {
            switch self {
            case .exited(let status): "exited with status \(status)"
            case .signaled(let signal): "killed by signal \(signal)"
            }
        }
    }

    public let executable: URL
    public let arguments: [String]
    /// The file that receives the child's standard output.
    public let standardOutputFile: URL
    /// The file that receives the child's standard error; the same as `standardOutputFile` when
    /// the two are merged.
    public let standardErrorFile: URL
    public let processIdentifier: Int32
    private let process: Process

    /// Launches `executable`.
    ///
    /// - Parameters:
    ///   - executable: the program to run.
    ///   - arguments: its command-line arguments.
    ///   - environment: variables set on top of this process's environment.
    ///   - currentDirectory: the child's working directory; `nil` keeps this process's.
    ///   - standardOutput: the file the child's standard output is written to (truncated first).
    ///   - standardError: the file for standard error; `nil` merges it into `standardOutput`.
    /// - Throws: `ChildProcessError.launchFailed` if the executable cannot be run.
    public init(
        executable: URL,
        arguments: [String],
        environment: [String: String] = [:],
        currentDirectory: URL? = nil,
        standardOutput: URL,
        standardError: URL? = nil
    ) throws {
        self.executable = executable
        self.arguments = arguments
        self.standardOutputFile = standardOutput
        self.standardErrorFile = standardError ?? standardOutput
        // Foundation's own error for these says only "The file doesn’t exist."
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            let exists = FileManager.default.fileExists(atPath: executable.path)
            let reason = exists ? "not an executable file" : "no such file"
            throw ChildProcessError.launchFailed(executable: executable.path, reason: reason)
        }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        process.standardInput = FileHandle.nullDevice
        do {
            let output = try Self.createFile(standardOutput)
            defer { try? output.close() }
            process.standardOutput = output
            let error = try standardError.map(Self.createFile)
            defer { try? error?.close() }
            process.standardError = error ?? output
            try Self.withEmptySignalMask { try process.run() }
        } catch {
            throw ChildProcessError.launchFailed(executable: executable.path, reason: "\(error.localizedDescription)")
        }
        self.process = process
        self.processIdentifier = process.processIdentifier
    }

    deinit {
        // Normal use stops the child first; this only catches one that was dropped while running.
        if process.isRunning { kill(processIdentifier, SIGKILL) }
    }

    public var isRunning: Bool { process.isRunning }

    /// How the child ended, or `nil` while it runs.
    public var termination: Termination? {
        guard !process.isRunning else { return nil }
        switch process.terminationReason {
        case .exit: return .exited(process.terminationStatus)
        case .uncaughtSignal: return .signaled(process.terminationStatus)
        @unknown default: return .exited(process.terminationStatus)
        }
    }

    /// Everything the child has written to standard output so far.
    public func standardOutputText() -> String {
        Self.read(standardOutputFile)
    }

    /// Everything the child has written to standard error so far (all its output when merged).
    public func standardErrorText() -> String {
        Self.read(standardErrorFile)
    }

    /// The last `lines` lines of the child's output, and of its standard error when separate, for
    /// error messages.
    public func outputTail(lines: Int = 40) -> String {
        let output = Self.tail(standardOutputText(), lines: lines)
        guard standardErrorFile != standardOutputFile else { return output }
        let error = Self.tail(standardErrorText(), lines: lines)
        return "stdout:\n\(output)\nstderr:\n\(error)"
    }

    /// Waits for the child to exit; `nil` if it still runs after `timeout`.
    ///
    /// A cancelled task still waits out the timeout, so a stop in a cancelled test still stops.
    @discardableResult
    public func waitForExit(timeout: Duration) async -> Termination? {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            if let termination { return termination }
            if ContinuousClock.now >= deadline { return nil }
            await Self.pause()
        }
    }

    /// Waits until the child writes `line` (compared without surrounding whitespace) as a whole
    /// line of standard output.
    ///
    /// - Throws: `ChildProcessError.exitedBeforeOutput` if the child exits first,
    ///   `ChildProcessError.timedOut` if `timeout` passes first, `CancellationError` if cancelled.
    public func waitForOutputLine(_ line: String, timeout: Duration) async throws {
        let expected = line.trimmingCharacters(in: .whitespacesAndNewlines)
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            // Read the exit state first: output written before the exit is then already on disk.
            let termination = self.termination
            let written = standardOutputText().split(whereSeparator: \.isNewline)
            if written.contains(where: { $0.trimmingCharacters(in: .whitespaces) == expected }) { return }
            if let termination {
                throw ChildProcessError.exitedBeforeOutput(
                    expected: expected,
                    command: commandLine,
                    termination: termination,
                    outputTail: outputTail()
                )
            }
            if ContinuousClock.now >= deadline {
                throw ChildProcessError.timedOut(
                    waitingFor: "the line '\(expected)'",
                    command: commandLine,
                    timeout: timeout,
                    outputTail: outputTail()
                )
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Stops the child: SIGTERM, then SIGKILL if it has not exited after `gracePeriod`.
    ///
    /// Safe to call more than once and from several tasks; returns within `gracePeriod` plus a
    /// few seconds even if the child cannot be reaped, and then returns `nil`.
    @discardableResult
    public func stop(gracePeriod: Duration = .seconds(10)) async -> Termination? {
        if let termination { return termination }
        kill(processIdentifier, SIGTERM)
        if let termination = await waitForExit(timeout: gracePeriod) { return termination }
        kill(processIdentifier, SIGKILL)
        return await waitForExit(timeout: .seconds(5))
    }

    /// The command line, for messages.
    public var commandLine: String {
        ([executable.path] + arguments).joined(separator: " ")
    }

    /// The last `lines` lines of `text`.
    public static func tail(_ text: String, lines: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }

    // A child inherits the signal mask of the thread that spawns it, and the threads Swift
    // concurrency runs on block most signals: a child spawned from one would never see SIGTERM
    // (a Python worker would only die to SIGKILL). So the spawning thread blocks nothing for the
    // moment of the spawn; a signal arriving then runs the same handler it would elsewhere.
    private static func withEmptySignalMask<Result>(_ body: () throws -> Result) rethrows -> Result {
        var empty = sigset_t()
        sigemptyset(&empty)
        var previous = sigset_t()
        pthread_sigmask(SIG_SETMASK, &empty, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return try body()
    }

    private static func createFile(_ url: URL) throws -> FileHandle {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        return try FileHandle(forWritingTo: url)
    }

    private static func read(_ url: URL) -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    // Sleeps briefly even in a cancelled task, where `Task.sleep` would return at once and turn a
    // polling loop into a busy wait.
    private static func pause() async {
        if Task.isCancelled {
            usleep(20_000)
        } else {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}
