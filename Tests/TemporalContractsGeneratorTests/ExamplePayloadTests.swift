import Foundation
import Testing

@testable import TemporalContractsGenerator

/// The example payloads of the documentation: the same text on every run, valid JSON, and a valid
/// value of the type they illustrate in every fixture contract, however the types nest or recur.
struct ExamplePayloadTests {
    /// Every YAML fixture contract, the examples' among them.
    static let yamlFixtures: [URL] = {
        let valid = TestSupport.fixtures.appendingPathComponent("valid")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: valid.path)) ?? []
        return [TestSupport.ordersContract]
            + files.filter { $0.hasSuffix(".temporal.yaml") }.sorted().map { valid.appendingPathComponent($0) }
    }()

    static func models(_ inputs: GeneratorPipeline.Inputs) -> [ContractModel] {
        let (contracts, _) = GeneratorPipeline.load(inputs)
        return ContractResolver.resolve(contracts).0
    }

    static func models(yaml text: String) throws -> [ContractModel] {
        let result = try TestSupport.generate(["test.temporal.yaml": text])
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.formatted))")
        return result.models
    }

    static func paymentsModels() -> [ContractModel] {
        var inputs = GeneratorPipeline.Inputs(protoFiles: [TestSupport.protoInclude.path + "/payments/v1/payments.proto"])
        inputs.protoLoader = ProtoDescriptorLoader(includePaths: [TestSupport.protoInclude.path])
        return models(inputs)
    }

    /// The example of every type and message of `models`, by name.
    static func examples(_ models: [ContractModel]) -> [String: JSONValue] {
        var payload = ExamplePayload(models: models)
        var examples: [String: JSONValue] = [:]
        for model in models {
            for type in model.types {
                examples["\(model.name).\(type.name)"] = payload.example(
                    of: .named(QualifiedTypeName(contract: model.name, name: type.name))
                )
            }
            for name in model.protoMessages.keys.sorted() {
                examples[name] = payload.example(ofMessage: name)
            }
        }
        return examples
    }

    @Test(arguments: yamlFixtures)
    func everyTypeHasAValidExample(_ contract: URL) throws {
        let models = Self.models(GeneratorPipeline.Inputs(yamlFiles: [contract.path]))
        #expect(!models.isEmpty)
        var payload = ExamplePayload(models: models)
        let checker = SchemaChecker(models: models)
        for model in models {
            for type in model.types {
                let reference = TypeReference.named(QualifiedTypeName(contract: model.name, name: type.name))
                let example = payload.example(of: reference)
                let problems = checker.problems(example, reference, at: type.name)
                #expect(problems.isEmpty, "\(model.name).\(type.name): \(problems)")
                #expect(try JSONValue.parse(example.printed) == example, "\(type.name) does not read back as it prints")
            }
        }
    }

    @Test func protobufMessagesHaveValidExamples() throws {
        let models = Self.paymentsModels()
        let examples = Self.examples(models)
        #expect(examples.count == 6)
        let checker = SchemaChecker(models: models)
        for (name, example) in examples {
            let problems = checker.problems(example, .protoMessage(fullName: name, swiftName: ""), at: name)
            #expect(problems.isEmpty, "\(name): \(problems)")
        }
        // Protobuf JSON spells 64-bit integers as strings and fields by their JSON names.
        #expect(
            examples["payments.v1.SettleInvoiceRequest"]?.printed == """
                {
                  "amountMinor": "1",
                  "currency": "string",
                  "invoiceId": "string"
                }
                """
        )
    }

    @Test func examplesAreTheSameOnEveryRunAndInEveryOrder() throws {
        let models = Self.models(GeneratorPipeline.Inputs(yamlFiles: Self.yamlFixtures.map(\.path)))
        let first = Self.examples(models).mapValues(\.printed)
        let second = Self.examples(models.reversed()).mapValues(\.printed)
        #expect(first == second)
        #expect(first.count > 20)
    }

    @Test func theExampleOfTheOrderShowsEveryFieldWithItsSample() throws {
        let models = Self.models(GeneratorPipeline.Inputs(yamlFiles: [TestSupport.ordersContract.path]))
        let order = try #require(Self.examples(models)["Orders.Order"])
        #expect(
            order.printed == """
                {
                  "color": 1,
                  "customer_name": "string",
                  "express": true,
                  "items": [
                    {
                      "quantity": 1,
                      "sku": "string",
                      "unit_price": 1.5
                    }
                  ],
                  "note": "string",
                  "order_id": "string",
                  "placed_at": "2024-01-01T00:00:00Z",
                  "shipping_address": {
                    "city": "string",
                    "country": "string",
                    "line1": "string",
                    "line2": "string",
                    "postal_code": "string"
                  },
                  "status": "open",
                  "tags": {
                    "key": "string"
                  },
                  "tracking_id": "123e4567-e89b-42d3-a456-426614174000"
                }
                """
        )
    }

    @Test func recursiveTypesEndAndStayValid() throws {
        let models = try Self.models(
            yaml: """
                contract: 1
                name: Tree
                types:
                  Node:
                    type: object
                    required: [id, children, by_name]
                    properties:
                      id: { type: string }
                      children: { type: array, items: { $ref: Node } }
                      by_name: { type: object, additionalProperties: { $ref: Node } }
                      forest: { $ref: Forest }
                      leaf: { $ref: Leaf }
                  Forest: { type: array, items: { $ref: Node } }
                  Leaf:
                    type: object
                    required: [name]
                    properties:
                      name: { type: string }
                      note: { type: string }
                """
        )
        let node = TypeReference.named(QualifiedTypeName(contract: "Tree", name: "Node"))
        var payload = ExamplePayload(models: models)
        let example = payload.example(of: node)
        #expect(SchemaChecker(models: models).problems(example, node, at: "Node").isEmpty)
        // Every field down to `fullDepth` levels; there, arrays and maps are empty.
        var levels = 1
        var current = example
        while case .object(let members) = current, case .array(let children)? = members["children"], let child = children.first {
            levels += 1
            current = child
        }
        #expect(levels == ExamplePayload.fullDepth)
        let leaf = JSONValue.object(["name": .string("string")])
        #expect(
            current
                == .object(["id": .string("string"), "children": .array([]), "by_name": .object([:]), "forest": .array([]), "leaf": leaf])
        )
        // An object past `fullDepth` shows its required fields only.
        guard case .object(let top) = example else { return }
        #expect(top["leaf"] == .object(["name": .string("string"), "note": .string("string")]))
    }

    @Test func deeplyNestedTypesStaySmall() throws {
        // Each type holds the one before it and arrays of two others: examples that showed every
        // level would triple with each of the 60 types.
        var yaml = "contract: 1\nname: Chain\ntypes:\n  T0: { type: object, required: [id], properties: { id: { type: string } } }\n"
        for index in 1..<60 {
            yaml += """
                  T\(index):
                    type: object
                    required: [id]
                    properties:
                      id: { type: string }
                      previous: { $ref: T\(index - 1) }
                      left: { type: array, items: { $ref: T\(index - 1) } }
                      right: { type: array, items: { $ref: T\(max(0, index - 2)) } }

                """
        }
        let models = try Self.models(yaml: yaml)
        let clock = ContinuousClock()
        var examples: [String: JSONValue] = [:]
        let elapsed = clock.measure { examples = Self.examples(models) }
        let checker = SchemaChecker(models: models)
        let last = try #require(examples["Chain.T59"])
        #expect(checker.problems(last, .named(QualifiedTypeName(contract: "Chain", name: "T59")), at: "T59").isEmpty)
        #expect(last.printed.utf8.count < 20_000)
        #expect(elapsed < .seconds(2))
    }

    @Test func protobufMapsEnumsNestedAndWellKnownTypes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("examples-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data(
            """
            syntax = "proto3";
            package shop.v1;
            import "google/protobuf/timestamp.proto";
            import "google/protobuf/wrappers.proto";
            import "temporal/v1/temporal.proto";
            enum Tier { TIER_UNSPECIFIED = 0; TIER_GOLD = 1; }
            message Item { string sku = 1; repeated Item parts = 2; }
            message Cart {
              map<string, Item> items = 1;
              map<int64, bool> flags = 2;
              Tier tier = 3;
              google.protobuf.Timestamp at = 4;
              google.protobuf.Int64Value limit = 5;
              bytes token = 6;
              repeated uint64 ids = 7;
              double ratio = 8 [json_name = "rate"];
            }
            service Shop {
              option (temporal.v1.service) = {task_queue: "shop"};
              rpc Checkout(Cart) returns (Cart) { option (temporal.v1.workflow) = {}; }
            }
            """.utf8
        ).write(to: root.appendingPathComponent("shop.proto"))
        var inputs = GeneratorPipeline.Inputs(protoFiles: [root.appendingPathComponent("shop.proto").path])
        inputs.protoLoader = ProtoDescriptorLoader(includePaths: [root.path])
        let models = Self.models(inputs)
        var payload = ExamplePayload(models: models)
        #expect(
            payload.example(ofMessage: "shop.v1.Cart").printed == """
                {
                  "at": "2024-01-01T00:00:00Z",
                  "flags": {
                    "1": true
                  },
                  "ids": [
                    "1"
                  ],
                  "items": {
                    "key": {
                      "parts": [
                        {
                          "parts": [],
                          "sku": "string"
                        }
                      ],
                      "sku": "string"
                    }
                  },
                  "limit": "1",
                  "rate": 1.5,
                  "tier": "TIER_UNSPECIFIED",
                  "token": "aGVsbG8="
                }
                """
        )
        // The documentation lists the messages, not the synthesized map entries or well-known types.
        let documentation = ContractDocumentation(models: models, format: .markdown, options: GeneratorOptions(), generatorVersion: "test")
        let model = try #require(models.first)
        #expect(documentation.documentedMessages(of: model).map(\.fullName) == ["shop.v1.Cart", "shop.v1.Item", "shop.v1.Tier"])
    }

    @Test func jsonTextEscapesAndSortsKeys() {
        let value = JSONValue.object([
            "b": .array([.null, .bool(false), .integer(-3), .number(0.25)]),
            "a": .string("quote \" backslash \\ newline \n tab \t bell \u{7} é"),
            "c": .object([:]),
        ])
        #expect(
            value.printed == """
                {
                  "a": "quote \\" backslash \\\\ newline \\n tab \\t bell \\u0007 é",
                  "b": [
                    null,
                    false,
                    -3,
                    0.25
                  ],
                  "c": {}
                }
                """
        )
        #expect((try? JSONValue.parse(value.printed)) == value)
    }
}

