/// Why a `ChildProcess` could not be launched or did not produce what was awaited.
public enum ChildProcessError: Error, CustomStringConvertible {
    case launchFailed(executable: String, reason: String)
    case exitedBeforeOutput(expected: String, command: String, termination: ChildProcess.Termination, outputTail: String)
    case timedOut(waitingFor: String, command: String, timeout: Duration, outputTail: String)

    public var description: String {
        switch self {
        case .launchFailed(let executable, let reason):
            "could not launch \(executable): \(reason)"
        case .exitedBeforeOutput(let expected, let command, let termination, let outputTail):
            "\(command) \(termination) before writing '\(expected)'; its output ends with:\n\(outputTail)"
        case .timedOut(let waitingFor, let command, let timeout, let outputTail):
            "timed out after \(timeout) waiting for \(waitingFor) from \(command); its output ends with:\n\(outputTail)"
        }
    }
}
