import Foundation

/// Runs `Tests/SchemaTests/exported_schema_roundtrip.py` with the repository's `.venv` (from
/// Scripts/bootstrap.sh): Python dataclasses generated from an exported JSON Schema by
/// datamodel-code-generator, moved through the Python SDK's default data converter.
enum ExportedSchemaPython {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    // From this source file (GeneratedCodeTests → Tests → the repository), not the working directory.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The golden export of Examples/Contracts/orders.temporal.yaml, which the generator's export
    /// tests keep equal to what `temporal-contracts export --format json-schema` writes.
    static let ordersSchema = repository.appendingPathComponent("Tests/Fixtures/Export/Orders.schema.json")
    static let script = repository.appendingPathComponent("Tests/SchemaTests/exported_schema_roundtrip.py")

    /// Runs the script in `mode` (`encode` or `decode`) and returns the JSON object it prints.
    static func run(_ mode: String, input: Data = Data()) throws -> [String: Any] {
        let python = repository.appendingPathComponent(".venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw Failure(
                description: "\(python.path) is missing: run Scripts/bootstrap.sh to create .venv with the pinned Python packages"
            )
        }
        let process = Process()
        process.executableURL = python
        process.arguments = [script.path, ordersSchema.path, mode]
        // No __pycache__ in the source tree.
        process.environment = ProcessInfo.processInfo.environment.merging(["PYTHONDONTWRITEBYTECODE": "1"]) { $1 }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = FileManager.default.temporaryDirectory.appendingPathComponent("roundtrip-\(UUID().uuidString).log")
        try Data().write(to: stderr)
        defer { try? FileManager.default.removeItem(at: stderr) }
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
        // The payload is a few hundred bytes, far below a pipe's buffer: writing it before
        // reading cannot block.
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let errors = (try? String(contentsOf: stderr, encoding: .utf8)) ?? ""
            throw Failure(description: "the round-trip script failed (\(process.terminationStatus)):\n\(errors)")
        }
        guard let object = try JSONSerialization.jsonObject(with: output) as? [String: Any] else {
            throw Failure(description: "the round-trip script printed no JSON object: \(String(decoding: output, as: UTF8.self))")
        }
        return object
    }
}
