import GRPCCore
import Testing

@testable import TemporalContractsWorker

// The server's refusals of a completion that are races, not failures: the worker evicts the run
// and goes on, logging below error level; everything else is still reported as a failure.
@Suite("Workflow task completion races")
struct WorkflowTaskRaceTests {
    @Test("UnhandledCommand is a race: new events arrived while the task ran")
    func unhandledCommand() throws {
        let race = try #require(WorkflowTaskRace(RPCError(code: .invalidArgument, message: "UnhandledCommand")))
        #expect(race.kind == .unhandledCommand)
        #expect(race.description.contains("new events arrived"))
    }

    @Test("NotFound is a race: the task timed out, was answered, or its run ended")
    func taskNotFound() throws {
        let race = try #require(WorkflowTaskRace(RPCError(code: .notFound, message: "Workflow task not found.")))
        #expect(race.kind == .taskNotFound)
        #expect(race.description.contains("Workflow task not found."))
    }

    @Test(
        "other refusals are failures",
        arguments: [
            RPCError(code: .invalidArgument, message: "BadScheduleActivityAttributes: ActivityId is not set"),
            RPCError(code: .internalError, message: "UnhandledCommand"),
            RPCError(code: .unavailable, message: "connection refused"),
        ]
    )
    func otherErrors(error: RPCError) {
        #expect(WorkflowTaskRace(error) == nil)
    }

    @Test("errors that are not RPC errors are failures")
    func nonRPCError() {
        struct Unrelated: Error {}
        #expect(WorkflowTaskRace(Unrelated()) == nil)
    }
}
