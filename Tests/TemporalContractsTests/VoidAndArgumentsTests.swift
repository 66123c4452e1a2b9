import Foundation
import Testing
import TemporalContracts

// How definitions map their inputs and outputs onto payload lists: the SDKs disagree on what a
// void result looks like, and positional arguments must line up one payload per parameter.
@Suite("PayloadCoding: void, single and positional")
struct VoidAndArgumentsTests {
    let converter = DefaultPayloadConverter()

    // MARK: Void

    @Test("void encodes to no payloads")
    func voidEncodesNothing() throws {
        #expect(try PayloadCoding<Void>.void.encode((), using: converter).isEmpty)
    }

    // Go sends no payload for a void result, Python and TypeScript one `binary/null`, and some
    // paths an empty payload without metadata; extra payloads from a newer caller are ignored.
    @Test(
        "void decodes whatever the SDKs send for no value",
        arguments: [
            [Payload](),
            [Payload.null],
            [Payload()],
            [Payload.null, Payload.json("1"), Payload(metadata: [Payload.encodingKey: Data("json/unknown".utf8)])],
        ]
    )
    func voidDecodesNoValue(_ payloads: [Payload]) throws {
        try PayloadCoding<Void>.void.decode(payloads, using: converter)
    }

    // MARK: Single

    @Test("single encodes one payload and decodes the first one")
    func singleUsesFirstPayload() throws {
        let coding = PayloadCoding<Int>.single()
        let payloads = try coding.encode(7, using: converter)
        #expect(payloads == [Payload.json("7")])
        #expect(try coding.decode([Payload.json("7"), Payload.json("8")], using: converter) == 7)
    }

    // An SDK that returns nothing (Go's `return nil`) must read as nil for an optional result.
    @Test("single decodes zero payloads as nil for an optional")
    func singleOptionalFromNothing() throws {
        #expect(try PayloadCoding<Int?>.single().decode([], using: converter) == nil)
        #expect(try PayloadCoding<Int?>.single().decode([Payload.null], using: converter) == nil)
        #expect(try PayloadCoding<Int?>.single().decode([Payload.json("3")], using: converter) == 3)
    }

