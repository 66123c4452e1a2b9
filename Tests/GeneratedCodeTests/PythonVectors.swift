import Foundation
import TemporalContracts

/// The payloads the Python SDK's default converter produced, from
/// `Tests/Fixtures/python-default-converter-vectors.json` (Scripts/generate-python-vectors.py).
/// TemporalContractsTests reads the whole file (`PythonVectorTests.swift`); this target needs
/// only single cases by name.
enum PythonVectors {
    struct File: Decodable {
        struct Case: Decodable {
            var name: String
            var metadata: [String: String]
            var data_base64: String
        }

        var cases: [Case]
    }

    // From this source file (GeneratedCodeTests → Tests → the repository), not the working
    // directory: the one committed copy, in Tests/Fixtures, which is in no target's path.
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/Fixtures/python-default-converter-vectors.json")

    static func payload(named name: String) throws -> Payload {
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        guard let entry = file.cases.first(where: { $0.name == name }) else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "no vector \(name)"])
        }
        return Payload(
            metadata: entry.metadata.mapValues { Data($0.utf8) },
            data: Data(base64Encoded: entry.data_base64) ?? Data()
        )
    }
}
