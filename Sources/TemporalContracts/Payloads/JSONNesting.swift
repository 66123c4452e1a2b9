import Foundation

/// Measures how deep JSON text nests, to explain a rejection Foundation's `JSONDecoder` reports
/// only as "not valid JSON": it refuses input nested deeper than ``decoderLimit`` levels.
enum JSONNesting {
    /// The deepest nesting of arrays and objects `JSONDecoder` reads; one level more fails.
    static let decoderLimit = 512
    /// Path components shown before the rest of a deep path is elided.
    static let shownPathComponents = 6

    /// Where nesting first passes the limit and how deep the text goes in all.
    struct Excess: Equatable {
        /// The path of the container that goes one level too deep, e.g. `items[0][0]…`.
        var path: String
        var depth: Int
    }

    private enum Frame {
        case array(index: Int)
        case object(key: String?, expectingKey: Bool)
    }

    /// The first place `data` nests deeper than `limit`, or nil when it never does. Works on
    /// the raw bytes in one pass, skipping strings; invalid JSON elsewhere is simply scanned.
    static func excess(in data: Data, limit: Int = decoderLimit) -> Excess? {
        var frames: [Frame] = []
        var firstPath: String?
        var deepest = 0
        var inString = false
        var escaped = false
        var keyBytes: [UInt8]?
        for byte in data {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if let bytes = keyBytes, case .object(_, true)? = frames.last {
                        frames[frames.count - 1] = .object(key: String(decoding: bytes, as: UTF8.self), expectingKey: false)
                    }
                    keyBytes = nil
                    continue
                }
                keyBytes?.append(byte)
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                if case .object(_, true)? = frames.last { keyBytes = [] }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                if frames.count == limit, firstPath == nil { firstPath = path(of: frames) }
                frames.append(byte == UInt8(ascii: "[") ? .array(index: 0) : .object(key: nil, expectingKey: true))
                deepest = max(deepest, frames.count)
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                _ = frames.popLast()
            case UInt8(ascii: ","):
                switch frames.last {
                case .array(let index)?: frames[frames.count - 1] = .array(index: index + 1)
                case .object?: frames[frames.count - 1] = .object(key: nil, expectingKey: true)
                case nil: break
                }
            default:
                break
            }
        }
        return firstPath.map { Excess(path: $0, depth: deepest) }
    }

    private static func path(of frames: [Frame]) -> String {
        let components = frames.compactMap { frame -> (any CodingKey)? in
            switch frame {
            case .array(let index): return PathKey(intValue: index)
            case .object(let key?, _): return PathKey(stringValue: key)
            case .object(nil, _): return nil
            }
        }
        let shown = PayloadConversionError.fieldPath("", Array(components.prefix(shownPathComponents)))
        return components.count > shownPathComponents ? shown + "…" : shown
    }

    /// A coding key for a path the scanner builds.
    private struct PathKey: CodingKey {
        var stringValue: String
        var intValue: Int?

        init(stringValue: String) {
            self.stringValue = stringValue
            intValue = nil
        }

        init(intValue: Int) {
            stringValue = "\(intValue)"
            self.intValue = intValue
        }
    }
}
