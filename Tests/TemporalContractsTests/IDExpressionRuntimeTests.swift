import Foundation
import TemporalContracts
import Testing

/// The runtime of `${! … }` ID expressions: gosimple/slug's slugs, segmentio/ksuid's and
/// go-nanoid's formats, and Bloblang's value semantics.
struct IDExpressionRuntimeTests {
    /// gosimple/slug's own test vectors (`TestSlugMake`) for Latin text, which the Swift slug matches.
    static let slugVectors: [(String, String)] = [
        ("DOBROSLAWZYBORT", "dobroslawzybort"), ("Dobroslaw Zybort", "dobroslaw-zybort"),
        ("  Dobroslaw     Zybort  ?", "dobroslaw-zybort"), ("Dobrosław Żybort", "dobroslaw-zybort"),
        ("Ala ma 6 kotów.", "ala-ma-6-kotow"), ("áÁàÀãÃâÂäÄąĄą̊Ą̊", "aaaaaaaaaaaaaa"), ("ćĆĉĈçÇčČ", "cccccccc"),
        ("éÉèÈẽẼêÊëËęĘěĚ", "eeeeeeeeeeeeee"), ("íÍìÌĩĨîÎïÏįĮ", "iiiiiiiiiiii"), ("łŁ", "ll"), ("ńŃ", "nn"),
        ("óÓòÒõÕôÔöÖǫǪǭǬø", "ooooooooooooooo"), ("śŚšŠ", "ssss"), ("řŘ", "rr"), ("ťŤ", "tt"),
        ("úÚùÙũŨûÛüÜųŲůŮ", "uuuuuuuuuuuuuu"), ("y̨Y̨ýÝ", "yyyy"), ("źŹżŹžŽ", "zzzzzz"), ("·/,:;`˜'\"", ""),
        ("2000–2013", "2000-2013"), ("style—not", "style-not"), ("test_slug", "test_slug"), ("_test_slug_", "test_slug"),
        ("-test-slug-", "test-slug"), ("Æ", "ae"), ("Ich heiße", "ich-heisse"), ("𐀀", ""),
        ("% 5 @ 4 $ 3 / 2 & 1 & 2 # 3 @ 4 _ 5", "5-at-4-3-2-and-1-and-2-3-at-4-_-5"), ("This & that", "this-and-that"),
        ("fácil €", "facil-eu"), ("smile ☺", "smile"), ("\"C'est déjà l’été.\"", "cest-deja-lete"),
        ("jaja---lol-méméméoo--a", "jaja-lol-mememeoo-a"), ("Đanković & Kožušček", "dankovic-and-kozuscek"),
        ("ĂăÂâÎîȘșȚț", "aaaaiisstt"),
    ]

    @Test(arguments: slugVectors)
    func slugMatchesGosimpleSlug(_ vector: (String, String)) {
        #expect(IDExpressionValue.string(vector.0).slug() == .string(vector.1))
    }

    /// A source that yields `words` in turn at a fixed time.
    static func source(_ words: [UInt64], at seconds: TimeInterval = 1_507_608_047) -> WorkflowIDSource {
        let queue = WordQueue(words)
        return WorkflowIDSource(randomUInt64: { queue.next() }, now: { Date(timeIntervalSince1970: seconds) })
    }

    final class WordQueue: @unchecked Sendable {
        private var words: [UInt64]
        init(_ words: [UInt64]) { self.words = words }
        func next() -> UInt64 { words.isEmpty ? 0 : words.removeFirst() }
    }

    /// segmentio/ksuid's documented example: `0ujtsYcgvSTl8PAuAdqWYSMnLOv` is timestamp 107608047
    /// (2017-10-10 04:00:47 UTC) and payload B5A1CD34B5F99D1154FB6853345C9735.
    @Test func ksuidMatchesSegmentioFormat() {
        // Random words are consumed little-endian: these give the payload bytes B5 A1 … 97 35.
        let source = Self.source([0x119D_F9B5_34CD_A1B5, 0x3597_5C34_5368_FB54])
        #expect(source.ksuid() == "0ujtsYcgvSTl8PAuAdqWYSMnLOv")
        #expect(WorkflowIDSource.ksuidTime("0ujtsYcgvSTl8PAuAdqWYSMnLOv") == Date(timeIntervalSince1970: 1_507_608_047))
        #expect(Self.source([0, 0], at: 1_400_000_000).ksuid() == String(repeating: "0", count: 27))
        #expect(Self.source([.max, .max], at: 1_400_000_000 + 4_294_967_295).ksuid() == "aWgEPTl1tmebfsQzFP4bxwgy80V")
        #expect(WorkflowIDSource.ksuidTime("too-short") == nil)
        #expect(WorkflowIDSource.system.ksuid().count == 27)
    }

