import Foundation
import SwiftProtobuf
import SwiftProtobufPluginLibrary
import TemporalContractsGenerator

/// `protoc-gen-swift-temporal`: the generator as a protoc plugin.
///
///     protoc --swift-temporal_out=Generated --swift-temporal_opt=AccessLevel=internal -I proto orders.proto
///
/// Options (comma-separated `Key=Value`): `AccessLevel` (public, package, internal), `Outputs`
/// (`types+definitions`), `ProtoMessagesModule` (the module of the swift-protobuf messages).
///
/// It reads the request itself instead of adopting swift-protobuf's `CodeGenerator`: that protocol
/// hands over resolved `FileDescriptor`s, while the contract reader works on the descriptor set,
/// the same input the CLI gets from `protoc --descriptor_set_out`.
@main
struct ProtocPlugin {
    static func main() {
        if CommandLine.arguments.contains("--version") {
            print(GeneratorPipeline.version)
            return
        }
        let input = FileHandle.standardInput.readDataToEndOfFile()
        var response = Google_Protobuf_Compiler_CodeGeneratorResponse()
        response.supportedFeatures = UInt64(Google_Protobuf_Compiler_CodeGeneratorResponse.Feature.proto3Optional.rawValue)
        do {
            let request = try Google_Protobuf_Compiler_CodeGeneratorRequest(serializedBytes: input)
            let result = try generate(request)
            let report = result.diagnostics.map(\.formatted).joined(separator: "\n")
            if result.hasErrors {
                response.error = report
            } else {
                if !report.isEmpty { FileHandle.standardError.write(Data((report + "\n").utf8)) }
                response.file = result.files.map { file in
                    var output = Google_Protobuf_Compiler_CodeGeneratorResponse.File()
                    output.name = file.name
                    output.content = file.contents
                    return output
                }
            }
        } catch {
            response.error = "protoc-gen-swift-temporal: \(error)"
        }
        do {
            FileHandle.standardOutput.write(try response.serializedData())
        } catch {
            FileHandle.standardError.write(Data("protoc-gen-swift-temporal: cannot write the response: \(error)\n".utf8))
            exit(1)
        }
    }

    static func generate(_ request: Google_Protobuf_Compiler_CodeGeneratorRequest) throws -> GeneratorPipeline.Result {
        var options = GeneratorOptions()
        var problems: [String] = []
        for pair in request.parameter.split(separator: ",") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let value = parts.count == 2 ? parts[1] : ""
            switch parts[0] {
            case "AccessLevel":
                if let level = GeneratorOptions.AccessLevel(rawValue: value) {
                    options.accessLevel = level
                } else {
                    problems.append("unknown AccessLevel '\(value)' (public, package, internal)")
                }
            case "Outputs":
                let outputs = value.split(separator: "+").compactMap { GeneratorOptions.Output(rawValue: String($0)) }
                if outputs.count == value.split(separator: "+").count, !outputs.isEmpty {
                    options.outputs = Set(outputs)
                } else {
                    problems.append("unknown Outputs '\(value)' (types+definitions)")
                }
            case "ProtoMessagesModule":
                options.protoMessagesModule = value.isEmpty ? nil : value
            default:
                problems.append("unknown option '\(parts[0])' (AccessLevel, Outputs, ProtoMessagesModule)")
            }
        }
        if !problems.isEmpty { throw PluginOptionError(problems: problems) }
        let set = Google_Protobuf_FileDescriptorSet.with { $0.file = request.protoFile }
        let (contracts, diagnostics) = ProtoContractReader.read(set, filesToGenerate: request.fileToGenerate)
        return try GeneratorPipeline(options: options)
            .generate(contracts.map { ContractResolver.Input(syntax: $0) }, diagnostics: diagnostics)
    }
}

struct PluginOptionError: Error, CustomStringConvertible {
    var problems: [String]
    var description: String { problems.joined(separator: "; ") }
}
