import TemporalContracts

/// The contract's activity: composes the greeting, taking a moment as real work would, so the
/// latency histograms have something to show.
struct GreetingActivities: Greetings.ActivityImplementations {
    func composeGreeting(_ input: Greetings.GreetingRequest, context: any ActivityContext) async throws -> String {
        try await Task.sleep(for: .milliseconds(50))
        return "Hello, \(input.name)!"
    }
}