extension JSONValue {
    /// Reads JSON text back, to check that what is printed is JSON and means the same value.
    static func parse(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(Decoded.self, from: Data(text.utf8)).value
    }

    private struct Decoded: Decodable {
        var value: JSONValue

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                value = .null
            } else if let flag = try? container.decode(Bool.self) {
                value = .bool(flag)
            } else if let integer = try? container.decode(Int.self) {
                value = .integer(integer)
            } else if let number = try? container.decode(Double.self) {
                value = .number(number)
            } else if let text = try? container.decode(String.self) {
                value = .string(text)
            } else if let elements = try? container.decode([Decoded].self) {
                value = .array(elements.map(\.value))
            } else {
                value = .object(try container.decode([String: Decoded].self).mapValues(\.value))
            }
        }
    }
}

/// Checks a JSON value against a contract type as the generated Codable types and swift-protobuf
/// read it: required fields present, no unknown fields, scalars of the right kind and format,
/// enum values declared.
struct SchemaChecker {
    var types: [QualifiedTypeName: NamedType] = [:]
    var messages: [String: ProtoMessageModel] = [:]

    init(models: [ContractModel]) {
        for model in models {
            for type in model.types { types[QualifiedTypeName(contract: model.name, name: type.name)] = type }
            messages.merge(model.protoMessages) { first, _ in first }
        }
    }

