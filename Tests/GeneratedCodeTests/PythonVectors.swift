import Foundation
import TemporalContracts

/// The payloads the Python SDK's default converter produced (`shared/interop`).
enum PythonVectors {
    struct File: Decodable {
        struct Case: Decodable {
            var name: String
            var metadata: [String: String]
            var data_base64: String
        }

        var cases: [Case]
    }

    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("shared/interop/python-default-converter-vectors.json")

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
