import Foundation
import Testing

@testable import TemporalContractsGenerator

/// Names and paths from contracts and configurations never put a file outside the output folder:
/// every write happens in `<sentinel>/out`, and afterwards nothing else under `<sentinel>` changed.
struct OutputPathSafetyTests {
    /// A temporary `sentinel` folder holding the output folder and a file that must stay untouched.
    struct Sandbox {
        let sentinel: URL
        let output: URL
        let outside: URL

        init() throws {
            sentinel = FileManager.default.temporaryDirectory.appendingPathComponent("path-safety-\(UUID().uuidString)")
            output = sentinel.appendingPathComponent("out")
            outside = sentinel.appendingPathComponent("outside.swift")
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            try Data("keep".utf8).write(to: outside)
        }

        /// Every path under the sentinel except the output folder's own files, with its contents.
        func outsideOutput() -> [String: Data] {
            var found: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(atPath: sentinel.path)
            while let relative = enumerator?.nextObject() as? String {
                if relative == "out" || relative.hasPrefix("out/") { continue }
                found[relative] = FileManager.default.contents(atPath: sentinel.appendingPathComponent(relative).path) ?? Data()
            }
            return found
        }

        func remove() { try? FileManager.default.removeItem(at: sentinel) }
    }

    static let escapingNames = [
        "../escape.swift", "../../escape.swift", "/tmp/escape-\(UUID().uuidString).swift", "sub/file.swift", "..", ".", "",
        "a/../../escape.swift", "..\\escape.swift",
    ]

    @Test(arguments: escapingNames)
    func theWriterRefusesNamesThatLeaveTheFolder(name: String) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let before = sandbox.outsideOutput()
        let files = [GeneratedFile(name: "Fine.swift", contents: "fine"), GeneratedFile(name: name, contents: "escaped")]
        #expect(throws: OutputWriter.UnsafeFileNameError.self) { try OutputWriter.write(files, to: sandbox.output.path) }
        #expect(sandbox.outsideOutput() == before)
        // Refused before anything is written, so a half-written output folder never results.
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.output.path).isEmpty)
        if name.hasPrefix("/") { #expect(!FileManager.default.fileExists(atPath: name)) }
    }

    @Test(arguments: [false, true])
    func aSymbolicLinkInTheOutputFolderIsReplacedNotWrittenThrough(sameContents: Bool) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let contents = sameContents ? "keep" : "generated"
        let link = sandbox.output.appendingPathComponent("Orders+Types.swift")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: sandbox.outside)
        let date = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: sandbox.outside.path)
        let before = sandbox.outsideOutput()

        let written = try OutputWriter.write(
            [GeneratedFile(name: "Orders+Types.swift", contents: contents)],
            to: sandbox.output.path,
            touchUnchanged: true
        )

        #expect(written == ["Orders+Types.swift"])
        #expect(sandbox.outsideOutput() == before)
        let outsideDate = try FileManager.default.attributesOfItem(atPath: sandbox.outside.path)[.modificationDate] as? Date
        #expect(outsideDate == date)
        let type = try FileManager.default.attributesOfItem(atPath: link.path)[.type] as? FileAttributeType
        #expect(type == .typeRegular)
        #expect(try String(contentsOf: link, encoding: .utf8) == contents)
    }

    @Test(arguments: ["../Generated", "/tmp/Generated", "~/Generated", "a/../../Generated", "./../Generated"])
    func aConfigurationCannotPointTheOutputOutsideItsFolder(output: String) throws {
        let text = "inputs: [a.temporal.yaml]\noutput: \"\(output)\"\n"
        let (configuration, diagnostics) = GeneratorConfiguration.parse(text, file: "temporal-contracts.yaml")
        #expect(configuration.output == nil)
        let error = try #require(diagnostics.errors.first)
        #expect(error.message.contains("outside"))
        #expect(error.location == SourceLocation(file: "temporal-contracts.yaml", line: 2, column: 9))
    }

    @Test(arguments: ["Generated", "Sources/App/Generated", "a/../Generated", ".", "./Generated/"])
    func aConfigurationMayPointTheOutputInsideItsFolder(output: String) {
        let (configuration, diagnostics) = GeneratorConfiguration.parse("output: \"\(output)\"\n", file: "c.yaml")
        #expect(configuration.output == output)
        #expect(!diagnostics.hasErrors)
    }

    @Test(arguments: ["../Evil", "Evil/Name", "/Evil", "..", "Evil\\Name"])
    func aContractNameWithPathCharactersIsRejectedWithALocation(name: String) throws {
        let text = "contract: 1\nname: \"\(name.replacingOccurrences(of: "\\", with: "\\\\"))\"\ntypes:\n  A: { type: string }\n"
        let result = try AdversarialContractTests.generate(text)
        #expect(result.files.isEmpty)
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.location.line == 2 && error.location.column > 0)
    }

    /// Input-file naming takes the generated names from contract paths; hostile paths still only
    /// name files inside the output folder, and so do documentation pages and exports.
    @Test func everyGeneratedNameStaysInsideTheOutputFolder() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let before = sandbox.outsideOutput()
        let paths = ["../../up.temporal.yaml", "/abs/..temporal.yaml", ".temporal.yaml", "a\\..\\b.temporal.yaml"]
        var files: [String: String] = [:]
        for (index, path) in paths.enumerated() {
            files[path] = "contract: 1\nname: Safe\(index)\ntypes:\n  A\(index): { type: string }\nworkflows:\n  W\(index): {}\n"
        }
        var options = GeneratorOptions()
        options.fileNaming = .inputFile
        let result = try TestSupport.generate(files, options: options)
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.formatted))")
        let (contracts, _) = ContractLoader.load(paths) { files[$0] ?? "" }
        let models = ContractResolver.resolve(contracts).0
        var generated = result.files
        for format in [DocumentationFormat.markdown, .html] {
            generated += try DocumentationGenerator().render(models, format: format)
        }
        for format in ContractExporter.Format.allCases { generated += ContractExporter.export(models, format: format) }
        for file in generated {
            #expect(OutputWriter.isSafeFileName(file.name), "unsafe generated name \(file.name)")
        }
        // Names may repeat across the kinds above; write each kind's set the way the CLI does.
        try OutputWriter.write(result.files, to: sandbox.output.path)
        #expect(sandbox.outsideOutput() == before)
    }
}