    @Test func nanoidHas21CharactersOfGoNanoidsAlphabet() {
        let alphabet = "_-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
        // Bytes 0…20 pick the first 21 symbols; 64 + n picks symbol n again (six bits).
        let first = Self.source([0x0706_0504_0302_0100, 0x0F0E_0D0C_0B0A_0908, 0x1716_1514_1312_1110])
        #expect(first.nanoid() == String(alphabet.prefix(21)))
        let wrapped = Self.source([0x4746_4544_4342_4140 | 0x8000_0000_0000_0000, 0, 0])
        #expect(wrapped.nanoid().hasPrefix("_-012345"))
        let random = WorkflowIDSource.system.nanoid()
        #expect(random.count == 21 && random.allSatisfy { alphabet.contains($0) })
    }

    @Test func uuidV4IsLowercaseVersion4() {
        let uuid = Self.source([.max, .max]).uuidV4()
        #expect(uuid == "ffffffff-ffff-4fff-bfff-ffffffffffff")
        #expect(UUID(uuidString: WorkflowIDSource.system.uuidV4())?.uuidString.lowercased() != nil)
    }

    @Test func valuesFollowBloblang() throws {
        #expect(IDExpressionValue.null.or(.string("World")) == .string("World"))
        #expect(IDExpressionValue.string("").or(.string("World")) == .string(""))
        #expect(IDExpressionValue.failure("boom").or(.string("x")) == .string("x"))
        #expect(IDExpressionValue.null.catch(.string("x")) == .null)
        #expect(IDExpressionValue.string("").notEmpty().catch(.string("default")) == .string("default"))
        #expect(IDExpressionValue.number(30).string() == .string("30"))
        #expect(IDExpressionValue.number(0.5).string() == .string("0.5"))
        #expect(IDExpressionValue.bool(true).string() == .string("true"))
        #expect(IDExpressionValue.null.string() == .string("null"))
        #expect(IDExpressionValue.string("42").int64() == .number(42))
        #expect(IDExpressionValue.string("Ab").uppercase() == .string("AB"))
        // protojson: zero values are absent, 64-bit integers strings, floats their shortest digits.
        #expect(IDExpressionValue(protoField: "") == .null)
        #expect(IDExpressionValue(protoField: Int64(7)) == .string("7"))
        #expect(IDExpressionValue(protoField: Int32(7)) == .number(7))
        #expect(IDExpressionValue(protoField: Float(0.1)).string() == .string("0.1"))
        #expect(IDExpressionValue(protoEnum: 2, names: [1: "EN", 2: "FR"]) == .string("FR"))
        #expect(IDExpressionValue(protoEnum: 0, names: [0: "UNSPECIFIED"]) == .null)
        // Fields that track presence (`optional`, explicit presence) are absent only when unset.
        #expect(IDExpressionValue(protoField: "", isPresent: true) == .string(""))
        #expect(IDExpressionValue(protoField: "x", isPresent: false) == .null)
        #expect(IDExpressionValue(protoField: Int32(0), isPresent: true) == .number(0))
        #expect(IDExpressionValue(protoEnum: 0, names: [0: "UNSPECIFIED"], isPresent: true) == .string("UNSPECIFIED"))
        #expect(throws: IDExpressionError(message: "expected string result, got number", expression: "n")) {
            try IDExpressionValue.number(3).text(of: "n")
        }
        #expect(throws: IDExpressionError(message: "expected string result, got null", expression: "name")) {
            try IDExpressionValue(protoField: "").text(of: "name")
        }
        #expect(throws: IDExpressionError(message: "name is required", expression: "x")) {
            try IDExpressionValue.null.or(.throw("name is required")).text(of: "x")
        }
    }
}
