import Foundation
import TemporalContracts

/// Checks once that Swift and Python exchange the same JSON for the order, so the rates compare the
/// same work: each side decodes the other's payload to an equal value, and the two JSON documents
/// are equal as trees once date-time strings are read as instants.
struct Equivalence {
    var lines: [String] = []
    var passed = true

    static func check(
        swiftPayload: Payload,
        python: PythonResult,
        order: Order,
        converter: DefaultPayloadConverter
    ) throws -> Equivalence {
        var result = Equivalence()
        func report(_ ok: Bool, _ text: String) {
            result.lines.append((ok ? "ok    " : "FAIL  ") + text)
            if !ok { result.passed = false }
        }

        report(python.encoding == PayloadEncoding.json, "Python payload encoding: \(python.encoding ?? "none")")

        let pythonPayload = Payload(
            metadata: [Payload.encodingKey: Data((python.encoding ?? PayloadEncoding.json).utf8)],
            data: python.payloadData
        )
        do {
            let decoded = try converter.fromPayload(pythonPayload, as: Order.self)
            report(decoded == order, "Swift decodes Python's payload (\(python.payloadData.count) bytes) to the same Order")
        } catch {
            report(false, "Swift cannot decode Python's payload: \(error)")
        }
        switch python.checkedSwiftPayload {
        case true?:
            report(true, "Python decodes Swift's payload (\(swiftPayload.data.count) bytes) to the same Order")
        case false?:
            report(false, "Python does not decode Swift's payload to the same Order: \(python.checkError ?? "?")")
        case nil:
            report(false, "Python did not report on Swift's payload")
        }

        let decoder = JSONDecoder()
        let swiftTree = try decoder.decode(JSONValue.self, from: swiftPayload.data)
        let pythonTree = try decoder.decode(JSONValue.self, from: python.payloadData)
        if swiftPayload.data == python.payloadData {
            report(true, "the JSON is byte for byte the same")
        } else {
            let differences = swiftTree.differences(from: pythonTree)
            report(
                swiftTree.readingDates() == pythonTree.readingDates(),
                "same keys and values once date-times are read as instants; as text they differ in "
                    + (differences.isEmpty ? "formatting only" : differences.joined(separator: "; "))
            )
        }
        return result
    }
}

/// A JSON document as a tree, for comparing documents regardless of key order and spacing.
enum JSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    /// A string that parses as an RFC 3339 date-time, after `readingDates()`.
    case instant(Date)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: AnyKey.self) {
            var object: [String: JSONValue] = [:]
            for key in container.allKeys { object[key.stringValue] = try container.decode(JSONValue.self, forKey: key) }
            self = .object(object)
        } else if var container = try? decoder.unkeyedContainer() {
            var array: [JSONValue] = []
            while !container.isAtEnd { array.append(try container.decode(JSONValue.self)) }
            self = .array(array)
        } else {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Int64.self) {
                self = .integer(value)
            } else if let value = try? container.decode(Double.self) {
                self = .double(value)
            } else {
                self = .string(try container.decode(String.self))
            }
        }
    }

    func readingDates() -> JSONValue {
        switch self {
        case .string(let text): RFC3339.date(from: text).map(JSONValue.instant) ?? self
        case .array(let values): .array(values.map { $0.readingDates() })
        case .object(let members): .object(members.mapValues { $0.readingDates() })
        default: self
        }
    }

    /// Where `self` (Swift) and `other` (Python) differ, as `path: swift ≠ python`.
    func differences(from other: JSONValue, path: String = "$") -> [String] {
        switch (self, other) {
        case (.object(let mine), .object(let theirs)):
            return Set(mine.keys).union(theirs.keys).sorted().flatMap { key -> [String] in
                guard let left = mine[key], let right = theirs[key] else {
                    return ["\(path).\(key) present on one side only"]
                }
                return left.differences(from: right, path: "\(path).\(key)")
            }
        case (.array(let mine), .array(let theirs)) where mine.count == theirs.count:
            return zip(mine, theirs).enumerated().flatMap { index, pair in
                pair.0.differences(from: pair.1, path: "\(path)[\(index)]")
            }
        default:
            return self == other ? [] : ["\(path): Swift \(self.text) vs Python \(other.text)"]
        }
    }

    var text: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .integer(let value): "\(value)"
        case .double(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .instant(let value): "\(value)"
        case .array(let values): "[\(values.count) values]"
        case .object(let members): "{\(members.count) members}"
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
