import TemporalContracts

/// The activity-only workload's activity: `Noop` echoes its argument, as the Python `noop` of
/// `Tests/InteropTests/python/warehouse.py` that the `RunNoops` workflow schedules.
enum Noop {
    static let definition = ActivityDefinition<String, String>(name: "Noop", input: .single(), output: .single())
    static let registration = ActivityRegistration(definition) { text, _ in text }
}
