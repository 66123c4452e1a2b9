import Foundation
import TemporalContracts

/// The Trips activities implemented in Swift (Step and Doze); Python implements the others.
public struct TripActivities: Sendable {
    public init() {}

    public var registrations: [ActivityRegistration] {
        [
            ActivityRegistration(Trips.Activities.step) { input, context in
                try await Self.step(index: input.index, log: input.log, context: context)
            },
            ActivityRegistration(Trips.Activities.doze) { input, _ in
                try await Task.sleep(for: .seconds(input.seconds))
                return input.seconds
            },
        ]
    }

    /// Appends `<index> <attempt>` to `log`, so a test can count every run of every step, across
    /// worker processes; then takes a moment, so a crash can land while steps run.
    static func step(index: Int, log: String, context: any ActivityContext) async throws -> Int {
        let line = Data("\(index) \(context.info.attempt)\n".utf8)
        if let handle = FileHandle(forWritingAtPath: log) {
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: line)
        } else {
            try line.write(to: URL(filePath: log))
        }
        try await Task.sleep(for: .milliseconds(300))
        return index
    }
}
