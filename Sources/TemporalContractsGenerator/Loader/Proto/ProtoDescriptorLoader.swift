import Foundation
import SwiftProtobuf

/// Gets compiled descriptors for `.proto` contracts: by running `protoc`, or from a prebuilt
/// descriptor set (`protoc --descriptor_set_out --include_imports`).
public struct ProtoDescriptorLoader: Sendable {
    public var protocPath: String?
    public var includePaths: [String]

    public init(protocPath: String? = nil, includePaths: [String] = []) {
        self.protocPath = protocPath
        self.includePaths = includePaths
    }

    /// Compiles `protoFiles` with protoc and reads their services.
    public func load(protoFiles: [String]) -> ([ContractSyntax], Diagnostics) {
        var diagnostics = Diagnostics()
        guard let protoc = resolveProtoc() else {
            diagnostics.error(
                "protoc was not found, and it is needed to read .proto contracts",
                at: SourceLocation(file: protoFiles.first ?? "protoc"),
                hint: "install it (`apt-get install protobuf-compiler`, `brew install protobuf`) or pass --protoc PATH"
            )
            return ([], diagnostics)
        }
        if let problem = editionsProblem(protoc: protoc, protoFiles: protoFiles) {
            diagnostics.append(problem)
            return ([], diagnostics)
        }
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("temporal-contracts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            // The options file is embedded, so contracts compile even where no copy of it is installed;
            // it is searched last, so a team's own copy wins.
            let optionsDirectory = scratch.appendingPathComponent("include/temporal/v1")
            try FileManager.default.createDirectory(at: optionsDirectory, withIntermediateDirectories: true)
            try Data(EmbeddedSchemas.temporalProto.utf8)
                .write(to: optionsDirectory.appendingPathComponent("temporal.proto"))
        } catch {
            diagnostics.error("cannot prepare protoc: \(error)", at: SourceLocation(file: protoFiles.first ?? "protoc"))
            return ([], diagnostics)
        }
        let includes = effectiveIncludePaths(for: protoFiles) + [scratch.appendingPathComponent("include").path]
        let output = scratch.appendingPathComponent("contracts.pb")
        var arguments = includes.map { "-I\($0)" }
        arguments += ["--include_imports", "--include_source_info", "--descriptor_set_out=\(output.path)"]
        arguments += protoFiles

        let process = Process()
        process.executableURL = URL(fileURLWithPath: protoc)
        process.arguments = arguments
        let errorPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            diagnostics.error(
                "cannot run protoc at \(protoc): \(error.localizedDescription)",
                at: SourceLocation(file: protoFiles.first ?? "protoc"),
                hint: "check the --protoc path"
            )
            return ([], diagnostics)
        }
        let errorText = String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        for line in errorText.split(separator: "\n") {
            diagnostics.append(Self.diagnostic(fromProtocLine: String(line)))
        }
        guard process.terminationStatus == 0 else {
            if !diagnostics.hasErrors {
                diagnostics.error("protoc failed: \(errorText)", at: SourceLocation(file: protoFiles.first ?? "protoc"))
            }
            return ([], diagnostics)
        }
        let set: Google_Protobuf_FileDescriptorSet
        do {
            set = try Google_Protobuf_FileDescriptorSet(serializedBytes: try Data(contentsOf: output))
        } catch {
            diagnostics.error("cannot read protoc's descriptor set: \(error)", at: SourceLocation(file: output.path))
            return ([], diagnostics)
        }
        let names = protoFiles.map { descriptorName(of: $0, includes: includes) }
        let displayByName = Dictionary(zip(names, protoFiles), uniquingKeysWith: { first, _ in first })
        let (contracts, readDiagnostics) = ProtoContractReader.read(
            set,
            filesToGenerate: names,
            displayPath: { displayByName[$0] ?? $0 }
        )
        diagnostics.append(contentsOf: readDiagnostics)
        return (contracts, diagnostics)
    }

    /// Reads a prebuilt descriptor set; every file in it with annotated services is a contract.
    public static func load(descriptorSet path: String) -> ([ContractSyntax], Diagnostics) {
        var diagnostics = Diagnostics()
        let set: Google_Protobuf_FileDescriptorSet
        do {
            set = try Google_Protobuf_FileDescriptorSet(serializedBytes: try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            diagnostics.error(
                "'\(path)' is not a readable descriptor set: \(error)",
                at: SourceLocation(file: path),
                hint: "write one with `protoc --include_imports --include_source_info --descriptor_set_out=FILE`"
            )
            return ([], diagnostics)
        }
        let names = set.file.map(\.name).filter { !$0.hasPrefix("google/protobuf/") && $0 != "temporal/v1/temporal.proto" }
        let (contracts, readDiagnostics) = ProtoContractReader.read(set, filesToGenerate: names)
        // Files without services are the contract's message imports, not contracts that lack options.
        for diagnostic in readDiagnostics.all where !diagnostic.message.contains("declares no service") {
            diagnostics.append(diagnostic)
        }
        return (contracts, diagnostics)
    }

    /// The include paths: those given, else each contract's folder.
    func effectiveIncludePaths(for protoFiles: [String]) -> [String] {
        if !includePaths.isEmpty { return includePaths }
        var seen = Set<String>()
        return protoFiles.map { ($0 as NSString).deletingLastPathComponent }.map { $0.isEmpty ? "." : $0 }
            .filter { seen.insert($0).inserted }
    }

    /// protoc names files relative to the include path that holds them.
    func descriptorName(of file: String, includes: [String]) -> String {
        let standardized = (file as NSString).standardizingPath
        for include in includes {
            let prefix = (include as NSString).standardizingPath
            if prefix == "." { return standardized }
            if standardized.hasPrefix(prefix + "/") { return String(standardized.dropFirst(prefix.count + 1)) }
        }
        return (file as NSString).lastPathComponent
    }

    func resolveProtoc() -> String? {
        if let protocPath { return FileManager.default.isExecutableFile(atPath: protocPath) ? protocPath : nil }
        if let fromEnvironment = ProcessInfo.processInfo.environment["PROTOC"],
            FileManager.default.isExecutableFile(atPath: fromEnvironment)
        {
            return fromEnvironment
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/protoc"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// protoc writes `file:line:col: message`; keep its location.
    static func diagnostic(fromProtocLine line: String) -> Diagnostic {
        let parts = line.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        if parts.count == 4, let row = Int(parts[1]), let column = Int(parts[2]) {
            var message = parts[3].trimmingCharacters(in: .whitespaces)
            let isWarning = message.lowercased().hasPrefix("warning:")
            if isWarning { message = message.dropFirst("warning:".count).trimmingCharacters(in: .whitespaces) }
            return Diagnostic(
                isWarning ? .warning : .error,
                message,
                at: SourceLocation(file: parts[0], line: row, column: column)
            )
        }
        if parts.count >= 2 {
            return .error(
                parts.dropFirst().joined(separator: ":").trimmingCharacters(in: .whitespaces),
                at: SourceLocation(file: parts[0])
            )
        }
        return .error(line, at: SourceLocation(file: "protoc"))
    }
}
