import Foundation
import Testing

@testable import TemporalContractsGenerator

/// ID expressions (`${! … }`, protoc-gen-go-temporal's Bloblang subset) in both contract formats,
/// explicit zero durations, a service named like a Swift type, and edition 2023 files.
struct IDExpressionContractTests {
    static let protoFixtures = TestSupport.fixtures.appendingPathComponent("proto")
    /// The protoc that Scripts/bootstrap.sh writes (grpcio-tools'), new enough for editions.
    static let newProtoc = TestSupport.packageRoot.appendingPathComponent(".venv/bin/protoc").path

    static func parse(_ text: String, yaml: Bool = false) -> Result<[IDTemplate.Segment], IDExpressionParser.Failure> {
        IDExpressionParser.parseTemplate(text, fieldPlaceholders: yaml)
    }

    static func expression(_ text: String) throws -> IDExpression {
        try IDExpressionParser.parseExpression(text).get()
    }

    @Test func everyFormOfTheIssueParses() throws {
        #expect(try Self.expression("uuid_v4()") == .function(.uuidV4))
        #expect(try Self.expression(" nanoid() ") == .function(.nanoid))
        #expect(try Self.expression("ksuid()") == .function(.ksuid))
        #expect(try Self.expression("name.slug()") == .method(receiver: .field(["name"]), .slug))
        #expect(try Self.expression(#"name.or("World")"#) == .method(receiver: .field(["name"]), .or(.string("World"))))
        #expect(try Self.expression("name.or(uuid_v4())") == .method(receiver: .field(["name"]), .or(.function(.uuidV4))))
        #expect(
            try Self.expression(#"name.or(throw("name is required"))"#)
                == .method(receiver: .field(["name"]), .or(.function(.throw("name is required"))))
        )
        #expect(
            try Self.expression(#"v.not_empty().catch("default").slug()"#)
                == .method(
                    receiver: .method(receiver: .method(receiver: .field(["v"]), .notEmpty), .catch(.string("default"))),
                    .slug
                )
        )
        #expect(try Self.expression("progress.string()") == .method(receiver: .field(["progress"]), .string))
        #expect(try Self.expression("this.customer.id") == .field(["customer", "id"]))
        #expect(
            try Self.expression("attempt.or(0).int64()")
                == .method(receiver: .method(receiver: .field(["attempt"]), .or(.number(0))), .int64)
        )
    }

    @Test func templatesSplitAsTheGoLexerDoes() throws {
        let spaced = try Self.parse("a/${!uuid_v4()}/${!   name   }").get()
        #expect(
            spaced == [
                .literal("a/"), .expression(.function(.uuidV4), source: "uuid_v4()"), .literal("/"),
                .expression(.field(["name"]), source: "name"),
            ]
        )
        // `\` takes the next character literally; `${` without `!` is text.
        #expect(try Self.parse(#"x\${!y}/${ language }"#).get() == [.literal("x${!y}/${ language }")])
        // YAML templates keep `{field}` placeholders and `{{`/`}}` beside expressions.
        let yaml = try Self.parse("o-{orderId}/{{${! name }}}", yaml: true).get()
        #expect(
            yaml == [.literal("o-"), .field(["orderId"]), .literal("/{"), .expression(.field(["name"]), source: "name"), .literal("}")]
        )
        // Braces inside string literals do not close the expression.
        #expect(
            try Self.parse(#"${! name.or("{}") }"#).get() == [
                .expression(.method(receiver: .field(["name"]), .or(.string("{}"))), source: #"name.or("{}")"#)
            ]
        )
    }

    @Test func bloblangOutsideTheSubsetIsNamed() throws {
        let cases: [(String, String, Int)] = [
            ("id/${! now() }", "the function 'now()' is outside the Bloblang subset", 7),
            (#"id/${! name.capitalize() }"#, "the method '.capitalize()' is outside the Bloblang subset", 12),
            (#"id/${! if id.contains("z") { "a" } else { "b" } }"#, "is Bloblang outside the subset", 10),
            ("id/${! note.map_each(x -> x) }", "the method '.map_each()' is outside the Bloblang subset", 12),
            ("id/${! name", "an unclosed '${!'", 3),
            ("id/${!  }", "an empty expression", 6),
            ("id/${! items.0.name }", "indexing ('.0')", 13),
            (#"id/${! throw(name) }"#, "'throw' takes one string literal", 7),
        ]
        for (text, message, offset) in cases {
            guard case .failure(let failure) = Self.parse(text) else {
                Issue.record("'\(text)' parsed")
                continue
            }
            #expect(failure.message.contains(message), "\(text): \(failure.message)")
            #expect(failure.offset == offset, "\(text): offset \(failure.offset)")
            if message.contains("outside the Bloblang subset") {
                #expect(failure.hint.contains("uuid_v4()") && failure.hint.contains(".slug()"))
            }
        }
    }

    @Test func yamlErrorsAreLocatedAtTheIDWithTheConstruct() throws {
        let contract = """
            contract: 1
            name: Shop
            taskQueue: shop
            types:
              Order: { type: object, required: [id], properties: { id: { type: string }, total: { type: number } } }
            workflows:
              Buy:
                input: Order
                id: 'buy/${! id.capitalize() }'
              Sell:
                input: Order
                id: 'sell/${! missing.or("x") }'
              Keep:
                input: Order
                executionTimeout: 0s
                runTimeout: 0m0s
            """
        let diagnostics = try TestSupport.diagnostics(contract)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 2, "\(diagnostics.map(\.formatted))")
        let buy = try #require(errors.first { $0.message.contains("'Buy'") })
        #expect(buy.message.contains("the method '.capitalize()' is outside the Bloblang subset"))
        #expect(buy.message.contains("at character 12"))
        #expect(buy.location.line == 9)
        #expect(buy.location.column == 9)
        #expect(buy.hint?.contains("uuid_v4()") == true)
        let sell = try #require(errors.first { $0.message.contains("'Sell'") })
        #expect(sell.message.contains("names 'missing', but the input has no field 'missing'"))
        #expect(sell.location.line == 12)
        #expect(!diagnostics.contains { $0.message.contains("Timeout") || $0.message.contains("duration") })
    }

    func generateProto(_ name: String, protoc: String? = nil) throws -> GeneratorPipeline.Result {
        var inputs = GeneratorPipeline.Inputs(protoFiles: [Self.protoFixtures.appendingPathComponent("\(name)/v1/\(name).proto").path])
        inputs.protoLoader = ProtoDescriptorLoader(protocPath: protoc, includePaths: [Self.protoFixtures.path])
        return try GeneratorPipeline().run(inputs)
    }

    @Test func protoExpressionsGenerateSwiftThatReadsTheInputAsProtojson() throws {
        let result = try generateProto("idexpressions")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        let definitions = try #require(result.files.first { $0.name == "Greeter+Definitions.swift" }).contents
        for line in [
            #"let uuid = try TemporalContracts.IDExpressionValue.string(ids.uuidV4()).text(of: "uuid_v4()")"#,
            #"let name = try TemporalContracts.IDExpressionValue(protoField: input.name).slug().text(of: "name.slug()")"#,
            #"let name = try TemporalContracts.IDExpressionValue(protoField: input.name).or(.string(ids.uuidV4())).text("#,
            #"let count = try TemporalContracts.IDExpressionValue(protoField: input.count).text(of: "count")"#,
            #"names: [0: "LANGUAGE_UNSPECIFIED", 1: "LANGUAGE_ENGLISH", 2: "LANGUAGE_FRENCH"]"#,
            #".or(.throw("language required"))"#,
            #"return "typed/\(progress)/\(count)/\(language)""#,
        ] {
            #expect(definitions.contains(line), "missing: \(line)")
        }
        // Zero durations are "not set": the workflow has only its task queue, the activity no heartbeat timeout.
        #expect(definitions.contains(#"defaults: TemporalContracts.WorkflowDefaults(taskQueue: "greeter")\#n        )"#))
        #expect(definitions.contains(#"TemporalContracts.ActivityDefaults(taskQueue: "greeter", startToCloseTimeout: .seconds(10))"#))
        let long = LineLimitTests.longLines(definitions, name: "Greeter+Definitions.swift")
        #expect(long.isEmpty, "\(long)")
    }

    @Test func aServiceNamedLikeASwiftTypeGetsAServiceSuffix() throws {
        let result = try generateProto("optional")
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.formatted))")
        let warning = try #require(result.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("service 'Optional' generates the namespace 'OptionalService'"))
        #expect(warning.location.file.hasSuffix("optional/v1/optional.proto"))
        #expect(warning.location.line == 9)
        #expect(result.files.map(\.name).contains("OptionalService+Definitions.swift"))
        let definitions = try #require(result.files.first { $0.name == "OptionalService+Definitions.swift" }).contents
        #expect(definitions.contains("extension OptionalService {"))
        #expect(definitions.contains(#"name: "optional.v1.Optional.Maybe""#))
        #expect(definitions.contains(#"IDExpressionValue(protoField: input.name, isPresent: input.hasName).text(of: "name")"#))
    }

    /// protoc-gen-go-temporal's protos often declare several services in one file that share
    /// messages: each is its own contract, and a shared message conforms to `ProtobufPayload` once.
    @Test func servicesOfOneFileAreSeparateContracts() throws {
        let proto = """
            syntax = "proto3";
            package shop.v1;
            import "temporal/v1/temporal.proto";
            message Order { string order_id = 1; }
            service Buying {
              rpc Buy(Order) returns (Order) { option (temporal.v1.workflow) = { id: 'buy/${! orderId }' }; }
            }
            service Selling {
              rpc Sell(Order) returns (Order) { option (temporal.v1.workflow) = {}; }
            }

            """
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("services-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(proto.utf8).write(to: root.appendingPathComponent("shop.proto"))
        var inputs = GeneratorPipeline.Inputs(protoFiles: [root.appendingPathComponent("shop.proto").path])
        inputs.protoLoader = ProtoDescriptorLoader(includePaths: [root.path])
        let result = try GeneratorPipeline().run(inputs)
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.formatted))")
        #expect(result.models.map(\.name) == ["Buying", "Selling"])
        let buying = try #require(result.files.first { $0.name == "Buying+Definitions.swift" }).contents
        let selling = try #require(result.files.first { $0.name == "Selling+Definitions.swift" }).contents
        #expect(buying.contains(#"name: "shop.v1.Buying.Buy""#) && !buying.contains("Sell"))
        #expect(selling.contains(#"name: "shop.v1.Selling.Sell""#) && !selling.contains("Buy"))
        let conformances = result.files.filter { $0.contents.contains("extension Shop_V1_Order: TemporalContracts.ProtobufPayload {}") }
        #expect(conformances.map(\.name) == ["Buying+Types.swift"])
    }

    /// Edition 2023 needs protoc 27 or newer: the bootstrap installs grpcio-tools' protoc as
    /// .venv/bin/protoc, and this test requires it rather than skipping.
    @Test func editionFilesGenerateWithANewProtoc() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.newProtoc),
            "run Scripts/bootstrap.sh: it installs grpcio-tools and writes .venv/bin/protoc"
        )
        let result = try generateProto("editions", protoc: Self.newProtoc)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        let definitions = try #require(result.files.first { $0.name == "Shelf+Definitions.swift" }).contents
        // Edition 2023 fields have explicit presence: set to "" is present, unset is absent.
        #expect(definitions.contains(#"IDExpressionValue(protoField: input.sku, isPresent: input.hasSku).slug().text("#))
        #expect(definitions.contains(#"name: "editions.v1.Shelf.Stock""#))
    }

    @Test func anOldProtocIsToldWhichVersionEditionsNeed() throws {
        let file = Self.protoFixtures.appendingPathComponent("editions/v1/editions.proto").path
        // A stand-in protoc that reports Debian's version and would fail on the file.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("old-protoc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let oldProtoc = folder.appendingPathComponent("protoc")
        try Data("#!/bin/sh\necho 'libprotoc 3.21.12'\nexit 1\n".utf8).write(to: oldProtoc)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: oldProtoc.path)
        let result = try generateProto("editions", protoc: oldProtoc.path)
        let error = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(error.severity == .error)
        #expect(error.message.contains("uses edition 2023, which needs protoc 27 or newer"))
        #expect(error.message.contains("libprotoc 3.21.12"))
        #expect(error.location.file == file)
        #expect(error.location.line == 3)
        #expect(error.hint?.contains("grpcio-tools") == true)
    }
}
