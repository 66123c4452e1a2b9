import Foundation
import TemporalContracts

/// A schedule of the test server: what was created, what it did, and its next action time.
struct TestSchedule {
    var request: ScheduleRequest
    var info = ScheduleInfo()
    /// The next interval time; nil when the spec has no more.
    var nextTime: Date?
    /// The runs it started, for the overlap policy and `runningWorkflows`.
    var started: [WorkflowExecution] = []

    /// The first action time after `date`: the earliest interval time, within `startAt`/`endAt`.
    /// Jitter is ignored, so tests see exact times.
    func actionTime(after date: Date) -> Date? {
        let spec = request.spec
        let from = max(date, (spec.startAt ?? date).addingTimeInterval(-0.001))
        let times = spec.intervals.compactMap { interval -> Date? in
            let every = interval.every.timeInterval
            guard every > 0 else { return nil }
            let offset = interval.offset.timeInterval
            let periods = ((from.timeIntervalSince1970 - offset) / every).rounded(.down) + 1
            return Date(timeIntervalSince1970: periods * every + offset)
        }
        guard let next = times.min() else { return nil }
        if let endAt = spec.endAt, next > endAt { return nil }
        return next
    }
}
