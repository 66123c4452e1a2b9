import Foundation
import Testing
import TemporalContracts

// Wire compatibility with the Python SDK: every payload its default converter wrote must decode
// into the Swift value a generated contract would use, and what Swift writes must carry the same
// encoding (and, where the JSON is canonical, the same bytes) so Python workers can read it.
@Suite("Python default converter vectors")
struct PythonVectorTests {
    let converter = DefaultPayloadConverter()

    // The file and this enum must list the same cases: a vector added on the Python side fails
    // `everyVectorCaseIsHandled` until it gets a Swift expectation here, and the switches below
    // are exhaustive, so no case can be silently skipped.
    @Test("every case in the vectors file has a Swift expectation, and vice versa")
    func everyVectorCaseIsHandled() throws {
        let names = try PythonVectors.load().cases.map(\.name)
        #expect(Set(names).count == names.count, "duplicate case names in the vectors file")
        for name in names {
            #expect(VectorName(rawValue: name) != nil, "vector '\(name)' has no Swift expectation")
        }
        for name in VectorName.allCases {
            #expect(names.contains(name.rawValue), "vector '\(name.rawValue)' is missing from the file")
        }
    }

    @Test("decodes the Python payload into the Swift value", arguments: VectorName.allCases)
    func decodesPythonPayload(_ name: VectorName) throws {
        let vector = try PythonVectors.load().vector(name)
        let payload = try vector.payload()
        switch name {
        case .null:
            #expect(try converter.fromPayload(payload, as: String?.self) == nil)
        case .bytes:
            #expect(try converter.fromPayload(payload, as: Data.self) == Expected.bytes)
        case .string:
            #expect(try converter.fromPayload(payload, as: String.self) == Expected.string)
        case .int:
            #expect(try converter.fromPayload(payload, as: Int.self) == 42)
        case .negativeInt64:
            // Below -2^53: a decoder going through Double would come back one off.
            #expect(try converter.fromPayload(payload, as: Int64.self) == -9_007_199_254_740_993)
        case .float:
            #expect(try converter.fromPayload(payload, as: Double.self) == 3.25)
        case .bool:
            #expect(try converter.fromPayload(payload, as: Bool.self) == true)
        case .listOfInts:
            #expect(try converter.fromPayload(payload, as: [Int].self) == [1, 2, 3])
        case .dict:
            #expect(try converter.fromPayload(payload, as: SmallDict.self) == Expected.dict)
        case .datetimeUTC:
            let date = try converter.fromPayload(payload, as: Date.self)
            #expect(abs(date.timeIntervalSince1970 - Expected.datetimeUTC.timeIntervalSince1970) < 1e-6)
        case .datetimeNoFraction:
            #expect(try converter.fromPayload(payload, as: Date.self) == Expected.datetimeNoFraction)
        case .uuid:
            #expect(try converter.fromPayload(payload, as: UUID.self) == Expected.uuid)
        case .strEnum:
            #expect(try converter.fromPayload(payload, as: Status.self) == .closed)
        case .intEnum:
            #expect(try converter.fromPayload(payload, as: Color.self) == .green)
        case .dataclassOrder:
            #expect(try converter.fromPayload(payload, as: Order.self) == Expected.order)
        case .protoDuration, .protoTimestamp:
            // The runtime has no swift-protobuf dependency: a `json/protobuf` payload only decodes
            // into a `ProtobufPayload` type, never into a plain Codable one such as String or Date.
            let error = try #require(throws: PayloadConversionError.self) {
                try converter.fromPayload(payload, as: String.self)
            }
            #expect(error.encoding == PayloadEncoding.protobufJSON)
            guard case .malformedData = error.reason else {
                Issue.record("expected .malformedData, got \(error.reason)")
                return
            }
        }
    }

    @Test("encodes the Swift value with the vector's encoding and reads it back", arguments: VectorName.allCases)
    func roundTripsSwiftValue(_ name: VectorName) throws {
        let vector = try PythonVectors.load().vector(name)
        switch name {
        case .null:
            try checkRoundTrip(String?.none, vector, sameBytes: true)
        case .bytes:
            try checkRoundTrip(Expected.bytes, vector, sameBytes: true)
        case .string:
            // Python escapes non-ASCII (`\u00e9`), Swift writes UTF-8: same string, other bytes.
            try checkRoundTrip(Expected.string, vector, sameBytes: false)
        case .int:
            try checkRoundTrip(42, vector, sameBytes: true)
        case .negativeInt64:
            try checkRoundTrip(Int64(-9_007_199_254_740_993), vector, sameBytes: true)
        case .float:
            try checkRoundTrip(3.25, vector, sameBytes: true)
        case .bool:
            try checkRoundTrip(true, vector, sameBytes: true)
        case .listOfInts:
            try checkRoundTrip([1, 2, 3], vector, sameBytes: true)
        case .dict:
            try checkRoundTrip(Expected.dict, vector, sameBytes: true)
        case .datetimeUTC:
            // Python's `datetime.fromisoformat` before 3.11 reads only this exact shape.
            let payload = try converter.toPayload(Expected.datetimeUTC)
            #expect(payload.encoding == vector.encoding)
            #expect(String(decoding: payload.data, as: UTF8.self) == #""2026-11-22T08:30:15.123456+00:00""#)
            #expect(try payload.data == vector.payload().data)
            let decoded = try converter.fromPayload(payload, as: Date.self)
            #expect(abs(decoded.timeIntervalSince1970 - Expected.datetimeUTC.timeIntervalSince1970) < 1e-6)
        case .datetimeNoFraction:
            // Swift always writes six fraction digits (`.000000`); Python omits them when zero.
            try checkRoundTrip(Expected.datetimeNoFraction, vector, sameBytes: false)
        case .uuid:
            // Foundation writes UUIDs in upper case, Python in lower case; both read either.
            try checkRoundTrip(Expected.uuid, vector, sameBytes: false)
        case .strEnum:
            try checkRoundTrip(Status.closed, vector, sameBytes: true)
        case .intEnum:
            try checkRoundTrip(Color.green, vector, sameBytes: true)
        case .dataclassOrder:
            // Differs in bytes: the UUID's case, the date's `.000000`, and the nil `note`, which
            // synthesized Codable omits rather than writing `null`.
            try checkRoundTrip(Expected.order, vector, sameBytes: false)
        case .protoDuration:
            try checkRoundTrip(OpaqueDuration(json: Data(#""90.500s""#.utf8)), vector, sameBytes: true)
        case .protoTimestamp:
            try checkRoundTrip(OpaqueTimestamp(json: Data(#""2025-11-22T08:30:15Z""#.utf8)), vector, sameBytes: true)
        }
    }

    // The `json/protobuf` vectors through the runtime's protobuf hook, with stand-in messages that
    // keep the JSON as is: the converter must pick the message type from `Value`, including Optional.
    @Test("json/protobuf payloads decode into ProtobufPayload types, plain or optional")
    func decodesProtobufJSONIntoProtobufPayload() throws {
        let vectors = try PythonVectors.load()
        let duration = try vectors.vector(.protoDuration).payload()
        let timestamp = try vectors.vector(.protoTimestamp).payload()
        #expect(try converter.fromPayload(duration, as: OpaqueDuration.self).json == duration.data)
        #expect(try converter.fromPayload(duration, as: OpaqueDuration?.self)?.json == duration.data)
        #expect(try converter.fromPayload(timestamp, as: OpaqueTimestamp.self).json == timestamp.data)
    }

    // Python sends `workflow.execute(a, b, c)` arguments as one payload each, in order.
    @Test("the multi-argument payloads decode positionally as (String, Int, String?)")
    func decodesMultiArgumentPayloads() throws {
        let payloads = try PythonVectors.load().multiArgument.map { try $0.payload() }
        #expect(payloads.count == 3)
        var decoder = ArgumentsDecoder(payloads: payloads, converter: converter, typeName: "MultiArgument")
        let first = try decoder.decode(String.self, name: "first")
        let second = try decoder.decode(Int.self, name: "second")
        let third = try decoder.decode(String?.self, name: "third")
        #expect(first == "a")
        #expect(second == 1)
        #expect(third == nil)
    }

    /// Encodes `value`, checks the metadata (and optionally the bytes) against the Python vector,
    /// and checks the payload decodes back to `value`.
    private func checkRoundTrip<Value: Equatable>(
        _ value: Value,
        _ vector: PythonVectors.Case,
        sameBytes: Bool,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let expected = try vector.payload()
        let payload = try converter.toPayload(value)
        #expect(payload.encoding == vector.encoding, sourceLocation: sourceLocation)
        #expect(payload.metadata == expected.metadata, sourceLocation: sourceLocation)
        if sameBytes {
            #expect(
                String(decoding: payload.data, as: UTF8.self) == String(decoding: expected.data, as: UTF8.self),
                sourceLocation: sourceLocation
            )
            #expect(payload.data == expected.data, sourceLocation: sourceLocation)
        }
        #expect(try converter.fromPayload(payload, as: Value.self) == value, sourceLocation: sourceLocation)
    }
}

// MARK: - The vectors file

/// The cases of `python-default-converter-vectors.json`, by name.
enum VectorName: String, CaseIterable, Sendable {
    case null = "none"
    case bytes
    case string
    case int
    case negativeInt64 = "negative_int64"
    case float
    case bool
    case listOfInts = "list_of_ints"
    case dict
    case datetimeUTC = "datetime_utc"
    case datetimeNoFraction = "datetime_no_fraction"
    case uuid
    case strEnum = "str_enum"
    case intEnum = "int_enum"
    case dataclassOrder = "dataclass_order"
    case protoDuration = "proto_duration"
    case protoTimestamp = "proto_timestamp"
}

/// `Tests/Fixtures/python-default-converter-vectors.json`, written by the Python SDK's default
/// converter (Scripts/generate-python-vectors.py; Scripts/test.sh checks it is up to date).
struct PythonVectors: Decodable, Sendable {
    struct RawPayload: Decodable, Sendable {
        let metadata: [String: String]
        let dataBase64: String

        enum CodingKeys: String, CodingKey {
            case metadata
            case dataBase64 = "data_base64"
        }

        var encoding: String? { metadata[Payload.encodingKey] }

        func payload() throws -> Payload {
            let data = try #require(Data(base64Encoded: dataBase64), "invalid base64 '\(dataBase64)'")
            return Payload(metadata: metadata.mapValues { Data($0.utf8) }, data: data)
        }
    }

    struct Case: Decodable, Sendable {
        let name: String
        let metadata: [String: String]
        let dataBase64: String

        enum CodingKeys: String, CodingKey {
            case name
            case metadata
            case dataBase64 = "data_base64"
        }

        var encoding: String? { metadata[Payload.encodingKey] }

        func payload() throws -> Payload {
            try RawPayload(metadata: metadata, dataBase64: dataBase64).payload()
        }
    }

    let cases: [Case]
    let multiArgument: [RawPayload]

    enum CodingKeys: String, CodingKey {
        case cases
        case multiArgument = "multi_argument"
    }

    // Resolved from this source file, not the working directory (which `swift test` does not fix),
    // and inside the repository so a fresh clone has it. Tests/Fixtures is in no target's path, so
    // both test targets that read it (this one and GeneratedCodeTests) share the one copy.
    static let fileURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TemporalContractsTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // the repository
        .appendingPathComponent("Tests/Fixtures/python-default-converter-vectors.json")

    static func load() throws -> PythonVectors {
        try JSONDecoder().decode(PythonVectors.self, from: Data(contentsOf: fileURL))
    }

    func vector(_ name: VectorName) throws -> Case {
        try #require(cases.first { $0.name == name.rawValue }, "no vector named '\(name.rawValue)'")
    }
}

// MARK: - Swift mirrors of the Python values

/// Python `class Status(str, Enum)`.
enum Status: String, Codable, Sendable {
    case open, closed
}

/// Python `class Color(IntEnum)`.
enum Color: Int, Codable, Sendable {
    case red = 1
    case green = 2
}

/// Python `{'b': 1, 'a': [True, None]}`.
struct SmallDict: Codable, Equatable, Sendable {
    var a: [Bool?]
    var b: Int
}

/// Python `@dataclass class LineItem`.
struct LineItem: Codable, Equatable, Sendable {
    var sku: String
    var quantity: Int
    var unitPrice: Double

    enum CodingKeys: String, CodingKey {
        case sku, quantity
        case unitPrice = "unit_price"
    }
}

/// Python `@dataclass class Order`: snake_case on the wire.
struct Order: Codable, Equatable, Sendable {
    var orderID: String
    var customerName: String
    var items: [LineItem]
    var placedAt: Date
    var trackingID: UUID
    var status: Status
    var color: Color
    var note: String?
    var tags: [String: String]
    var express: Bool

    enum CodingKeys: String, CodingKey {
        case orderID = "order_id"
        case customerName = "customer_name"
        case items
        case placedAt = "placed_at"
        case trackingID = "tracking_id"
        case status, color, note, tags, express
    }
}

/// Stands in for a swift-protobuf message (the runtime has none): keeps the protobuf JSON as is.
protocol OpaqueProtobufJSON: ProtobufPayload, Equatable {
    var json: Data { get }
    init(json: Data)
}

struct OpaqueProtobufError: Error {}

extension OpaqueProtobufJSON {
    func protobufJSON() throws -> Data { json }
    func protobufBinary() throws -> Data { throw OpaqueProtobufError() }
    init(protobufJSON data: Data) throws { self.init(json: data) }
    init(protobufBinary data: Data) throws { throw OpaqueProtobufError() }
}

struct OpaqueDuration: OpaqueProtobufJSON {
    static let protoMessageName = "google.protobuf.Duration"
    var json: Data
}

struct OpaqueTimestamp: OpaqueProtobufJSON {
    static let protoMessageName = "google.protobuf.Timestamp"
    var json: Data
}

/// The Swift values the Python vectors hold.
enum Expected {
    static let bytes = Data([0x00, 0x01] + Array("binary".utf8) + [0xFF])
    static let string = "héllo / wörld"
    static let dict = SmallDict(a: [true, nil], b: 1)
    /// 2026-11-22T08:30:15.123456Z
    static let datetimeUTC = Date(timeIntervalSince1970: 1_795_336_215.123456)
    /// 2026-01-02T03:04:05Z
    static let datetimeNoFraction = Date(timeIntervalSince1970: 1_767_323_045)
    static let uuid = UUID(uuidString: "0f8fad5b-d9cb-469f-a165-70867728950e")!
    static let order = Order(
        orderID: "o-1",
        customerName: "Ada Lovelace",
        items: [
            LineItem(sku: "sku-1", quantity: 2, unitPrice: 9.5),
            LineItem(sku: "sku-2", quantity: 1, unitPrice: 0.25),
        ],
        placedAt: Date(timeIntervalSince1970: 1_795_336_215),  // 2026-11-22T08:30:15Z
        trackingID: uuid,
        status: .open,
        color: .red,
        note: nil,
        tags: ["channel": "web"],
        express: false
    )
}
