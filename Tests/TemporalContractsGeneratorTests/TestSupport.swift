import Foundation
import TemporalContractsGenerator

/// Paths and helpers shared by the generator tests.
enum TestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Tests/TemporalContractsGeneratorTests/Fixtures")
    /// The example contracts, which double as golden fixtures.
    static let examples = packageRoot.appendingPathComponent("Examples")
    static let ordersContract = examples.appendingPathComponent("Contracts/orders.temporal.yaml")
    static let protoInclude = examples.appendingPathComponent("Proto")
    static let goldens = packageRoot.appendingPathComponent("Tests/GeneratedCodeTests/Generated")
    /// Names every generated declaration could collide with; see `CollisionFixtureTests`.
    static let collisionsContract = fixtures.appendingPathComponent("valid/collisions.temporal.yaml")

    /// Runs the whole pipeline on in-memory files (path → text).
    static func generate(
        _ files: [String: String],
        inputs: [String]? = nil,
        options: GeneratorOptions = GeneratorOptions()
    ) throws -> GeneratorPipeline.Result {
        let (contracts, diagnostics) = ContractLoader.load(inputs ?? files.keys.sorted()) { path in
            guard let text = files[path] else { throw CocoaError(.fileReadNoSuchFile) }
            return text
        }
        return try GeneratorPipeline(options: options).generate(contracts, diagnostics: diagnostics)
    }

    /// The diagnostics of validating one in-memory contract.
    static func diagnostics(_ text: String, file: String = "test.temporal.yaml") throws -> [Diagnostic] {
        try generate([file: text]).diagnostics
    }

    /// A unified diff of two texts, for readable golden failures.
    static func diff(expected: String, actual: String, name: String) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let expectedURL = directory.appendingPathComponent("expected-\(name)")
        let actualURL = directory.appendingPathComponent("actual-\(name)")
        try? Data(expected.utf8).write(to: expectedURL)
        try? Data(actual.utf8).write(to: actualURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["diff", "-u", expectedURL.path, actualURL.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return "(diff unavailable)" }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }
}
