import Foundation
import Testing

@testable import TemporalContractsGenerator

/// protoc-gen-go-temporal's `search_attributes` and `typed_search_attributes`, written as Go teams
/// write them: read with no warning, typed from the prefix or the field, and anything outside
/// the subset a located error.
struct ProtoSearchAttributeTests {
    static let contract = """
        syntax = "proto3";
        package parcels.v1;
        import "google/protobuf/timestamp.proto";
        import "temporal/v1/temporal.proto";

        service Parcels {
          rpc Send(SendInput) returns (SendInput) {
            option (temporal.v1.workflow) = {
              task_queue: "parcels"
              search_attributes:
                'Recipient = recipient \\n'
                'Weight = weightGrams.int64() \\n'
                'Insured = insured \\n'
              typed_search_attributes:
                'string.Notes = notes \\n'
                'float64.Value = value \\n'
                'time.SentAt = sentAt.ts_parse("2006-01-02T15:04:05Z") \\n'
                'keyword_list.Labels = labels \\n'
            };
          }
        }

        message SendInput {
          string recipient = 1;
          int32 weight_grams = 2;
          bool insured = 3;
          string notes = 4;
          double value = 5;
          google.protobuf.Timestamp sent_at = 6;
          repeated string labels = 7;
        }

        """

    func run(_ text: String) throws -> GeneratorPipeline.Result {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("proto-sa-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("parcels.proto")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        var inputs = GeneratorPipeline.Inputs(protoFiles: [file.path])
        inputs.protoLoader = ProtoDescriptorLoader(includePaths: [root.path])
        return try GeneratorPipeline().run(inputs)
    }

    @Test func bothOptionsGenerateTypedKeysAndStartMappingsWithoutWarnings() throws {
        let result = try run(Self.contract)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        let definitions = try #require(result.files.first { $0.name.hasSuffix("+Definitions.swift") }).contents
        for key in [
            "recipient = TemporalContracts.SearchAttributeKey<Swift.String>.keyword(\"Recipient\")",
            "weight = TemporalContracts.SearchAttributeKey<Swift.Int64>.int(\"Weight\")",
            "insured = TemporalContracts.SearchAttributeKey<Swift.Bool>.bool(\"Insured\")",
            "notes = TemporalContracts.SearchAttributeKey<Swift.String>.text(\"Notes\")",
            "value = TemporalContracts.SearchAttributeKey<Swift.Double>.double(\"Value\")",
            "sentAt = TemporalContracts.SearchAttributeKey<Foundation.Date>.datetime(\"SentAt\")",
            "labels = TemporalContracts.SearchAttributeKey<[Swift.String]>.keywordList(\"Labels\")",
        ] {
            #expect(definitions.contains(key), "missing \(key)")
        }
        #expect(definitions.contains("attributes[SearchAttributes.weight] = Swift.Int64(input.weightGrams)"))
        #expect(definitions.contains("attributes[SearchAttributes.sentAt] = input.sentAt.date"))
    }

    @Test func bloblangOutsideTheSubsetIsALocatedErrorNamingIt() throws {
        let text = Self.contract.replacingOccurrences(of: "'Insured = insured \\n'", with: "'Insured = insured.map_each(x -> x) \\n'")
        let errors = try run(text).diagnostics.filter { $0.severity == .error }
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(
            error.message.hasPrefix("workflow 'Send' sets search attribute 'Insured' from `${! insured.map_each(x -> x) }`, which has ")
        )
        #expect(error.location.file.hasSuffix("parcels.proto"))
        #expect(error.location.line == 7)
    }

    @Test func anUnknownTypePrefixAndAMissingFieldAreErrors() throws {
        let text = Self.contract
            .replacingOccurrences(of: "'string.Notes = notes \\n'", with: "'text.Notes = notes \\n'")
            .replacingOccurrences(of: "'Recipient = recipient \\n'", with: "'Recipient = receiver \\n'")
        let messages = try run(text).diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(messages.contains("typed_search_attributes has 'text.Notes', which does not start with a type"))
        #expect(
            messages.contains("workflow 'Send' sets search attribute 'Recipient' from 'receiver', but the input has no field 'receiver'")
        )
    }
}
