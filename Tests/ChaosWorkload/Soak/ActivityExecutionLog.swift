import Foundation
import TemporalContracts

/// Appends one line per activity execution to `activities.log`:
/// `<workflow ID> <run ID> <activity ID> <type> <attempt> <local|remote>`. Each line is one
/// `write(2)` on a descriptor opened with `O_APPEND`, so lines from concurrent processes never mix.
public struct ActivityExecutionLog: Sendable {
    public let file: URL

    public init(directory: URL) {
        file = directory.appending(path: "activities.log")
    }

    public func record(_ info: ActivityInfo) {
        let kind = info.isLocal ? "local" : "remote"
        let line = "\(info.workflowID) \(info.workflowRunID) \(info.activityID) \(info.activityType) \(info.attempt) \(kind)\n"
        let descriptor = open(file.path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        let bytes = Array(line.utf8)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    /// One recorded execution.
    public struct Entry: Sendable, Hashable {
        public var workflowID: String
        public var runID: String
        public var activityID: String
        public var activityType: String
        public var attempt: Int
        public var isLocal: Bool
    }

    /// Every execution recorded so far.
    public func entries() -> [Entry] {
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count == 6, let attempt = Int(fields[4]) else { return nil }
            return Entry(
                workflowID: fields[0],
                runID: fields[1],
                activityID: fields[2],
                activityType: fields[3],
                attempt: attempt,
                isLocal: fields[5] == "local"
            )
        }
    }
}
