import Foundation

/// Builds valid-but-adversarial YAML contracts from a seed: names that collide after Swift naming,
/// long `$ref` chains, recursive types, huge enums, Unicode identifiers and Swift keywords in every
/// position. The same seed always builds the same contract, so a failure reproduces from it.
struct AdversarialContractBuilder {
    /// One kind of hostility a contract can carry; a contract mixes several.
    enum Feature: String, CaseIterable, Sendable {
        case collisions
        case referenceChain
        case recursion
        case bigEnum
        case unicode
        case keywords
    }

    /// Names that mean something to Swift: keywords, contextual keywords and standard library types.
    static let swiftNames = [
        "class", "self", "Self", "Type", "Protocol", "init", "deinit", "default", "where", "Any", "_", "struct", "enum",
        "func", "let", "var", "return", "if", "in", "is", "as", "try", "throws", "rethrows", "async", "await", "subscript",
        "extension", "import", "protocol", "static", "super", "nil", "true", "false", "inout", "operator",
        "associatedtype", "case", "switch", "for", "while", "repeat", "guard", "defer", "do", "catch", "break", "continue",
        "fallthrough", "public", "private", "internal", "fileprivate", "open", "some", "any", "Sendable", "Codable",
        "Hashable", "String", "Int", "Optional", "Array", "Error", "Result", "Never", "Void", "description", "hashValue",
        "rawValue", "allCases", "CodingKeys", "init_", "_self", "__", "Type_",
    ]

    /// Identifiers outside ASCII: accented Latin, CJK, emoji and combining marks.
    static let unicodeNames = ["café", "Über", "größe", "注文", "顧客ID", "🚀", "rocket🚀", "naïve", "e\u{301}tat", "Ωmega"]

    var random: FuzzTests.SplitMix
    private var types: [String] = []
    private var workflows: [String] = []
    private var signals: [String] = []
    private var queries: [String] = []
    private var updates: [String] = []
    private var activities: [String] = []

    /// Leave out the forms the validator rejects by design (names that become the same Swift name,
    /// structs that contain themselves), so the contract should be accepted and its output compile.
    var acceptable: Bool

    init(seed: UInt64, acceptable: Bool = false) {
        random = FuzzTests.SplitMix(state: seed)
        self.acceptable = acceptable
    }

    /// `pool` without names that differ only in case or underscores, which the validator rejects as
    /// one Swift name (`init` and `init_`, `Self` and `self`).
    static func distinctInSwift(_ pool: [String]) -> [String] {
        var seen = Set<String>()
        return pool.filter { seen.insert($0.lowercased().replacingOccurrences(of: "_", with: "")).inserted }
    }

    /// A JSON-style double-quoted YAML scalar, so any name survives YAML intact.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A contract named `name` carrying `features`, as YAML text.
    mutating func contract(name: String, features: Set<Feature>) -> String {
        types = []
        workflows = []
        signals = []
        queries = []
        updates = []
        activities = []
        // Every contract has a plain base so the handlers below have something to carry.
        types.append("  Base:\n    type: object\n    required: [id]\n    properties:\n      id: { type: string }")
        for feature in Feature.allCases where features.contains(feature) {
            switch feature {
            case .collisions: addCollisions()
            case .referenceChain: addReferenceChain(length: Int.random(in: 50...200, using: &random))
            case .recursion: addRecursion()
            case .bigEnum: addBigEnum(count: 10_000)
            case .unicode: addNames(from: acceptable ? Self.distinctInSwift(Self.unicodeNames) : Self.unicodeNames)
            case .keywords: addNames(from: acceptable ? Self.distinctInSwift(Self.swiftNames) : Self.swiftNames)
            }
        }
        if workflows.isEmpty { workflows.append("  Run:\n    input: Base") }
        var text = "contract: 1\nname: \(Self.quoted(name))\ntaskQueue: adversarial\n"
        for (key, entries) in [
            ("types", types), ("workflows", workflows), ("signals", signals), ("queries", queries),
            ("updates", updates), ("activities", activities),
        ] where !entries.isEmpty {
            text += "\n\(key):\n" + entries.joined(separator: "\n") + "\n"
        }
        return text
    }

