import Foundation
import Testing

@testable import TemporalContractsGenerator

/// `temporal-contracts export`: the JSON Schema and the manifest of each contract, their goldens in
/// `Tests/Fixtures/Export` (refresh with Scripts/update-goldens.sh), and how other teams' tools read
/// them (`Tests/SchemaTests/check_exports.py`; GeneratedCodeTests round-trips a payload through
/// Python dataclasses generated from the Orders schema).
struct ExportTests {
    static let goldens = TestSupport.packageRoot.appendingPathComponent("Tests/Fixtures/Export")
    /// As the CLI run from the repository root states files.
    static let options = ExportOptions(baseDirectory: TestSupport.packageRoot.path)
    static let paymentsProto = TestSupport.protoInclude.appendingPathComponent("payments/v1/payments.proto")

    static func yamlModels(_ files: [URL]) throws -> [ContractModel] {
        let result = try GeneratorPipeline().run(GeneratorPipeline.Inputs(yamlFiles: files.map(\.path)))
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.formatted))")
        return result.models
    }

    static func protoModels(_ file: URL, include: URL) throws -> [ContractModel] {
        var inputs = GeneratorPipeline.Inputs(protoFiles: [file.path])
        inputs.protoLoader = ProtoDescriptorLoader(includePaths: [include.path])
        let result = try GeneratorPipeline().run(inputs)
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.formatted))")
        return result.models
    }

    static func json(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    // MARK: Goldens

    @Test(arguments: ContractExporter.Format.allCases)
    func examplesMatchTheirGoldens(_ format: ContractExporter.Format) throws {
        let yaml = try Self.yamlModels([TestSupport.ordersContract])
        #expect(yaml.map(\.name) == ["Common", "Orders"])
        let proto = try Self.protoModels(Self.paymentsProto, include: TestSupport.protoInclude)
        let files =
            ContractExporter.export(yaml, format: format, options: Self.options)
            + ContractExporter.export(proto, format: format, options: Self.options)
        for file in files {
            let expected = try String(contentsOf: Self.goldens.appendingPathComponent(file.name), encoding: .utf8)
            if expected != file.contents {
                Issue.record(
                    """
                    \(file.name) differs from its golden; if the change is intended run Scripts/update-goldens.sh:
                    \(TestSupport.diff(expected: expected, actual: file.contents, name: file.name))
                    """
                )
            }
        }
    }

    @Test func everyGoldenComesFromAnExample() throws {
        let goldens = try FileManager.default.contentsOfDirectory(atPath: Self.goldens.path).sorted()
        #expect(
            goldens == [
                "Common.manifest.json", "Common.schema.json", "Orders.manifest.json", "Orders.schema.json", "Payments.manifest.json",
                "Payments.schema.json",
            ]
        )
    }

    @Test func documentsAreDeterministicSortedAndEndInOneNewline() throws {
        let models = try Self.yamlModels([TestSupport.ordersContract])
        let orders = try #require(models.first { $0.name == "Orders" })
        for export in [ContractExporter.jsonSchema, ContractExporter.manifest] {
            let first = export(orders, models, Self.options)
            #expect(first == export(orders, models.reversed(), Self.options))
            let text = String(decoding: first, as: UTF8.self)
            #expect(text.hasSuffix("}\n") && !text.hasSuffix("\n\n"))
            // Keys in code-point order at every level: `$defs` before `$id` before `$schema`.
            let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
            #expect(keys == keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) })
        }
    }

    // MARK: JSON Schema

    @Test func theOrdersSchemaHasEveryTypeUnderDefsWithWireNamesAndFormats() throws {
        let models = try Self.yamlModels([TestSupport.ordersContract])
        let orders = try #require(models.first { $0.name == "Orders" })
        let schema = try Self.json(ContractExporter.jsonSchema(for: orders, in: models))
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["$id"] as? String == "urn:temporal-contracts:Orders")
        let definitions = try #require(schema["$defs"] as? [String: [String: Any]])
        // The own types by name, and what they use of Common, qualified; Common's unused types stay out.
        #expect(
            Set(definitions.keys) == [
                "Order", "LineItem", "OrderStatus", "Color", "OrderResult", "CancelRequest", "Payment", "Receipt", "Common_Money",
                "Common_Address",
            ]
        )
        let order = try #require(definitions["Order"])
        #expect(order["required"] as? [String] == ["order_id", "customer_name", "items", "placed_at", "status"])
        let properties = try #require(order["properties"] as? [String: [String: Any]])
        #expect(properties["placed_at"]?["format"] as? String == "date-time")
        #expect(properties["items"]?["items"] as? [String: String] == ["$ref": "#/$defs/LineItem"])
        // Optional properties may be null: the Swift and Python SDKs write null for them.
        let tracking = try #require(properties["tracking_id"]?["anyOf"] as? [[String: String]])
        #expect(tracking == [["type": "string", "format": "uuid"], ["type": "null"]])
        let address = try #require(properties["shipping_address"]?["anyOf"] as? [[String: String]])
        #expect(address.first == ["$ref": "#/$defs/Common_Address"])
        let payment = try #require(definitions["Payment"]?["properties"] as? [String: [String: Any]])
        #expect(payment["card_token"] as? [String: String] == ["type": "string", "contentEncoding": "base64"])
        let money = try #require(definitions["Common_Money"])
        #expect(money["description"] as? String == "An amount in minor units of a currency.")
        let amount = try #require((money["properties"] as? [String: [String: Any]])?["amount_minor"])
        #expect(amount["format"] as? String == "int64")
        #expect(amount["description"] as? String == "Cents, pence, yen.")
        #expect(definitions["Color"]?["enum"] as? [Int] == [1, 2, 3])
        #expect(definitions["Color"]?["x-enum-varnames"] as? [String] == ["red", "green", "blue"])
        #expect(definitions["OrderStatus"]?["enum"] as? [String] == ["open", "paid", "shipped", "closed"])
    }

    @Test func xTemporalGivesEachHandlerItsArgumentsAndResultByWireName() throws {
        let models = try Self.yamlModels([TestSupport.ordersContract])
        let orders = try #require(models.first { $0.name == "Orders" })
        let annotation = try #require(try Self.json(ContractExporter.jsonSchema(for: orders, in: models))["x-temporal"] as? [String: Any])
        let workflows = try #require(annotation["workflows"] as? [String: [String: Any]])
        let ship = try #require(workflows["orders.ShipOrder"])
        let arguments = try #require(ship["arguments"] as? [[String: Any]])
        #expect(arguments.map { $0["name"] as? String } == ["order_id", "address", "express"])
        #expect(arguments[1]["schema"] as? [String: String] == ["$ref": "#/$defs/Common_Address"])
        #expect(ship["result"] == nil)
        #expect(workflows["ProcessOrder"]?["signals"] as? [String] == ["CancelOrder"])
        let queries = try #require(annotation["queries"] as? [String: [String: Any]])
        #expect((queries["GetStatus"]?["arguments"] as? [Any])?.isEmpty == true)
        #expect(queries["GetStatus"]?["result"] as? [String: String] == ["$ref": "#/$defs/OrderStatus"])
    }

    @Test func importedTypesAreQualifiedAndNeverTakeAnOwnTypesName() throws {
        let files = [
            "a.temporal.yaml": """
            contract: 1
            name: A
            imports: [b.temporal.yaml]
            types:
              B_Money: { type: object, properties: { note: { type: string } } }
              Order: { type: object, properties: { total: { $ref: B.Money }, local: { $ref: B_Money } } }

            """,
            "b.temporal.yaml": """
            contract: 1
            name: B
            types:
              Money: { type: object, required: [cents], properties: { cents: { type: integer } } }

            """,
        ]
        let result = try TestSupport.generate(files, inputs: ["a.temporal.yaml"])
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.formatted))")
        let a = try #require(result.models.first { $0.name == "A" })
        let schema = try Self.json(ContractExporter.jsonSchema(for: a, in: result.models))
        let definitions = try #require(schema["$defs"] as? [String: [String: Any]])
        #expect(Set(definitions.keys) == ["B_Money", "B_Money_", "Order"])
        let order = try #require(definitions["Order"]?["properties"] as? [String: [String: Any]])
        #expect(order["total"]?["anyOf"] as? [[String: String]] == [["$ref": "#/$defs/B_Money_"], ["type": "null"]])
        #expect(order["local"]?["anyOf"] as? [[String: String]] == [["$ref": "#/$defs/B_Money"], ["type": "null"]])
        let manifest = try Self.json(ContractExporter.manifest(for: a, in: result.models))
        let types = try #require(manifest["types"] as? [[String: Any]])
        let total = try #require((types.last?["properties"] as? [[String: Any]])?.first?["type"] as? [String: String])
        #expect(total == ["kind": "named", "contract": "B", "name": "Money", "swiftName": "B.Money", "jsonSchemaDef": "B_Money_"])
    }

    @Test func theSchemaIDFollowsTheBaseWhenGiven() throws {
        let models = try Self.yamlModels([TestSupport.ordersContract])
        let orders = try #require(models.first { $0.name == "Orders" })
        for base in ["https://schemas.example.com/temporal/", "https://schemas.example.com/temporal"] {
            let options = ExportOptions(schemaIDBase: base)
            #expect(
                try Self.json(ContractExporter.jsonSchema(for: orders, in: models, options: options))["$id"] as? String
                    == "https://schemas.example.com/temporal/Orders.schema.json"
            )
            #expect(
                try Self.json(ContractExporter.manifest(for: orders, in: models, options: options))["jsonSchema"] as? String
                    == "https://schemas.example.com/temporal/Orders.schema.json"
            )
        }
    }

    @Test func protoMessagesFollowProtobufJSON() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("export-proto-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let proto = """
            syntax = "proto3";
            package shop.v1;
            import "google/protobuf/timestamp.proto";
            import "google/protobuf/wrappers.proto";
            import "temporal/v1/temporal.proto";

            service Shop {
              rpc Buy(Basket) returns (Item) {
                option (temporal.v1.workflow) = { task_queue: "shop" };
              }
            }
            enum Size { SIZE_UNSPECIFIED = 0; SIZE_LARGE = 2; SIZE_SMALL = 1; }
            message Item { string sku = 1; }
            message Basket {
              message Item { uint32 count = 1; bytes token = 2; }
              map<string, int64> item_counts = 1;
              repeated Size sizes = 2;
              google.protobuf.Timestamp placed_at = 3;
              Item nested = 4;
              repeated .shop.v1.Item items = 5;
              google.protobuf.StringValue note = 6;
              uint64 big = 7 [json_name = "bigNumber"];
            }

            """
        let file = root.appendingPathComponent("shop/v1/shop.proto")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(proto.utf8).write(to: file)
        let models = try Self.protoModels(file, include: root)
        let shop = try #require(models.first)
        let schema = try Self.json(ContractExporter.jsonSchema(for: shop, in: models))
        let definitions = try #require(schema["$defs"] as? [String: [String: Any]])
        // Short names where unique, longer tails where not; no map entry or well-known type.
        #expect(Set(definitions.keys) == ["Basket", "Basket_Item", "v1_Item", "Size"])
        let basket = try #require(definitions["Basket"]?["properties"] as? [String: [String: Any]])
        #expect(definitions["Basket"]?["required"] == nil)
        #expect(
            NSDictionary(dictionary: basket["itemCounts"] ?? [:])
                == NSDictionary(dictionary: [
                    "type": "object", "additionalProperties": ["type": "string", "format": "int64", "pattern": "^-?[0-9]+$"],
                ])
        )
        #expect(NSDictionary(dictionary: basket["sizes"] ?? [:]) == ["type": "array", "items": ["$ref": "#/$defs/Size"]])
        #expect(basket["placedAt"] as? [String: String] == ["type": "string", "format": "date-time"])
        #expect(basket["nested"] as? [String: String] == ["$ref": "#/$defs/Basket_Item"])
        #expect(NSDictionary(dictionary: basket["items"] ?? [:]) == ["type": "array", "items": ["$ref": "#/$defs/v1_Item"]])
        #expect(basket["note"] as? [String: String] == ["type": "string"])
        #expect(basket["bigNumber"]?["format"] as? String == "uint64")
        #expect(definitions["Size"]?["enum"] as? [String] == ["SIZE_UNSPECIFIED", "SIZE_SMALL", "SIZE_LARGE"])
        let item = try #require(definitions["Basket_Item"]?["properties"] as? [String: [String: Any]])
        #expect(item["token"] as? [String: String] == ["type": "string", "contentEncoding": "base64"])
        #expect(item["count"]?["minimum"] as? Int == 0)
        #expect(definitions["Basket"]?["x-protobuf-name"] as? String == "shop.v1.Basket")

        let manifest = try Self.json(ContractExporter.manifest(for: shop, in: models))
        let messages = try #require(manifest["protoMessages"] as? [[String: Any]])
        let entry = try #require(messages.first { $0["fullName"] as? String == "shop.v1.Basket.ItemCountsEntry" })
        #expect(entry["jsonSchemaDef"] == nil)
        let workflow = try #require((manifest["workflows"] as? [[String: Any]])?.first)
        let input = try #require((workflow["input"] as? [String: Any])?["type"] as? [String: String])
        #expect(input["jsonSchemaDef"] == "Basket")
        #expect(input["fullName"] == "shop.v1.Basket")
    }

    // MARK: Manifest

    @Test func theManifestStatesNamesDefaultsAndTypeReferences() throws {
        let models = try Self.yamlModels([TestSupport.ordersContract])
        let orders = try #require(models.first { $0.name == "Orders" })
        let manifest = try Self.json(ContractExporter.manifest(for: orders, in: models, options: Self.options))
        #expect(manifest["manifestVersion"] as? Int == ContractExporter.manifestVersion)
        #expect(manifest["$schema"] as? String == ContractExporter.manifestSchemaID)
        #expect(manifest["file"] as? String == "Examples/Contracts/orders.temporal.yaml")
        #expect(manifest["imports"] as? [String] == ["Common"])
        let workflows = try #require(manifest["workflows"] as? [[String: Any]])
        #expect(workflows.map { $0["wireName"] as? String } == ["ProcessOrder", "orders.ShipOrder"])
        let process = workflows[0]
        #expect(process["swiftName"] as? String == "Orders.Workflows.processOrder")
        #expect(process["executionTimeout"] as? Int == 86_400)
        #expect(process["taskTimeout"] as? Int == 10)
        #expect(process["idReusePolicy"] as? String == "rejectDuplicate")
        #expect(process["idConflictPolicy"] as? String == "fail")
        let retry = try #require(process["retryPolicy"] as? [String: Any])
        #expect(retry["maximumInterval"] as? Int == 60)
        #expect(retry["backoffCoefficient"] as? Double == 2)
        let template = try #require(process["idTemplate"] as? [String: Any])
        #expect(template["source"] as? String == "order-{order_id}")
        #expect(
            NSArray(array: template["segments"] as? [Any] ?? []) == NSArray(array: [["literal": "order-"], ["field": ["order_id"]]])
        )
        let signal = try #require((process["signals"] as? [[String: Any]])?.first)
        #expect(signal["withStart"] as? Bool == true)
        #expect(signal["contract"] as? String == "Orders")
        let ship = workflows[1]
        let parameters = try #require((ship["input"] as? [String: Any])?["parameters"] as? [[String: Any]])
        #expect(parameters.map { $0["swiftName"] as? String } == ["orderID", "address", "express"])
        #expect(ship["output"] == nil)
        #expect(ship["taskQueue"] as? String == "shipping")
        let updates = try #require(manifest["updates"] as? [[String: Any]])
        #expect(updates.first?["validator"] as? Bool == true)
        let activities = try #require(manifest["activities"] as? [[String: Any]])
        #expect(activities[1]["startToCloseTimeout"] as? Double == 0.25)
        #expect((activities[0]["retryPolicy"] as? [String: Any])?["nonRetryableErrorTypes"] as? [String] == ["CardDeclined"])
        let types = try #require(manifest["types"] as? [[String: Any]])
        let color = try #require(types.first { $0["name"] as? String == "Color" })
        #expect(color["kind"] as? String == "integerEnum")
        #expect((color["values"] as? [[String: Any]])?.map { $0["swiftName"] as? String } == ["red", "green", "blue"])
    }

    @Test func aliasesAppearInTheManifestAndTheSchema() throws {
        var models = try Self.yamlModels([TestSupport.ordersContract])
        let index = try #require(models.firstIndex { $0.name == "Orders" })
        models[index].workflows[0].aliases = ["OrderWorkflowV1"]
        models[index].signals[0].aliases = ["cancel"]
        models[index].activities[0].aliases = ["Charge"]
        let orders = models[index]
        let manifest = try Self.json(ContractExporter.manifest(for: orders, in: models))
        #expect((manifest["workflows"] as? [[String: Any]])?.first?["aliases"] as? [String] == ["OrderWorkflowV1"])
        #expect((manifest["signals"] as? [[String: Any]])?.first?["aliases"] as? [String] == ["cancel"])
        #expect((manifest["activities"] as? [[String: Any]])?.first?["aliases"] as? [String] == ["Charge"])
        let annotation = try #require(try Self.json(ContractExporter.jsonSchema(for: orders, in: models))["x-temporal"] as? [String: Any])
        #expect((annotation["workflows"] as? [String: [String: Any]])?["ProcessOrder"]?["aliases"] as? [String] == ["OrderWorkflowV1"])
    }

    @Test func manifestFilesAreRelativeToTheBaseDirectoryOnlyInsideIt() {
        #expect(ManifestBuilder.relativePath("/repo/Contracts/a.temporal.yaml", to: "/repo") == "Contracts/a.temporal.yaml")
        #expect(ManifestBuilder.relativePath("/repo/Contracts/a.temporal.yaml", to: "/repo/") == "Contracts/a.temporal.yaml")
        #expect(ManifestBuilder.relativePath("/repository/a.temporal.yaml", to: "/repo") == "/repository/a.temporal.yaml")
        #expect(ManifestBuilder.relativePath("Contracts/a.temporal.yaml", to: "/repo") == "Contracts/a.temporal.yaml")
        #expect(ManifestBuilder.relativePath("/repo/a.temporal.yaml", to: nil) == "/repo/a.temporal.yaml")
    }

    @Test func theEmbeddedManifestSchemaMatchesTheSchemasFolder() throws {
        let url = TestSupport.packageRoot.appendingPathComponent("Schemas/\(ContractExporter.manifestSchemaFileName)")
        #expect(
            EmbeddedSchemas.contractManifestJSONSchema + "\n" == (try String(contentsOf: url, encoding: .utf8)),
            "run Scripts/embed-resources.py"
        )
        let schema = try Self.json(Data(EmbeddedSchemas.contractManifestJSONSchema.utf8))
        #expect(schema["$id"] as? String == ContractExporter.manifestSchemaID)
        #expect(
            ((schema["properties"] as? [String: Any])?["manifestVersion"] as? [String: Any])?["const"] as? Int
                == ContractExporter.manifestVersion
        )
    }

    @Test func jsonStringsAreEscapedAndNumbersExact() {
        let value: JSONValue = ["text": .string("a\"b\\c\n\u{01}é/"), "half": .number(0.5), "whole": .number(3), "nano": .number(1e-9)]
        #expect(
            value.document == """
                {
                  "half": 0.5,
                  "nano": 1e-09,
                  "text": "a\\"b\\\\c\\n\\u0001é/",
                  "whole": 3
                }

                """
        )
    }

    // MARK: The command

    @Test func theCommandWritesTheGoldensFromTheRepositoryRoot() throws {
        let cli = CommandLineTests()
        let output = try cli.scratch()
        defer { try? FileManager.default.removeItem(at: output) }
        let orders = "Examples/Contracts/orders.temporal.yaml"
        let first = try cli.run(
            ["export", orders, "--format", "manifest", "--output", output.path, "--manifest-schema"],
            in: TestSupport.packageRoot
        )
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.contains("Exported 3 files in \(output.path) (3 changed)."))
        for name in ["Orders.manifest.json", "Common.manifest.json"] {
            let written = try String(contentsOf: output.appendingPathComponent(name), encoding: .utf8)
            #expect(written == (try String(contentsOf: Self.goldens.appendingPathComponent(name), encoding: .utf8)))
        }
        let schema = try String(contentsOf: output.appendingPathComponent(ContractExporter.manifestSchemaFileName), encoding: .utf8)
        #expect(schema == EmbeddedSchemas.contractManifestJSONSchema + "\n")
        let again = try cli.run(["export", orders, "--format", "manifest", "--output", output.path], in: TestSupport.packageRoot)
        #expect(again.output.contains("(0 changed)"))

        let proto = try cli.run(
            ["export", "Examples/Proto/payments/v1/payments.proto", "-I", "Examples/Proto", "--format", "json-schema", "-o", output.path],
            in: TestSupport.packageRoot
        )
        #expect(proto.status == 0, "\(proto.errors)")
        let payments = try String(contentsOf: output.appendingPathComponent("Payments.schema.json"), encoding: .utf8)
        #expect(payments == (try String(contentsOf: Self.goldens.appendingPathComponent("Payments.schema.json"), encoding: .utf8)))
    }

    @Test func theCommandExportsNothingFromAContractWithErrors() throws {
        let cli = CommandLineTests()
        let directory = try cli.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("contract: 1\nname: Bad\nworkflows:\n  A: { input: Missing }\n".utf8)
            .write(to: directory.appendingPathComponent("bad.temporal.yaml"))
        let result = try cli.run(["export", "bad.temporal.yaml", "--format", "json-schema", "--output", "Exported"], in: directory)
        #expect(result.status == 1)
        #expect(result.errors.contains("bad.temporal.yaml:4:"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("Exported").path))
        let usage = try cli.run(["export", "bad.temporal.yaml", "--format", "yaml", "--output", "Exported"], in: directory)
        #expect(usage.status != 0)
        #expect(usage.errors.contains("json-schema"))
    }

    // MARK: As other teams' tools read them

    /// Every example and fixture contract, both formats, checked by Python's `jsonschema`: each
    /// schema against the draft 2020-12 metaschema with every `$ref` resolving, each manifest
    /// against Schemas/contract-manifest.schema.json.
    @Test func pythonJSONSchemaAcceptsEveryExport() throws {
        let fixtures = try FileManager.default.contentsOfDirectory(
            at: TestSupport.fixtures.appendingPathComponent("valid"),
            includingPropertiesForKeys: nil
        )
        .filter { $0.lastPathComponent.hasSuffix(".temporal.yaml") }
        var models = try Self.yamlModels([TestSupport.ordersContract])
        for fixture in fixtures.sorted(by: { $0.path < $1.path }) {
            models += try Self.yamlModels([fixture])
        }
        let proto = try Self.protoModels(Self.paymentsProto, include: TestSupport.protoInclude)
        var bundle: [String: [String: Any]] = ["schemas": [:], "manifests": [:]]
        for group in [models, proto] {
            for model in group {
                bundle["schemas"]?[model.name] = try Self.json(ContractExporter.jsonSchema(for: model, in: group))
                bundle["manifests"]?[model.name] = try Self.json(ContractExporter.manifest(for: model, in: group, options: Self.options))
            }
        }
        #expect(bundle["schemas"]?.count ?? 0 >= 6)
        let run = try PythonScript.run("Tests/SchemaTests/check_exports.py", input: try JSONSerialization.data(withJSONObject: bundle))
        #expect(run.status == 0, "\(run.output)\(run.errors)")
        let report = try Self.json(Data(run.output.utf8))
        #expect(report["problems"] as? [String] == [])
        #expect(report["checked"] as? Int == 2 * (bundle["schemas"]?.count ?? 0))
    }
}