    func problems(_ value: JSONValue, _ type: TypeReference, at path: String) -> [String] {
        func expect(_ condition: Bool, _ what: String) -> [String] { condition ? [] : ["\(path): \(what), not \(value.printed)"] }
        switch (type, value) {
        case (.string, .string): return []
        case (.dateTime, .string(let text)): return expect(ISO8601DateFormatter().date(from: text) != nil, "a date-time")
        case (.uuid, .string(let text)): return expect(UUID(uuidString: text) != nil && text == text.lowercased(), "a lowercase UUID")
        case (.bytes, .string(let text)): return expect(Data(base64Encoded: text) != nil, "base64")
        case (.integer, .integer), (.int32, .integer), (.int64, .integer), (.boolean, .bool): return []
        case (.double, .number), (.float, .number), (.double, .integer), (.float, .integer): return []
        case (.array(let element), .array(let elements)):
            return elements.enumerated().flatMap { problems($1, element, at: "\(path)[\($0)]") }
        case (.map(let element), .object(let members)):
            return members.flatMap { problems($1, element, at: "\(path).\($0)") }
        case (.named(let name), _):
            guard let named = types[name] else { return ["\(path): unknown type \(name.name)"] }
            switch (named.kind, value) {
            case (.object(let properties), .object(let members)):
                let missing = properties.filter { $0.isRequired && members[$0.wireName] == nil }.map(\.wireName)
                let unknown = Set(members.keys).subtracting(properties.map(\.wireName))
                return expect(missing.isEmpty, "has the required \(missing)") + expect(unknown.isEmpty, "has no fields \(unknown)")
                    + properties.flatMap { property in
                        members[property.wireName].map { problems($0, property.type, at: "\(path).\(property.wireName)") } ?? []
                    }
            case (.stringEnum(let values), .string(let text)): return expect(values.contains(text), "one of \(values)")
            case (.integerEnum(let cases), .integer(let number)): return expect(cases.contains { $0.value == number }, "a declared value")
            case (.alias(let target), _): return problems(value, target, at: path)
            default: return expect(false, "a \(named.name)")
            }
        case (.protoMessage(let fullName, _), _):
            return messageProblems(value, fullName, at: path)
        default:
            return expect(false, "a \(type)")
        }
    }

