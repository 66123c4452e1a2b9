import Foundation
import Testing

@testable import TemporalContractsGenerator

/// Generated code keeps to the 140 columns of `.swift-format`, doc comments included: long
/// signatures and calls wrap one item per line, as swift-format would wrap them.
struct LineLimitTests {
    /// `swift format`'s output for `file` (it reads the package's `.swift-format`), or nil when the
    /// toolchain has no swift-format.
    static func swiftFormatted(_ file: URL) throws -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "format", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }

    static let limit = 140

    /// The lines of `text` longer than the limit, as `name:line: columns`.
    static func longLines(_ text: String, name: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            line.count > limit ? "\(name):\(index + 1): \(line.count) columns" : nil
        }
    }

    @Test func everyGoldenLineFits() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: TestSupport.goldens.path).filter { $0.hasSuffix(".swift") }
        #expect(!files.isEmpty)
        var long: [String] = []
        for file in files.sorted() {
            let text = try String(contentsOf: TestSupport.goldens.appendingPathComponent(file), encoding: .utf8)
            long += Self.longLines(text, name: file)
        }
        #expect(long.isEmpty, "\(long.joined(separator: "\n"))")
    }

    /// `package`, the longest access modifier, at every fixture.
    @Test(arguments: GoldenTests.yamlFixtures)
    func everyLineFitsWithTheLongestAccessModifier(_ contract: URL) throws {
        var options = GeneratorOptions(accessLevel: .package)
        options.fileNaming = .contract
        let result = try GeneratorPipeline(options: options).run(GeneratorPipeline.Inputs(yamlFiles: [contract.path]))
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.formatted))")
        let long = result.files.flatMap { Self.longLines($0.contents, name: $0.name) }
        #expect(long.isEmpty, "\(long.joined(separator: "\n"))")
    }

    /// Beyond the line limit: the goldens are exactly what swift-format makes of them, so generated
    /// code reads as formatted by hand.
    @Test func everyGoldenIsAsSwiftFormatWritesIt() throws {
        var differing: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: TestSupport.goldens.path).sorted() {
            let url = TestSupport.goldens.appendingPathComponent(file)
            guard let formatted = try Self.swiftFormatted(url) else { return }  // no swift-format here
            let text = try String(contentsOf: url, encoding: .utf8)
            if formatted != text {
                differing.append(TestSupport.diff(expected: text, actual: formatted, name: file))
            }
        }
        #expect(differing.isEmpty, "\(differing.joined(separator: "\n"))")
    }
}
