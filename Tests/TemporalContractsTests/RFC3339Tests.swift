import Foundation
import Testing
import TemporalContracts

// Dates cross the wire as RFC 3339 text. Swift must read every form the SDKs write (Go's `Z` and
// nanoseconds, Python's `+00:00` and microseconds, TypeScript's milliseconds) and write the one
// form all of them read.
@Suite("RFC 3339 dates")
struct RFC3339Tests {
    /// 2026-11-22T08:30:15Z
    static let base: TimeInterval = 1_795_336_215

    @Test(
        "parses the offset and separator forms",
        arguments: [
            ("2026-11-22T08:30:15Z", RFC3339Tests.base),
            ("2026-11-22T08:30:15z", RFC3339Tests.base),
            ("2026-11-22t08:30:15Z", RFC3339Tests.base),
            ("2026-11-22 08:30:15Z", RFC3339Tests.base),
            ("2026-11-22T08:30:15+00:00", RFC3339Tests.base),
            ("2026-11-22T08:30:15-00:00", RFC3339Tests.base),
            // Local 08:30:15 at -05:30 is 14:00:15 UTC; at +05:30 it is 03:00:15 UTC.
            ("2026-11-22T08:30:15-05:30", RFC3339Tests.base + 5.5 * 3600),
            ("2026-11-22T08:30:15+05:30", RFC3339Tests.base - 5.5 * 3600),
            // An offset can move the date across midnight and a year boundary.
            ("2026-12-31T23:30:00-01:00", 1_798_763_400),
            ("2024-02-29T00:00:00Z", 1_709_164_800),
            ("2000-02-29T00:00:00Z", 951_782_400),  // divisible by 400: a leap year
        ]
    )
    func parsesForms(text: String, expected: TimeInterval) throws {
        let date = try #require(RFC3339.date(from: text))
        #expect(date.timeIntervalSince1970 == expected)
    }

    @Test("parses 1 to 9 fraction digits", arguments: 1...9)
    func parsesFractionDigits(digits: Int) throws {
        let fraction = String("123456789".prefix(digits))
        let date = try #require(RFC3339.date(from: "2026-11-22T08:30:15.\(fraction)Z"))
        let expected = Double("0.\(fraction)")!
        // A Date near 2026 resolves about 0.24 µs, so nanoseconds only need to land within that.
        #expect(abs(date.timeIntervalSince1970 - (Self.base + expected)) < 5e-7)
    }

    @Test(
        "rejects text that is not an RFC 3339 date-time",
        arguments: [
            "",
            "2026-13-01T00:00:00Z",  // month 13
            "2026-00-01T00:00:00Z",  // month 0
            "2026-11-00T00:00:00Z",  // day 0
            "2026-11-32T00:00:00Z",  // day 32
            "2026-02-30T00:00:00Z",  // no 30 February
            "2025-02-29T00:00:00Z",  // not a leap year
            "1900-02-29T00:00:00Z",  // divisible by 100, not 400: not a leap year
            "2026-04-31T00:00:00Z",  // April has 30 days
            "2026-11-22T24:00:00Z",  // hour 24
            "2026-11-22T08:60:00Z",  // minute 60
            "2026-11-22T08:30:15",  // missing offset
            "2026-11-22T08:30:15Z junk",  // trailing junk
            "2026-11-22T08:30:15+00:00Z",  // two offsets
            "2026-11-22T08:30:15.Z",  // a dot without digits
            "2026-11-22T08:30:15+0000",  // offset without colon
            "2026-11-22T08:30:15+24:00",  // offset hour out of range
            "2026-11-22T08:30:15+05:60",  // offset minute out of range
            "2026-11-22",  // date only
            "26-11-22T08:30:15Z",  // two-digit year
            "2026-11-22X08:30:15Z",  // bad separator
            "2026-1-22T08:30:15Z",  // one-digit month
            "２０２６-11-22T08:30:15Z",  // non-ASCII digits
        ]
    )
    func rejectsGarbage(text: String) {
        #expect(RFC3339.date(from: text) == nil)
    }

    @Test(
        "formats dates as UTC with six fraction digits and reads them back",
        arguments: [
            (0, "1970-01-01T00:00:00.000000+00:00"),
            (-0.5, "1969-12-31T23:59:59.500000+00:00"),
            (-1, "1969-12-31T23:59:59.000000+00:00"),
            (-86_400.25, "1969-12-30T23:59:59.750000+00:00"),
            (-2_203_848_000, "1900-03-01T12:00:00.000000+00:00"),
            (-62_135_596_800, "0001-01-01T00:00:00.000000+00:00"),
            (1_709_164_800, "2024-02-29T00:00:00.000000+00:00"),
            (RFC3339Tests.base + 0.123456, "2026-11-22T08:30:15.123456+00:00"),
            (4_102_444_800, "2100-01-01T00:00:00.000000+00:00"),
            (253_402_300_799.5, "9999-12-31T23:59:59.500000+00:00"),
        ]
    )
    func formatsAndRoundTrips(seconds: TimeInterval, text: String) throws {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(RFC3339.string(from: date) == text)
        let parsed = try #require(RFC3339.date(from: text))
        #expect(abs(parsed.timeIntervalSince1970 - seconds) < 1e-6)
        #expect(RFC3339.string(from: parsed) == text)
    }

    // Formatting rounds to the nearest microsecond; a carry must move into the seconds (and
    // further) instead of printing a seventh digit or `.1000000`.
    @Test(
        "rounds to the nearest microsecond, carrying across second boundaries",
        arguments: [
            (RFC3339Tests.base + 0.9999996, "2026-11-22T08:30:16.000000+00:00"),
            (RFC3339Tests.base + 0.9999994, "2026-11-22T08:30:15.999999+00:00"),
            (1_798_761_599.9999996, "2027-01-01T00:00:00.000000+00:00"),
            (0.0000004, "1970-01-01T00:00:00.000000+00:00"),
            (0.0000006, "1970-01-01T00:00:00.000001+00:00"),
            (-0.0000004, "1970-01-01T00:00:00.000000+00:00"),
            (-0.0000006, "1969-12-31T23:59:59.999999+00:00"),
            (-0.9999996, "1969-12-31T23:59:59.000000+00:00"),
        ]
    )
    func roundsMicroseconds(seconds: TimeInterval, text: String) {
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: seconds)) == text)
    }

    // The payload converter's JSON coders use these, for dates nested anywhere in a value.
    @Test("TemporalJSON reads every SDK's date form and writes Python's")
    func temporalJSONCoders() throws {
        struct Event: Codable, Equatable {
            var at: Date
        }
        let decoder = TemporalJSON.makeDecoder()
        for text in ["2026-11-22T08:30:15Z", "2026-11-22T08:30:15.000Z", "2026-11-22T08:30:15.000000000+00:00"] {
            let event = try decoder.decode(Event.self, from: Data(#"{"at":"\#(text)"}"#.utf8))
            #expect(event.at.timeIntervalSince1970 == Self.base, "\(text)")
        }
        let written = try TemporalJSON.makeEncoder().encode(Event(at: Date(timeIntervalSince1970: Self.base)))
        #expect(String(decoding: written, as: UTF8.self) == #"{"at":"2026-11-22T08:30:15.000000+00:00"}"#)

        let error = try #require(throws: DecodingError.self) {
            try decoder.decode(Event.self, from: Data(#"{"at":"2026-11-22"}"#.utf8))
        }
        guard case .dataCorrupted(let context) = error else {
            Issue.record("expected .dataCorrupted, got \(error)")
            return
        }
        #expect(context.codingPath.map(\.stringValue) == ["at"])
    }
}
