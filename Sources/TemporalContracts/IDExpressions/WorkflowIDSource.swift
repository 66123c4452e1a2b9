import Foundation

/// Where the random functions of a contract's ID expressions (`uuid_v4()`, `nanoid()`, `ksuid()`)
/// draw their randomness and time from.
///
/// A client uses ``system``. Workflow code starting a child uses the workflow's deterministic
/// random and clock (``WorkflowContext/idSource``), so a replay derives the same child ID.
public struct WorkflowIDSource {
    /// The next 64 random bits.
    public var randomUInt64: () -> UInt64
    /// The current time, which a KSUID encodes.
    public var now: () -> Date

    /// A source drawing from the given random numbers and clock.
    public init(randomUInt64: @escaping () -> UInt64, now: @escaping () -> Date) {
        self.randomUInt64 = randomUInt64
        self.now = now
    }

    /// The system's cryptographic random number generator and clock.
    public static var system: WorkflowIDSource {
        WorkflowIDSource(
            randomUInt64: {
                var generator = SystemRandomNumberGenerator()
                return generator.next()
            },
            now: { Date() }
        )
    }

    /// `uuid_v4()`: a random version 4 UUID in lowercase, hyphenated form.
    public func uuidV4() -> String {
        var bytes = randomBytes(16)
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(hex.dropFirst(range.lowerBound).prefix(range.count))
        }
        return groups.joined(separator: "-")
    }

    /// `nanoid()`: 21 characters of the alphabet `_-0-9a-zA-Z`, as go-nanoid's default.
    public func nanoid() -> String {
        let alphabet = Array("_-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        // 64 symbols: the low six bits of a byte pick one without bias.
        return String(randomBytes(21).map { alphabet[Int($0 & 63)] })
    }

    /// `ksuid()`: a 27-character base62 KSUID as segmentio/ksuid makes it: a 4-byte big-endian
    /// timestamp in seconds since 2014-05-13 16:53:20 UTC (Unix 1400000000), then 16 random bytes.
    public func ksuid() -> String {
        let seconds = UInt32(clamping: Int64(now().timeIntervalSince1970.rounded(.down)) - Self.ksuidEpoch)
        let timestamp = (0..<4).map { UInt8(truncatingIfNeeded: seconds >> (8 * (3 - $0))) }
        return Self.base62(timestamp + randomBytes(16), length: 27)
    }

    /// The Unix time of KSUID's epoch.
    public static let ksuidEpoch: Int64 = 1_400_000_000

    /// The time a KSUID encodes, or nil when `ksuid` is not 27 base62 characters.
    public static func ksuidTime(_ ksuid: String) -> Date? {
        guard let bytes = base62Decode(ksuid, byteCount: 20), ksuid.count == 27 else { return nil }
        let seconds = bytes.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return Date(timeIntervalSince1970: TimeInterval(Int64(seconds) + ksuidEpoch))
    }

    private func randomBytes(_ count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < count {
            let word = randomUInt64()
            for index in 0..<8 where bytes.count < count {
                bytes.append(UInt8(truncatingIfNeeded: word >> (8 * UInt64(index))))
            }
        }
        return bytes
    }

    private static let base62Alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    /// Big-endian base62 of `bytes`, left-padded with "0" to `length`.
    private static func base62(_ bytes: [UInt8], length: Int) -> String {
        var number = bytes
        var digits: [Character] = []
        while number.contains(where: { $0 != 0 }) {
            var remainder = 0
            for index in number.indices {
                let value = remainder * 256 + Int(number[index])
                number[index] = UInt8(value / 62)
                remainder = value % 62
            }
            digits.append(base62Alphabet[remainder])
        }
        while digits.count < length { digits.append("0") }
        return String(digits.reversed())
    }

    private static func base62Decode(_ text: String, byteCount: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: byteCount)
        for character in text {
            guard let digit = base62Alphabet.firstIndex(of: character) else { return nil }
            var carry = digit
            for index in bytes.indices.reversed() {
                let value = Int(bytes[index]) * 62 + carry
                bytes[index] = UInt8(value & 0xFF)
                carry = value >> 8
            }
            guard carry == 0 else { return nil }
        }
        return bytes
    }
}
