import Foundation
import Testing
import TemporalContracts

// A payload that does not decode must say which encoding, which Swift type and, for JSON, which
// field: that message is all a developer sees when a Python worker and a Swift client disagree.
@Suite("PayloadConversionError")
struct ConversionErrorTests {
    let converter = DefaultPayloadConverter()

    /// The order the Python SDK wrote in the shared vectors, as text to corrupt field by field.
    static let orderJSON =
        #"{"color":1,"customer_name":"Ada Lovelace","express":false,"#
        + #""items":[{"quantity":2,"sku":"sku-1","unit_price":9.5},{"quantity":1,"sku":"sku-2","unit_price":0.25}],"#
        + #""note":null,"order_id":"o-1","placed_at":"2026-11-22T08:30:15+00:00","status":"open","#
        + #""tags":{"channel":"web"},"tracking_id":"0f8fad5b-d9cb-469f-a165-70867728950e"}"#

    @Test("the uncorrupted order decodes, so the failures below come from the corruption alone")
    func baselineOrderDecodes() throws {
        #expect(try converter.fromPayload(Payload.json(Self.orderJSON), as: Order.self) == Expected.order)
    }

    @Test("an encoding no converter knows is reported with the encoding and the type")
    func unknownEncoding() throws {
        let payload = Payload(metadata: [Payload.encodingKey: Data("json/unknown".utf8)], data: Data("1".utf8))
        let error = try decodeError(payload, as: Int.self)
        #expect(error.reason == .unknownEncoding)
        #expect(error.encoding == "json/unknown")
        #expect(error.typeName == "Int")
        #expect(error.description.contains("json/unknown"))
        #expect(error.description.contains("Int"))
    }

    @Test("a payload without encoding metadata is reported as such")
    func missingEncoding() throws {
        for payload in [Payload(data: Data("1".utf8)), Payload(metadata: ["messageType": Data("x".utf8)])] {
            let error = try decodeError(payload, as: Int.self)
            #expect(error.reason == .missingEncoding)
            #expect(error.encoding == nil)
            #expect(error.typeName == "Int")
            #expect(error.description.contains("no 'encoding'"))
        }
    }

    @Test("a bad field deep in a JSON object is reported with its path", arguments: Corruption.all)
    func nestedFieldPath(_ corruption: Corruption) throws {
        #expect(Self.orderJSON.contains(corruption.original))
        let json = Self.orderJSON.replacingOccurrences(of: corruption.original, with: corruption.replacement)
        let error = try decodeError(Payload.json(json), as: Order.self)
        guard case .malformedData = error.reason else {
            Issue.record("expected .malformedData, got \(error.reason)")
            return
        }
        #expect(error.fieldPath == corruption.path)
        #expect(error.encoding == PayloadEncoding.json)
        #expect(error.typeName == "Order")
        #expect(error.description.contains("at '\(corruption.path)'"))
    }

    /// One field of the order JSON replaced, and the path the error must name.
    struct Corruption: Sendable, CustomTestStringConvertible {
        var original: String
        var replacement: String
        var path: String

        init(_ original: String, _ replacement: String, path: String) {
            self.original = original
            self.replacement = replacement
            self.path = path
        }

        var testDescription: String { path }

