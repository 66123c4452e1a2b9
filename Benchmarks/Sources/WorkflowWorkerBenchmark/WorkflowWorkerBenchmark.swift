import ArgumentParser

/// CPU per task of the Swift worker against the Python SDK's worker, each in its own process;
/// `serve` (hidden) is the Swift worker process the measurement spawns.
@main
struct WorkflowWorkerBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "WorkflowWorkerBenchmark",
        abstract: "CPU per task of the Swift worker process against the Python SDK's worker process.",
        subcommands: [MeasureCommand.self, ServeCommand.self],
        defaultSubcommand: MeasureCommand.self
    )
}
