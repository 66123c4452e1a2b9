import Foundation

/// Derives idiomatic Swift identifiers from wire names: `order_id` → `orderID`,
/// `line-item` → `LineItem`, `default` → `default` between backticks, `3ds` → `_3ds`. Wire names
/// themselves are never changed; only the Swift side is.
public enum SwiftNaming {
    /// Words written in capitals in Swift (the API Design Guidelines' rule for acronyms).
    static let acronyms: Set<String> = [
        "id", "ids", "url", "urls", "uri", "uuid", "uuids", "http", "https", "api", "json", "xml", "html", "sql",
        "ip", "tcp", "udp", "tls", "ssl", "sku", "skus", "utc", "ttl", "dns", "cpu", "iso", "ui",
    ]

    /// Words that must be escaped with backticks to be used as identifiers.
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "operator", "private", "precedencegroup", "protocol", "public", "rethrows",
        "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default",
        "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch",
        "where", "while", "as", "Any", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try",
        "await", "async", "some", "any", "consume", "borrowing", "consuming",
    ]

    /// The types generated code declares in every contract's namespace; a contract type of the same
    /// name takes a trailing underscore (`Client` → `Client_`).
    public static let generatedTypeNames: Set<String> = [
        "Client", "ClientProtocol", "MockClient", "MockActivities", "ActivityImplementations", "ActivityStubs",
        "ChildWorkflowStubs", "Workflows", "Signals", "Queries", "Updates", "Activities", "SearchAttributes",
    ]

    /// The modules generated code qualifies type names with (`Swift.String`,
    /// `TemporalContracts.Payload`); a type of one of these names would hide its module.
    public static let moduleNames: Set<String> = [
        "Swift", "Foundation", "TemporalContracts", "TemporalContractsProtobuf", "SwiftProtobuf",
    ]

    /// Names a contract type cannot take as they are: `Type` and `Protocol` mean the metatype after a
    /// dot, `CodingKeys` is the nested enum of every payload struct, and the names above.
    static let reservedTypeNames = Set(["Type", "Protocol", "CodingKeys"]).union(generatedTypeNames).union(moduleNames)

    /// Names a contract (a namespace at the top level of the user's module) must not take: the
    /// modules generated code qualifies with, and the standard types the user's own code would
    /// lose to the namespace.
    static let reservedContractNames = Set([
        "Type", "Protocol", "String", "Int", "Int32", "Int64", "Double", "Float", "Bool", "Data", "Date", "UUID",
        "Array", "Dictionary", "Optional", "Result", "Error", "Codable", "Sendable", "Hashable", "Encoder", "Decoder",
        "Void", "Never", "Duration",
    ]).union(moduleNames)

    /// How `words(_:)` sees a character.
    enum CharacterKind {
        case upper, lower, digit, otherLetter, separator
    }

    /// ASCII, nearly every wire name, is classified without the Unicode property lookups that
    /// otherwise dominate naming a large contract.
    static func kind(of character: Character) -> CharacterKind {
        if let ascii = character.asciiValue {
            switch ascii {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): return .upper
            case UInt8(ascii: "a")...UInt8(ascii: "z"): return .lower
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
            default: return .separator
            }
        }
        if character.isUppercase { return .upper }
        if character.isLowercase { return .lower }
        if character.isNumber { return .digit }
        return character.isLetter ? .otherLetter : .separator
    }

    /// Splits a wire name into words at separators, case changes and letter/digit boundaries.
    static func words(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        let characters = Array(name)
        let kinds = characters.map(kind(of:))
        for (index, character) in characters.enumerated() {
            let kind = kinds[index]
            guard kind != .separator else {
                if !current.isEmpty { words.append(current) }
                current = ""
                continue
            }
            if !current.isEmpty {
                let last = kinds[index - 1]
                let next = index + 1 < kinds.count ? kinds[index + 1] : nil
                let startsWord =
                    (last == .lower && kind == .upper)
                    || (last == .upper && kind == .upper && next == .lower)
                    || ((last == .digit) != (kind == .digit) && !(last == .digit && kind == .lower))
                if startsWord {
                    words.append(current)
                    current = ""
                }
            }
            current.append(character)
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    static func capitalized(_ word: String) -> String {
        let lower = word.lowercased()
        if acronyms.contains(lower) {
            // "ids" → "IDs", not "IDS".
            return lower.hasSuffix("s") && acronyms.contains(String(lower.dropLast()))
                ? lower.dropLast().uppercased() + "s" : lower.uppercased()
        }
        return lower.prefix(1).uppercased() + lower.dropFirst()
    }

    /// `order_status` → `OrderStatus`.
    public static func typeName(_ wireName: String) -> String {
        identifier(typeStem(wireName), isType: true)
    }

    /// `order_status` → `OrderStatus`, without renaming reserved names: the stem of composed names
    /// such as `startOrderStatus` or `OrderStatusHandle`.
    static func typeStem(_ wireName: String) -> String {
        let name = words(wireName).map(capitalized).joined()
        guard let first = name.first else { return "Unnamed" }
        return first.isNumber ? "_" + name : name
    }

    /// `order_id` → `orderID`, `URL` → `url`.
    public static func memberName(_ wireName: String) -> String {
        let parts = words(wireName)
        guard let first = parts.first else { return "unnamed" }
        let head = first.lowercased()
        let name = head + parts.dropFirst().map(capitalized).joined()
        return identifier(name, isType: false)
    }

    /// Member names that backticks cannot save: a stored property named `self` shadows `self` in
    /// the initializer, `init`/`Type` have meanings of their own after a dot, and a stored
    /// `hashValue` would implement `Hashable`'s deprecated requirement.
    static let reservedMemberNames: Set<String> = ["self", "init", "Type", "Protocol", "hashValue"]

    /// Adds `_` before a leading digit, `_` after names reserved even with backticks, and backticks
    /// around other keywords.
    static func identifier(_ name: String, isType: Bool) -> String {
        var name = name
        if name.first?.isNumber == true { name = "_" + name }
        if !isType, reservedMemberNames.contains(name) { return name + "_" }
        if keywords.contains(name) || (isType && reservedTypeNames.contains(name)) {
            return isType ? name + "_" : "`\(name)`"
        }
        return name
    }

    /// The identifier without backticks, for comparing names.
    public static func unescaped(_ name: String) -> String {
        // Called for every member and parameter: Foundation's `replacingOccurrences` bridges through
        // NSString even when there is nothing to replace, which was 8% of generating a large contract.
        guard name.utf8.contains(UInt8(ascii: "`")) else { return name }
        return String(name.filter { $0 != "`" })
    }

    /// The keyword Swift does not accept as an argument label without backticks (every other keyword
    /// is a valid label as it is, and warns when escaped).
    static let labelKeywords: Set<String> = ["inout"]

    /// `name` as an argument label: without backticks, except for the few keywords that need them
    /// there too (`inout`).
    static func argumentLabel(_ name: String) -> String {
        let bare = unescaped(name)
        return labelKeywords.contains(bare) ? "`\(bare)`" : bare
    }

    /// Whether `name` can name a contract, the Swift namespace of its generated code, as it is.
    public static func isValidTypeName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isUppercase else { return false }
        return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
            && !reservedContractNames.contains(name) && !keywords.contains(name)
    }

    /// A Swift string literal for `text`, escaped.
    public static func stringLiteral(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