    func messageProblems(_ value: JSONValue, _ fullName: String, at path: String) -> [String] {
        if fullName.hasPrefix("google.protobuf.") { return [] }
        guard let message = messages[fullName] else { return ["\(path): unknown message \(fullName)"] }
        if message.isEnum {
            guard case .string(let name) = value, message.enumValues.values.contains(name) else {
                return ["\(path): not a value of \(fullName)"]
            }
            return []
        }
        guard case .object(let members) = value else { return ["\(path): not an object"] }
        let unknown = Set(members.keys).subtracting(message.fields.map(\.jsonName))
        var problems = unknown.isEmpty ? [] : ["\(path): unknown fields \(unknown)"]
        for field in message.fields {
            guard let member = members[field.jsonName] else { continue }
            let elements: [JSONValue]
            switch (field.isRepeated, member) {
            case (true, .array(let array)): elements = array
            case (true, .object(let map)): elements = Array(map.values)
            case (false, _): elements = [member]
            default: return problems + ["\(path).\(field.jsonName): not a list"]
            }
            for element in elements {
                switch (field.type, element) {
                case ("string", .string), ("bytes", .string), ("bool", .bool), ("double", .number), ("float", .number): break
                case ("int32", .integer), ("uint32", .integer), ("sint32", .integer), ("fixed32", .integer), ("sfixed32", .integer): break
                case ("int64", .string), ("uint64", .string), ("sint64", .string), ("fixed64", .string), ("sfixed64", .string): break
                case ("message", _) where field.typeName.map { messages[$0]?.fields.map(\.name) == ["key", "value"] } == true: break
                case ("message", _), ("enum", _):
                    problems += messageProblems(element, field.typeName ?? "", at: "\(path).\(field.jsonName)")
                default: problems.append("\(path).\(field.jsonName): \(element.printed) is no \(field.type)")
                }
            }
        }
        return problems
    }
}
