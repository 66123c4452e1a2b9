import Foundation
import SwiftProtobuf
import TemporalAPI

/// Random damage to a history, as a buggy server, proxy or peer could do it.
enum HistoryMutator {
    typealias Event = Temporal_Api_History_V1_HistoryEvent

    enum Mutation: CaseIterable {
        case drop, duplicate, swap, unknownEventType, clearAttributes, flipBytes, truncate, corruptPayload, shiftEventID
    }

    /// Applies one random mutation. Throws the protobuf decoder's error when flipped bytes no
    /// longer parse, as a worker reading them would.
    static func mutate(_ events: inout [Event], using random: inout SplitMix64) throws {
        guard !events.isEmpty else { return }
        let index = Int.random(in: 0..<events.count, using: &random)
        switch Mutation.allCases.randomElement(using: &random)! {
        case .drop:
            events.remove(at: index)
        case .duplicate:
            events.insert(events[index], at: index)
        case .swap:
            events.swapAt(index, Int.random(in: 0..<events.count, using: &random))
        case .unknownEventType:
            events[index].eventType = .UNRECOGNIZED(Int.random(in: 100...10_000, using: &random))
            events[index].workerMayIgnore = Bool.random(using: &random)
            if Bool.random(using: &random) { events[index].attributes = nil }
        case .clearAttributes:
            events[index].attributes = nil
        case .flipBytes:
            var bytes: [UInt8] = try events[index].serializedBytes()
            guard !bytes.isEmpty else { return }
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
            }
            events[index] = try Event(serializedBytes: bytes)
        case .truncate:
            events.removeLast(Int.random(in: 1...events.count, using: &random) - 1)
        case .corruptPayload:
            corruptPayload(in: &events, using: &random)
        case .shiftEventID:
            events[index].eventID += Int64.random(in: -3...3, using: &random)
        }
    }

    /// Damages the data or the `encoding` of one payload the workflow reads (its input, a
    /// signal's, an activity's or child's result, a marker's details).
    private static func corruptPayload(in events: inout [Event], using random: inout SplitMix64) {
        let candidates = events.indices.filter { payloadCount(of: events[$0]) > 0 }
        guard let index = candidates.randomElement(using: &random) else { return }
        var payload = Temporal_Api_Common_V1_Payload()
        switch Int.random(in: 0..<5, using: &random) {
        case 0: payload.data = Data((0..<Int.random(in: 0...16, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) })
        case 1: payload.data = Data(#"{"unclosed": ["#.utf8)
        case 2: payload.data = Data((String(repeating: "[", count: 2_000) + String(repeating: "]", count: 2_000)).utf8)
        case 3: payload.data = Data(#"{"unexpected": true}"#.utf8)
        default: payload.data = Data("42".utf8)
        }
        let encodings = ["json/plain", "json/bogus", "binary/null", "json/protobuf", ""]
        let encoding = encodings.randomElement(using: &random)!
        if !encoding.isEmpty { payload.metadata["encoding"] = Data(encoding.utf8) }
        setPayloads(of: &events[index], to: [payload])
    }

    private static func payloadCount(of event: Event) -> Int {
        switch event.attributes {
        case .workflowExecutionStartedEventAttributes(let a): a.input.payloads.count + 1
        case .workflowExecutionSignaledEventAttributes(let a): a.input.payloads.count + 1
        case .activityTaskCompletedEventAttributes(let a): a.result.payloads.count + 1
        case .childWorkflowExecutionCompletedEventAttributes(let a): a.result.payloads.count + 1
        case .markerRecordedEventAttributes(let a): a.details.count
        default: 0
        }
    }

    private static func setPayloads(of event: inout Event, to payloads: [Temporal_Api_Common_V1_Payload]) {
        switch event.attributes {
        case .workflowExecutionStartedEventAttributes(var a):
            a.input.payloads = payloads
            event.attributes = .workflowExecutionStartedEventAttributes(a)
        case .workflowExecutionSignaledEventAttributes(var a):
            a.input.payloads = payloads
            event.attributes = .workflowExecutionSignaledEventAttributes(a)
        case .activityTaskCompletedEventAttributes(var a):
            a.result.payloads = payloads
            event.attributes = .activityTaskCompletedEventAttributes(a)
        case .childWorkflowExecutionCompletedEventAttributes(var a):
            a.result.payloads = payloads
            event.attributes = .childWorkflowExecutionCompletedEventAttributes(a)
        case .markerRecordedEventAttributes(var a):
            for key in a.details.keys { a.details[key]?.payloads = payloads }
            event.attributes = .markerRecordedEventAttributes(a)
        default:
            break
        }
    }
}
