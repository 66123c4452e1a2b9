import Foundation
import Tracing

/// A span time taken from the workflow's clock (`WorkflowContext.now`), so a workflow span is
/// stamped with the time of the workflow task that made it rather than the wall clock.
struct WorkflowTracerInstant: TracerInstant {
    let nanosecondsSinceEpoch: UInt64

    init(_ date: Date) {
        nanosecondsSinceEpoch = UInt64(max(0, date.timeIntervalSince1970) * 1_000_000_000)
    }

    static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch
    }
}
