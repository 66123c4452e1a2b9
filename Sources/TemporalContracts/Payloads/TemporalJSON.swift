import Foundation

/// The JSON coders the payload converter uses: dates as RFC 3339 with microseconds and a numeric
/// offset, which every SDK parses (Python's `datetime.fromisoformat` before 3.11 accepts neither
/// `Z` nor other fraction lengths), and every form the SDKs write read back.
public enum TemporalJSON {
    /// An encoder writing dates the way the Python SDK does: `2026-11-22T08:30:15.123456+00:00`.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(RFC3339.string(from: date))
        }
        encoder.dataEncodingStrategy = .base64
        return encoder
    }

    /// A decoder accepting RFC 3339 dates with or without fractions, with `Z` or an offset.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = RFC3339.date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "'\(text)' is not an RFC 3339 date-time"
                )
            }
            return date
        }
        decoder.dataDecodingStrategy = .base64
        return decoder
    }
}