    private mutating func addCollisions() {
        if acceptable {
            // One name shared by a type, a workflow, its signal and an activity: distinct kinds.
            types.append("  ShipOrder:\n    type: object\n    required: [ship_order]\n    properties:\n      ship_order: { type: string }")
            workflows.append("  ShipOrder:\n    input: ShipOrder\n    output: ShipOrder\n    signals: [ShipOrder]\n    queries: [Base]")
            signals.append("  ShipOrder: { input: ShipOrder }")
            queries.append("  Base: { output: Base }")
            activities.append("  ShipOrder: { input: ShipOrder, output: ShipOrder }")
            return
        }
        types.append(
            """
              Order:
                type: object
                required: [order_id, orderId]
                properties:
                  order_id: { type: string }
                  orderId: { type: integer }
                  OrderID: { type: boolean }
                  order__id: { type: number }
              order:
                type: string
                enum: [open, Open, OPEN, open_, "open-", "1"]
              order_status: { type: string }
              OrderStatus: { type: integer }
            """
        )
        workflows.append("  ship_order:\n    input: Order\n    signals: [get_status, getStatus]\n    queries: [GetStatus]")
        workflows.append("  ShipOrder:\n    input: order\n    updates: [get_Status]")
        signals.append("  get_status: { input: Order }\n  getStatus: { input: order }")
        queries.append("  GetStatus: { output: OrderStatus }")
        updates.append("  get_Status: { input: order_status, output: Order }")
        activities.append("  charge_card: { input: Order }\n  ChargeCard: { input: order }\n  chargeCard: {}")
    }

    private mutating func addReferenceChain(length: Int) {
        // Objects that each hold the next, and plain aliases that each name the next.
        for index in 0..<length {
            let next = index + 1 < length ? "{ $ref: Link\(index + 1) }" : "{ type: string }"
            types.append("  Link\(index):\n    type: object\n    properties:\n      next: \(next)")
            let alias = index + 1 < length ? "{ $ref: Alias\(index + 1) }" : "{ type: string, format: uuid }"
            types.append("  Alias\(index): \(alias)")
        }
        workflows.append("  FollowChain:\n    params:\n      - { name: head, type: Link0 }\n      - { name: alias, type: Alias0 }")
    }

    private mutating func addRecursion() {
        if acceptable {
            // Recursion through arrays and dictionaries, which Swift structs can hold.
            types.append(
                """
                  Tree:
                    type: object
                    required: [children]
                    properties:
                      children: { type: array, items: { $ref: Tree } }
                      byName: { type: object, additionalProperties: { $ref: Tree } }
                  Ping:
                    type: object
                    properties:
                      pongs: { type: array, items: { $ref: Pong } }
                  Pong:
                    type: object
                    properties:
                      pings: { type: array, items: { $ref: Ping } }
                """
            )
            workflows.append("  Walk:\n    input: Tree\n    output: Ping")
            activities.append("  Bounce: { input: Pong, output: Ping }")
            return
        }
        types.append(
            """
              Tree:
                type: object
                required: [children]
                properties:
                  children: { type: array, items: { $ref: Tree } }
                  parent: { $ref: Tree }
                  byName: { type: object, additionalProperties: { $ref: Tree } }
              Ping:
                type: object
                properties:
                  pong: { $ref: Pong }
              Pong:
                type: object
                properties:
                  ping: { $ref: Ping }
                  pings: { type: array, items: { $ref: Ping } }
            """
        )
        workflows.append("  Walk:\n    input: Tree\n    output: Ping")
        activities.append("  Bounce: { input: Pong, output: Ping }")
    }

    private mutating func addBigEnum(count: Int) {
        let values = (0..<count).map { index -> String in
            // Mix plain, colliding and keyword-shaped values; all distinct as strings.
            switch index % 4 {
            case 0: "v\(index)"
            case 1: "value_\(index)"
            case 2: "Value\(index)x"
            default: "k\(index)-\(index)"
            }
        }
        types.append("  Huge:\n    type: string\n    enum: [" + values.map(Self.quoted).joined(separator: ", ") + "]")
        queries.append("  HugeQuery: { output: Huge }")
        workflows.append("  Enumerate:\n    input: Huge\n    queries: [HugeQuery]")
    }

    /// Uses `pool` names as types, fields, enum values, handlers, activities and parameters.
    private mutating func addNames(from pool: [String]) {
        let picked = Array(pool.shuffled(using: &random).prefix(Int.random(in: 4...pool.count, using: &random)))
        let tag = picked.count
        let properties = picked.map { "      \(Self.quoted($0)): { type: string }" }.joined(separator: "\n")
        types.append("  Names\(tag):\n    type: object\n    properties:\n" + properties)
        types.append("  NameCases\(tag):\n    type: string\n    enum: [" + picked.map(Self.quoted).joined(separator: ", ") + "]")
        for name in picked.prefix(3) {
            types.append("  \(Self.quoted(name)): { type: string }")
        }
        let handler = picked[0]
        let params = picked.prefix(4).map { "      - { name: \(Self.quoted($0)), type: string }" }.joined(separator: "\n")
        workflows.append("  \(Self.quoted(picked[1])):\n    params:\n\(params)\n    signals: [\(Self.quoted(handler))]")
        signals.append("  \(Self.quoted(handler)):\n    params:\n\(params)")
        queries.append("  \(Self.quoted(picked[2])): { output: \(Self.quoted("Names\(tag)")) }")
        updates.append("  \(Self.quoted(picked[3])): { input: \(Self.quoted("NameCases\(tag)")) }")
        activities.append("  \(Self.quoted(picked[2])):\n    params:\n\(params)")
    }
}
