/// Small pieces of English for generated doc comments.
enum Prose {
    /// "an `Order`", "a `LineItem`", "an `HTTPRequest`": the indefinite article goes by the sound of
    /// the name's first letter, spelled out when the name starts with an acronym.
    static func indefinite(_ name: String, capitalized: Bool = false) -> String {
        let article = article(for: name)
        return "\(capitalized ? article.prefix(1).uppercased() + article.dropFirst() : article) `\(name)`"
    }

    static func article(for word: String) -> String {
        let letters = word.drop { !$0.isLetter }
        guard let first = letters.first else { return "a" }
        let second = letters.dropFirst().first
        // Acronyms are read letter by letter: "an HTTP request", "a URL".
        if first.isUppercase, second?.isUppercase == true {
            return "AEFHILMNORSX".contains(first) ? "an" : "a"
        }
        let lower = letters.lowercased()
        if ["uni", "use", "usu", "uti", "eu", "one"].contains(where: lower.hasPrefix) { return "a" }
        return "aeiou".contains(lower.prefix(1)) ? "an" : "a"
    }
}
