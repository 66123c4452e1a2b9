import Foundation

/// The slug of `.slug()` in ID expressions, following gosimple/slug's `Make` (the library behind
/// Bloblang's `slug`): `&` → `and`, `@` → `at`, quotes dropped, dashes unified, Latin letters
/// without their accents, lowercase, every other character a `-`, runs of `-` collapsed and
/// leading or trailing `-`/`_` trimmed.
///
/// Scripts that gosimple/unidecode transliterates (Cyrillic, Greek, CJK, …) are not: their
/// letters become separators here, so keep such text out of slugged IDs when Go and Swift clients
/// must derive the same ID.
enum IDSlug {
    static func make(_ text: String) -> String {
        var ascii = ""
        for character in text.trimmingCharacters(in: .whitespacesAndNewlines) {
            if let replacement = substitutions[character] {
                ascii += replacement
                continue
            }
            for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars {
                if scalar.isASCII {
                    ascii.unicodeScalars.append(scalar)
                } else if let replacement = letters[scalar] {
                    ascii += replacement
                } else if scalar.properties.generalCategory == .nonspacingMark {
                    continue
                } else {
                    ascii += "-"
                }
            }
        }
        var slug = ""
        for scalar in ascii.lowercased().unicodeScalars {
            let allowed = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
            let next: Character = allowed ? Character(scalar) : "-"
            if next == "-", slug.last == "-" { continue }
            slug.append(next)
        }
        return slug.trimmingCharacters(in: CharacterSet(charactersIn: "-_"))
    }

    /// gosimple/slug's English and default substitutions.
    private static let substitutions: [Character: String] = [
        "&": "and", "@": "at", "\"": "", "'": "", "\u{2019}": "", "\u{2012}": "-", "\u{2013}": "-", "\u{2014}": "-",
        "\u{2015}": "-",
    ]

    /// Letters unidecode spells out that canonical decomposition leaves alone.
    private static let letters: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "œ": "oe",
        "Œ": "OE", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ı": "i", "€": "EU",
    ]
}
