import Foundation
import Testing
import TemporalContracts

// What a buggy or malicious peer can send that the converter must reject with a typed error
// naming what went wrong, instead of running on or reporting only "not valid JSON".
@Suite("Hostile input: argument counts and JSON nesting")
struct HostileInputDecodingTests {
    let converter = DefaultPayloadConverter()

    // Python fails `run(self, a, b)` called with three arguments; dropping the third would hide
    // a caller built against a newer contract.
    @Test("more arguments than parameters fail, naming the expected and received counts")
    func extraArguments() throws {
        let payloads = [Payload.json(#""acc-1""#), Payload.json("5"), Payload.null, Payload.json(#""surplus""#)]
        let error = try #require(throws: PayloadConversionError.self) {
            try PayloadCoding<ShortArguments>.positional.decode(payloads, using: converter)
        }
        #expect(error.reason == .extraArguments(expected: 3, received: 4))
        #expect(error.typeName == "ShortArguments")
        #expect(error.description == "cannot decode ShortArguments: expected 3 arguments but received 4")
    }

    // A one-parameter or parameterless call is as strict as a positional one; results stay
    // lenient (`decode`), since SDKs differ in how they send "no value".
    @Test("a single or void input given extra payloads fails; its result does not")
    func extraArgumentsForSingleAndVoid() throws {
        let two = [Payload.json("7"), Payload.json("8")]
        let single = try #require(throws: PayloadConversionError.self) {
            try PayloadCoding<Int>.single().decodeArguments(two, using: converter)
        }
        #expect(single.description == "cannot decode Int: expected 1 argument but received 2")
        #expect(try PayloadCoding<Int>.single().decodeArguments([Payload.json("7")], using: converter) == 7)
        #expect(try PayloadCoding<Int?>.single().decodeArguments([], using: converter) == nil)
        #expect(try PayloadCoding<Int>.single().decode(two, using: converter) == 7)

        let void = try #require(throws: PayloadConversionError.self) {
            try PayloadCoding<Void>.void.decodeArguments([Payload.json("1")], using: converter)
        }
        #expect(void.reason == .extraArguments(expected: 0, received: 1))
        #expect(void.description == "cannot decode Void: expected 0 arguments but received 1")
        try PayloadCoding<Void>.void.decodeArguments([], using: converter)
    }

    @Test("exactly as many arguments as parameters decode")
    func exactArguments() throws {
        let payloads = [Payload.json(#""acc-1""#), Payload.json("5"), Payload.json(#""note""#)]
        let value = try PayloadCoding<ShortArguments>.positional.decode(payloads, using: converter)
        #expect(value == ShortArguments(account: "acc-1", amount: 5, memo: "note"))
    }

    @Test("JSON nested to the decoder's limit decodes")
    func nestingAtLimit() throws {
        let payload = Payload.json(Self.nested(arrays: 511))
        let value = try converter.fromPayload(payload, as: NestedHolder.self)
        #expect(value.x.depth == 511)
    }

    @Test("JSON nested past the decoder's limit names the limit, the depth and the path", arguments: [512, 10_000])
    func nestingPastLimit(arrays: Int) throws {
        let payload = Payload.json(Self.nested(arrays: arrays))
        let error = try #require(throws: PayloadConversionError.self) {
            try converter.fromPayload(payload, as: NestedHolder.self)
        }
        #expect(error.reason == .nestingTooDeep(limit: 512, depth: arrays + 1))
        #expect(error.fieldPath == "x[0][0][0][0][0]…")
        #expect(error.description.contains("nests \(arrays + 1) levels deep"))
        #expect(error.description.contains("at most 512 levels"))
    }

    // Brackets inside strings are not nesting; a deep path through objects names their keys.
    @Test("the depth scan skips strings and names object keys")
    func nestingScanDetails() throws {
        let brackets = String(repeating: "[", count: 10_000)
        let asString = try converter.fromPayload(Payload.json(#"{"x":"\#(brackets)"}"#), as: [String: String].self)
        #expect(asString["x"]?.count == 10_000)

        let objects = String(repeating: #"{"a\"b":"#, count: 600) + "1" + String(repeating: "}", count: 600)
        let error = try #require(throws: PayloadConversionError.self) {
            try converter.fromPayload(Payload.json(objects), as: NestedHolder.self)
        }
        #expect(error.reason == .nestingTooDeep(limit: 512, depth: 600))
        #expect(error.fieldPath == #"a\"b.a\"b.a\"b.a\"b.a\"b.a\"b…"#)
    }

    @Test("invalid JSON that is not too deep keeps the decoder's message")
    func invalidJSONStaysInvalid() throws {
        let error = try #require(throws: PayloadConversionError.self) {
            try converter.fromPayload(Payload.json(#"{"x": [1,"#), as: NestedHolder.self)
        }
        guard case .malformedData(let detail) = error.reason else {
            Issue.record("expected .malformedData, got \(error.reason)")
            return
        }
        #expect(detail.contains("not valid JSON"))
    }

    @Test("a too-deep argument is named with its parameter")
    func nestingInArgument() throws {
        let payloads = [Payload.json(#""acc-1""#), Payload.json("5"), Payload.json(Self.nested(arrays: 600))]
        let error = try #require(throws: PayloadConversionError.self) {
            try PayloadCoding<DeepArguments>.positional.decode(payloads, using: converter)
        }
        #expect(error.reason == .nestingTooDeep(limit: 512, depth: 601))
        #expect(error.fieldPath == "tree.x[0][0][0][0][0]…")
    }

    /// `{"x":[[…[]…]]}` with `arrays` nested arrays.
    static func nested(arrays: Int) -> String {
        #"{"x":"# + String(repeating: "[", count: arrays) + String(repeating: "]", count: arrays) + "}"
    }
}

/// An array of arrays of any depth.
struct NestedArray: Decodable {
    var children: [NestedArray]

    var depth: Int { 1 + (children.map(\.depth).max() ?? 0) }

    init(from decoder: any Decoder) throws {
        children = try decoder.singleValueContainer().decode([NestedArray].self)
    }
}

struct NestedHolder: Decodable {
    var x: NestedArray
}

struct DeepArguments: PositionalArguments {
    var account: String
    var amount: Int
    var tree: NestedHolder?

    func encode(to encoder: inout ArgumentsEncoder) throws {
        try encoder.encode(account)
        try encoder.encode(amount)
    }

    init(from decoder: inout ArgumentsDecoder) throws {
        account = try decoder.decode(String.self, name: "account")
        amount = try decoder.decode(Int.self, name: "amount")
        tree = try decoder.decode(NestedHolder?.self, name: "tree")
    }
}