    @Test("single rejects zero payloads for a non-optional")
    func singleRequiredFromNothing() throws {
        let error = try #require(throws: PayloadConversionError.self) {
            try PayloadCoding<Int>.single().decode([], using: converter)
        }
        #expect(error.encoding == PayloadEncoding.null)
        #expect(error.typeName == "Int")
    }

    @Test("single encodes nil as binary/null")
    func singleEncodesNil() throws {
        let payloads = try PayloadCoding<String?>.single().encode(nil, using: converter)
        #expect(payloads == [Payload.null])
    }

    // MARK: Positional

    @Test("positional arguments round-trip one payload per argument, in order")
    func positionalRoundTrip() throws {
        let value = TransferArguments(
            account: "acc-1",
            amount: 250,
            memo: nil,
            items: [LineItem(sku: "sku-1", quantity: 1, unitPrice: 2.5)]
        )
        let payloads = try PayloadCoding<TransferArguments>.positional.encode(value, using: converter)
        #expect(payloads.map(\.encoding) == ["json/plain", "json/plain", "binary/null", "json/plain"])
        #expect(payloads[0] == Payload.json(#""acc-1""#))
        #expect(payloads[1] == Payload.json("250"))
        #expect(try PayloadCoding<TransferArguments>.positional.decode(payloads, using: converter) == value)
    }

    // A caller built against an older contract may send fewer arguments: trailing optionals are nil.
    @Test("missing trailing optional arguments decode as nil")
    func missingOptionalArguments() throws {
        let payloads = [Payload.json(#""acc-1""#), Payload.json("5")]
        let value = try PayloadCoding<ShortArguments>.positional.decode(payloads, using: converter)
        #expect(value == ShortArguments(account: "acc-1", amount: 5, memo: nil))
    }

    @Test("a missing required argument names its index and parameter")
    func missingRequiredArgument() throws {
        let error = try #require(throws: PayloadConversionError.self) {
            try PayloadCoding<TransferArguments>.positional.decode([Payload.json(#""acc-1""#)], using: converter)
        }
        #expect(error.reason == .missingArgument(index: 1))
        #expect(error.fieldPath == "amount")
        #expect(error.typeName == "TransferArguments")
        #expect(error.encoding == nil)
        #expect(error.description.contains("argument 2 is missing"))
    }

    @Test("an argument of the wrong type names the parameter")
    func wrongArgumentType() throws {
        let payloads = [Payload.json(#""acc-1""#), Payload.json(#""lots""#)]
        let error = try #require(throws: PayloadConversionError.self) {
            try PayloadCoding<ShortArguments>.positional.decode(payloads, using: converter)
        }
        guard case .malformedData = error.reason else {
            Issue.record("expected .malformedData, got \(error.reason)")
            return
        }
        #expect(error.fieldPath == "amount")
        #expect(error.typeName == "ShortArguments")
        #expect(error.encoding == PayloadEncoding.json)
    }

    // The argument name prefixes the path inside the argument, with no dot before an index.
    @Test("a bad field inside an argument gives the argument-qualified path")
    func nestedArgumentFieldPath() throws {
        let payloads = [
            Payload.json(#""acc-1""#),
            Payload.json("5"),
            Payload.json(#""note""#),
            Payload.json(#"[{"sku":"a","quantity":1,"unit_price":1},{"sku":"b","quantity":"two","unit_price":1}]"#),
        ]
        let error = try #require(throws: PayloadConversionError.self) {
            try PayloadCoding<TransferArguments>.positional.decode(payloads, using: converter)
        }
        #expect(error.fieldPath == "items[1].quantity")
        #expect(error.typeName == "TransferArguments")
    }
}

/// A four-parameter workflow input as generated code would declare it.
struct TransferArguments: PositionalArguments, Equatable {
    var account: String
    var amount: Int
    var memo: String?
    var items: [LineItem]

    init(account: String, amount: Int, memo: String?, items: [LineItem]) {
        self.account = account
        self.amount = amount
        self.memo = memo
        self.items = items
    }

    func encode(to encoder: inout ArgumentsEncoder) throws {
        try encoder.encode(account)
        try encoder.encode(amount)
        try encoder.encode(memo)
        try encoder.encode(items)
    }

    init(from decoder: inout ArgumentsDecoder) throws {
        account = try decoder.decode(String.self, name: "account")
        amount = try decoder.decode(Int.self, name: "amount")
        memo = try decoder.decode(String?.self, name: "memo")
        items = try decoder.decode([LineItem].self, name: "items")
    }
}

/// Ends in an optional parameter, so a shorter argument list still decodes.
struct ShortArguments: PositionalArguments, Equatable {
    var account: String
    var amount: Int
    var memo: String?

    init(account: String, amount: Int, memo: String?) {
        self.account = account
        self.amount = amount
        self.memo = memo
    }

    func encode(to encoder: inout ArgumentsEncoder) throws {
        try encoder.encode(account)
        try encoder.encode(amount)
        try encoder.encode(memo)
    }

    init(from decoder: inout ArgumentsDecoder) throws {
        account = try decoder.decode(String.self, name: "account")
        amount = try decoder.decode(Int.self, name: "amount")
        memo = try decoder.decode(String?.self, name: "memo")
    }
}

extension Payload {
    /// `binary/null` with no data, as every SDK writes None/nil/null.
    static let null = Payload(metadata: [Payload.encodingKey: Data(PayloadEncoding.null.utf8)])

    /// A `json/plain` payload holding `text`.
    static func json(_ text: String) -> Payload {
        Payload(metadata: [Payload.encodingKey: Data(PayloadEncoding.json.utf8)], data: Data(text.utf8))
    }
}
