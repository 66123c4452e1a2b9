/// Why a dev server could not be started.
public enum DevServerError: Error, CustomStringConvertible {
    /// No Temporal CLI was found in any of the places listed.
    case executableNotFound(searched: [String])
    /// The CLI could not be launched.
    case launchFailed(executable: String, reason: String)
    /// Another process already listens on the requested port.
    case portInUse(address: String)
    /// The server exited before its gRPC port accepted connections.
    case exitedDuringStartup(address: String, termination: ChildProcess.Termination, outputTail: String)
    /// The gRPC port did not accept connections within the startup timeout.
    case startupTimedOut(address: String, timeout: Duration, outputTail: String)

    public var description: String {
        switch self {
        case .executableNotFound(let searched):
            """
            the Temporal CLI was not found; run Scripts/bootstrap.sh to install the pinned CLI into .venv, \
            or set TEMPORAL_CLI to its path (searched: \(searched.joined(separator: "; ")))
            """
        case .launchFailed(let executable, let reason):
            "could not launch the Temporal CLI at \(executable): \(reason); run Scripts/bootstrap.sh or set TEMPORAL_CLI"
        case .portInUse(let address):
            "cannot start a Temporal dev server on \(address): another process already listens there"
        case .exitedDuringStartup(let address, let termination, let outputTail):
            "the Temporal dev server for \(address) \(termination) during startup; its output ends with:\n\(outputTail)"
        case .startupTimedOut(let address, let timeout, let outputTail):
            """
            the Temporal dev server did not accept connections on \(address) within \(timeout); \
            its output ends with:
            \(outputTail)
            """
        }
    }
}
