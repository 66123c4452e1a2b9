import Foundation

/// A value that could not be turned into a payload, or a payload that could not be read as the
/// expected type. It names the encoding, the Swift type and, for JSON, the field path.
public struct PayloadConversionError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// No converter in the chain handles this `encoding` metadata value.
        case unknownEncoding
        /// The payload has no `encoding` metadata.
        case missingEncoding
        /// The bytes do not decode as the target type.
        case malformedData(String)
        /// No converter in the chain can encode values of this type.
        case unsupportedType
        /// A positional argument list had fewer payloads than parameters.
        case missingArgument(index: Int)
        /// A positional argument list had more payloads than parameters. The other SDKs fail
        /// such a call (Python's `run() takes 3 positional arguments but 4 were given`) rather
        /// than drop the values a newer caller meant to pass.
        case extraArguments(expected: Int, received: Int)
        /// The JSON nests arrays and objects deeper than the decoder reads; `depth` is how deep
        /// it goes.
        case nestingTooDeep(limit: Int, depth: Int)
    }

    public var reason: Reason
    /// The payload's `encoding`, when there was one.
    public var encoding: String?
    /// The Swift type being encoded or decoded.
    public var typeName: String
    /// Where in the value decoding failed, e.g. `items[1].unit_price`; empty at the top.
    public var fieldPath: String

    public init(_ reason: Reason, encoding: String?, typeName: String, fieldPath: String = "") {
        self.reason = reason
        self.encoding = encoding
        self.typeName = typeName
        self.fieldPath = fieldPath
    }

    public var description: String {
        let field = fieldPath.isEmpty ? "" : " at '\(fieldPath)'"
        switch reason {
        case .unknownEncoding:
            return "cannot decode \(typeName): no converter for payload encoding '\(encoding ?? "")'"
        case .missingEncoding:
            return "cannot decode \(typeName): the payload has no 'encoding' metadata"
        case .malformedData(let detail):
            return "cannot decode \(typeName) from '\(encoding ?? "")'\(field): \(detail)"
        case .unsupportedType:
            return "cannot encode \(typeName): no payload converter handles this type"
        case .missingArgument(let index):
            return "cannot decode \(typeName)\(field): argument \(index + 1) is missing"
        case .extraArguments(let expected, let received):
            return "cannot decode \(typeName): expected \(expected) argument\(expected == 1 ? "" : "s") but received \(received)"
        case .nestingTooDeep(let limit, let depth):
            return
                "cannot decode \(typeName) from '\(encoding ?? "")'\(field): the JSON nests \(depth) levels deep; "
                + "the decoder reads at most \(limit) levels of arrays and objects"
        }
    }

    /// Turns a `DecodingError` into a field-path error.
    static func decoding(_ error: any Error, encoding: String, typeName: String, pathPrefix: String = "") -> Self {
        guard let decodingError = error as? DecodingError else {
            return Self(.malformedData("\(error)"), encoding: encoding, typeName: typeName, fieldPath: pathPrefix)
        }
        let path: [any CodingKey]
        let detail: String
        switch decodingError {
        case .typeMismatch(let type, let context):
            path = context.codingPath
            detail = "expected \(type): \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            path = context.codingPath
            detail = "expected \(type) but found null"
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
            detail = "the required field is missing"
        case .dataCorrupted(let context):
            path = context.codingPath
            detail = context.underlyingError.map { "\(context.debugDescription) (\($0))" } ?? context.debugDescription
        @unknown default:
            path = []
            detail = "\(decodingError)"
        }
        return Self(
            .malformedData(detail),
            encoding: encoding,
            typeName: typeName,
            fieldPath: fieldPath(pathPrefix, path)
        )
    }

    static func fieldPath(_ prefix: String, _ keys: [any CodingKey]) -> String {
        var text = prefix
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }
}
