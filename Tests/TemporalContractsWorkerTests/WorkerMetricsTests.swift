import Foundation
import GRPCCore
import Synchronization
import SwiftProtobuf
import TemporalAPI
import TemporalContractsGRPC
import Testing

@testable import TemporalContractsWorker

/// The pieces of the worker metrics that a dev server cannot drive on demand: the slot gauges'
/// readings, the outcome a run's last commands name, server time spans and status code names.
/// `MetricsExportTests` checks the exported series on a real server.
struct WorkerMetricsTests {
    @Test func slotsReportTheFreeAndTakenCountsAfterEveryChange() async {
        let readings = Mutex<[[Int]]>([])
        let slots = ConcurrencySlots(2) { available, used in readings.withLock { $0.append([available, used]) } }
        #expect(await slots.acquire())
        #expect(slots.tryAcquire())
        #expect(!slots.tryAcquire(), "none left")
        slots.release()
        slots.release()
        let seen = readings.withLock { $0 }
        #expect(seen.first == [2, 0], "reported at once")
        #expect(seen.last == [2, 0])
        #expect(seen.contains([0, 2]))
        #expect(seen.allSatisfy { $0[0] + $0[1] == 2 })
    }

    @Test(arguments: [
        (Temporal_Api_Enums_V1_CommandType.completeWorkflowExecution, "temporal_workflow_completed"),
        (.failWorkflowExecution, "temporal_workflow_failed"),
        (.cancelWorkflowExecution, "temporal_workflow_canceled"),
        (.continueAsNewWorkflowExecution, "temporal_workflow_continue_as_new"),
    ])
    func theCommandThatEndsARunNamesItsCounter(type: Temporal_Api_Enums_V1_CommandType, counter: String) {
        var timer = Temporal_Api_Command_V1_Command()
        timer.commandType = .startTimer
        var end = Temporal_Api_Command_V1_Command()
        end.commandType = type
        #expect(WorkflowWorkerMetrics.Outcome([timer, end])?.rawValue == counter)
        #expect(WorkflowWorkerMetrics.Outcome([timer]) == nil, "a run that goes on has no outcome")
    }

    @Test func serverTimestampsGiveTheTimeBetweenThem() {
        let scheduled = Google_Protobuf_Timestamp(seconds: 1_700_000_000, nanos: 900_000_000)
        let started = Google_Protobuf_Timestamp(seconds: 1_700_000_002, nanos: 100_000_000)
        #expect(Duration(from: scheduled, to: started) == .milliseconds(1_200))
        #expect(Duration(from: Google_Protobuf_Timestamp(), to: started) == .zero, "a missing time gives zero, not decades")
    }

    @Test func failuresAreTaggedWithTheCanonicalStatusName() {
        #expect(TemporalConnection.statusCodeName(.notFound) == "NOT_FOUND")
        #expect(TemporalConnection.statusCodeName(.unavailable) == "UNAVAILABLE")
        #expect(TemporalConnection.statusCodeName(.internalError) == "INTERNAL")
        #expect(TemporalConnection.statusCodeName(.unauthenticated) == "UNAUTHENTICATED")
    }
}
