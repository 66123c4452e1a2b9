import Foundation
import TemporalContracts

/// The codec protocol's body: the protobuf JSON form of `temporal.api.common.v1.Payloads`,
/// `{"payloads":[{"metadata":{"encoding":"<base64>"},"data":"<base64>"}]}`.
///
/// Parsed by hand rather than through the generated API messages so that each rejection names the
/// field that is wrong (`payloads[2].metadata.encoding is not base64`), which is what the web UI
/// and the CLI show the user.
enum PayloadsJSON {
    /// A body that is not a `Payloads` message; `description` names the offending field.
    struct MalformedBody: Error, CustomStringConvertible {
        let description: String
    }

    static func decode(_ body: Data) throws -> [Payload] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: body, options: [])
        } catch {
            throw MalformedBody(description: "the body is not JSON")
        }
        guard let object = root as? [String: Any] else {
            throw MalformedBody(description: "the body is not a JSON object with a \"payloads\" array")
        }
        // Protobuf JSON omits an empty repeated field.
        guard let entries = object["payloads"] else { return [] }
        guard let list = entries as? [Any] else {
            throw MalformedBody(description: "\"payloads\" is not an array")
        }
        return try list.enumerated().map { index, entry in try payload(entry, at: "payloads[\(index)]") }
    }

    static func encode(_ payloads: [Payload]) -> Data {
        let list: [[String: Any]] = payloads.map { payload in
            var entry: [String: Any] = [:]
            if !payload.metadata.isEmpty {
                entry["metadata"] = payload.metadata.mapValues { $0.base64EncodedString() }
            }
            if !payload.data.isEmpty { entry["data"] = payload.data.base64EncodedString() }
            return entry
        }
        // Only strings, arrays and dictionaries of them: serialization cannot fail.
        return (try? JSONSerialization.data(withJSONObject: ["payloads": list], options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }

    private static func payload(_ entry: Any, at location: String) throws -> Payload {
        guard let fields = entry as? [String: Any] else {
            throw MalformedBody(description: "\(location) is not a JSON object")
        }
        var metadata: [String: Data] = [:]
        if let value = fields["metadata"], !(value is NSNull) {
            guard let entries = value as? [String: Any] else {
                throw MalformedBody(description: "\(location).metadata is not a JSON object")
            }
            for (key, value) in entries {
                metadata[key] = try bytes(value, at: "\(location).metadata.\(key)")
            }
        }
        var data = Data()
        if let value = fields["data"], !(value is NSNull) {
            data = try bytes(value, at: "\(location).data")
        }
        return Payload(metadata: metadata, data: data)
    }

    // Protobuf JSON writes bytes as standard base64 and reads the URL-safe alphabet and unpadded
    // text too.
    private static func bytes(_ value: Any, at location: String) throws -> Data {
        guard let text = value as? String else {
            throw MalformedBody(description: "\(location) is not a base64 string")
        }
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        standard += String(repeating: "=", count: (4 - standard.count % 4) % 4)
        guard let data = Data(base64Encoded: standard) else {
            throw MalformedBody(description: "\(location) is not valid base64")
        }
        return data
    }
}
