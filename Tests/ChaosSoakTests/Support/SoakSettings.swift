import Foundation

/// The soak's parameters, from the environment: `CHAOS_WORKFLOWS` (default 300), `CHAOS_SEED`
/// (default fixed, printed so a failure reproduces), `CHAOS_FAULT_SECONDS` (default 60) and
/// `CHAOS_MAX_RSS_MB` (default 1024), the bound on every worker's resident memory.
struct SoakSettings: Sendable {
    static let defaultSeed: UInt64 = 17_2026
    static let repositoryRoot = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    var workflows: Int
    var seed: UInt64
    var faultSeconds: Int
    var maxResidentMegabytes: Int
    /// Worker processes on the queue; a fault takes down at most one at a time.
    var workers = 3

    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> SoakSettings {
        SoakSettings(
            workflows: environment["CHAOS_WORKFLOWS"].flatMap(Int.init) ?? 300,
            seed: environment["CHAOS_SEED"].flatMap(UInt64.init) ?? defaultSeed,
            faultSeconds: environment["CHAOS_FAULT_SECONDS"].flatMap(Int.init) ?? 60,
            maxResidentMegabytes: environment["CHAOS_MAX_RSS_MB"].flatMap(Int.init) ?? 1_024
        )
    }

    /// How long the drivers may take after the faults stop, scaled with the workload.
    var settleTime: Duration { .seconds(180 + workflows / 3) }

    /// The test's time limit: faults, settling, starting and checking, with room to spare.
    static var timeLimitMinutes: Int {
        let settings = fromEnvironment()
        return 10 + (settings.faultSeconds + 180 + settings.workflows / 3 + settings.workflows / 10) / 60
    }
}

/// The soak could not be set up or run.
struct SoakError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