        // The path uses the wire (snake_case) names, dots between keys and `[n]` for indices.
        static let all = [
            Corruption(#""unit_price":0.25"#, #""unit_price":"0.25""#, path: "items[1].unit_price"),
            Corruption(#""quantity":2,"sku":"sku-1","#, #""quantity":2,"#, path: "items[0].sku"),
            Corruption(#""customer_name":"Ada Lovelace""#, #""customer_name":null"#, path: "customer_name"),
            Corruption(#""status":"open""#, #""status":"pending""#, path: "status"),
            Corruption(#""color":1"#, #""color":7"#, path: "color"),
            Corruption(#""placed_at":"2026-11-22T08:30:15+00:00""#, #""placed_at":"yesterday""#, path: "placed_at"),
            Corruption(#""tags":{"channel":"web"}"#, #""tags":{"channel":5}"#, path: "tags.channel"),
            Corruption(#""express":false,"#, "", path: "express"),
        ]
    }

    @Test("the path inside a top-level array starts with the index")
    func topLevelArrayPath() throws {
        let error = try decodeError(Payload.json(#"[1,2,"three"]"#), as: [Int].self)
        #expect(error.fieldPath == "[2]")
    }

    @Test("binary/null into a non-optional type is an error, not a crash or a default")
    func nullIntoNonOptional() throws {
        for error in [
            try decodeError(Payload.null, as: Int.self),
            try decodeError(Payload.null, as: String.self),
            try decodeError(Payload.null, as: Order.self),
        ] {
            guard case .malformedData = error.reason else {
                Issue.record("expected .malformedData, got \(error.reason)")
                continue
            }
            #expect(error.encoding == PayloadEncoding.null)
            #expect(error.fieldPath.isEmpty)
        }
    }

    @Test("binary/plain decodes only into Data")
    func binaryIntoNonData() throws {
        let payload = Payload(
            metadata: [Payload.encodingKey: Data(PayloadEncoding.binaryPlain.utf8)],
            data: Data([1, 2])
        )
        #expect(try converter.fromPayload(payload, as: Data?.self) == Data([1, 2]))
        let error = try decodeError(payload, as: String.self)
        #expect(error.encoding == PayloadEncoding.binaryPlain)
        #expect(error.typeName == "String")
    }

    @Test("a top-level JSON value of the wrong type is a malformed-data error without a path")
    func topLevelTypeMismatch() throws {
        for (json, typeName) in [(#""forty-two""#, "Int"), ("42", "String"), ("[1]", "Order"), ("{not json", "Int")] {
            let payload = Payload.json(json)
            let error =
                switch typeName {
                case "Int": try decodeError(payload, as: Int.self)
                case "String": try decodeError(payload, as: String.self)
                default: try decodeError(payload, as: Order.self)
                }
            guard case .malformedData = error.reason else {
                Issue.record("expected .malformedData for \(json), got \(error.reason)")
                continue
            }
            #expect(error.typeName == typeName)
            #expect(error.fieldPath.isEmpty)
            #expect(error.encoding == PayloadEncoding.json)
        }
    }

    @Test("a type with no converter is unsupported both ways")
    func unsupportedType() throws {
        let encodeError = try #require(throws: PayloadConversionError.self) {
            try converter.toPayload(NotCodable())
        }
        #expect(encodeError.reason == .unsupportedType)
        #expect(encodeError.typeName == "NotCodable")
        #expect(encodeError.encoding == nil)

        let decodeError = try decodeError(Payload.json("{}"), as: NotCodable.self)
        #expect(decodeError.reason == .unsupportedType)
        #expect(decodeError.encoding == PayloadEncoding.json)
    }

    // JSON has no NaN; Python would write a bare `NaN` that other SDKs reject.
    @Test("a value JSON cannot represent fails to encode with a conversion error")
    func encodingFailure() throws {
        let error = try #require(throws: PayloadConversionError.self) {
            try converter.toPayload(Double.nan)
        }
        guard case .malformedData = error.reason else {
            Issue.record("expected .malformedData, got \(error.reason)")
            return
        }
        #expect(error.encoding == PayloadEncoding.json)
        #expect(error.typeName == "Double")
    }

    private func decodeError<Value>(
        _ payload: Payload,
        as type: Value.Type,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> PayloadConversionError {
        try #require(throws: PayloadConversionError.self, sourceLocation: sourceLocation) {
            _ = try converter.fromPayload(payload, as: Value.self)
        }
    }
}

/// Neither Codable, Data nor a protobuf message.
struct NotCodable: Sendable {}
