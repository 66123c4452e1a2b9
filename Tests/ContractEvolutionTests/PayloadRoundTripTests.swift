import EvolvingContractV1
import EvolvingContractV2
import Foundation
import TemporalContracts
import TemporalContractsGenerator
import Testing

/// Proves the payload rules of the breaking-change check on real generated types: for each change,
/// a payload written by one version's generated type (old for inputs, new for outputs) is decoded
/// by the other version's, through the runtime's default converter. What the check calls breaking
/// must fail to decode; what it calls safe must decode.
struct PayloadRoundTripTests {
    typealias Severity = CompatibilityFinding.Severity
    typealias V1 = EvolvingContractV1.Evolving
    typealias V2 = EvolvingContractV2.Evolving

    struct Case: CustomTestStringConvertible, Sendable {
        /// The type in both versions.
        var type: String
        /// The most serious finding the check reports on the type; nil for none or only info.
        var severity: Severity?
        /// Whether the reader decodes `sample`.
        var decodes: Bool
        /// JSON as the writing version's type accepts it, chosen to show the break where there is one.
        var sample: String
        var roundTrip: @Sendable (Payload) throws -> Void

        var testDescription: String { type }

        /// Old writes (an input): decode the sample as V1's type, encode it, decode as V2's.
        static func input<Old: Codable & Sendable, New: Codable & Sendable>(
            _ type: String,
            _ severity: Severity?,
            decodes: Bool,
            _ sample: String,
            _ old: Old.Type,
            _ new: New.Type
        ) -> Case {
            Case(type: type, severity: severity, decodes: decodes, sample: sample) { try reencode($0, from: Old.self, to: New.self) }
        }

        /// New writes (an output): decode the sample as V2's type, encode it, decode as V1's.
        static func output<Old: Codable & Sendable, New: Codable & Sendable>(
            _ type: String,
            _ severity: Severity?,
            decodes: Bool,
            _ sample: String,
            _ old: Old.Type,
            _ new: New.Type
        ) -> Case {
            Case(type: type, severity: severity, decodes: decodes, sample: sample) { try reencode($0, from: New.self, to: Old.self) }
        }

        /// What one version writes, read by the other: the writer's type checks the sample, the
        /// default converter encodes it, the reader's type decodes the payload.
        static func reencode<Writer: Codable, Reader: Codable>(_ sample: Payload, from: Writer.Type, to: Reader.Type) throws {
            let converter = DefaultPayloadConverter()
            let written = try converter.toPayload(try converter.fromPayload(sample, as: Writer.self))
            _ = try converter.fromPayload(written, as: Reader.self)
        }
    }

    static let cases: [Case] = [
        .output("RemovedRequiredOut", .error, decodes: false, #"{"a": "x"}"#, V1.RemovedRequiredOut.self, V2.RemovedRequiredOut.self),
        .input(
            "RemovedOptionalIn",
            .warning,
            decodes: true,
            #"{"a": "x", "b": "y"}"#,
            V1.RemovedOptionalIn.self,
            V2.RemovedOptionalIn.self
        ),
        .input("RenamedIn", .error, decodes: false, #"{"a": "x", "b": "y"}"#, V1.RenamedIn.self, V2.RenamedIn.self),
        .input("AddedRequiredIn", .error, decodes: false, #"{"a": "x"}"#, V1.AddedRequiredIn.self, V2.AddedRequiredIn.self),
        .output("AddedRequiredOut", nil, decodes: true, #"{"a": "x", "b": "y"}"#, V1.AddedRequiredOut.self, V2.AddedRequiredOut.self),
        .input("AddedOptionalIn", nil, decodes: true, #"{"a": "x"}"#, V1.AddedOptionalIn.self, V2.AddedOptionalIn.self),
        .input("MadeRequiredIn", .error, decodes: false, #"{"a": "x"}"#, V1.MadeRequiredIn.self, V2.MadeRequiredIn.self),
        .output("MadeOptionalOut", .error, decodes: false, #"{"a": "x"}"#, V1.MadeOptionalOut.self, V2.MadeOptionalOut.self),
        .input("MadeOptionalIn", nil, decodes: true, #"{"a": "x", "b": "y"}"#, V1.MadeOptionalIn.self, V2.MadeOptionalIn.self),
        .input("StringToIntegerIn", .error, decodes: false, #"{"b": "seven"}"#, V1.StringToIntegerIn.self, V2.StringToIntegerIn.self),
        .input("ScalarToArrayIn", .error, decodes: false, #"{"b": "x"}"#, V1.ScalarToArrayIn.self, V2.ScalarToArrayIn.self),
        .input("IntegerNarrowedIn", .error, decodes: false, #"{"b": 3000000000}"#, V1.IntegerNarrowedIn.self, V2.IntegerNarrowedIn.self),
        .output("IntegerNarrowedOut", nil, decodes: true, #"{"b": 2000000000}"#, V1.IntegerNarrowedOut.self, V2.IntegerNarrowedOut.self),
        .output("IntegerToNumberOut", .error, decodes: false, #"{"b": 1.5}"#, V1.IntegerToNumberOut.self, V2.IntegerToNumberOut.self),
        .input("IntegerToNumberIn", nil, decodes: true, #"{"b": 7}"#, V1.IntegerToNumberIn.self, V2.IntegerToNumberIn.self),
        .input("NumberToIntegerIn", .error, decodes: false, #"{"b": 1.5}"#, V1.NumberToIntegerIn.self, V2.NumberToIntegerIn.self),
        .input("PrecisionNarrowedIn", .warning, decodes: true, #"{"b": 0.1}"#, V1.PrecisionNarrowedIn.self, V2.PrecisionNarrowedIn.self),
        .input("FormatAddedIn", .error, decodes: false, #"{"b": "next tuesday"}"#, V1.FormatAddedIn.self, V2.FormatAddedIn.self),
        .input(
            "FormatRemovedIn",
            nil,
            decodes: true,
            #"{"b": "0f8fad5b-d9cb-469f-a165-70867728950e"}"#,
            V1.FormatRemovedIn.self,
            V2.FormatRemovedIn.self
        ),
        .input("EnumValueRemovedIn", .error, decodes: false, #"{"b": "z"}"#, V1.EnumValueRemovedIn.self, V2.EnumValueRemovedIn.self),
        // A warning: the payloads old readers already know decode; the new value does not.
        .output("EnumValueAddedOut", .warning, decodes: false, #"{"b": "z"}"#, V1.EnumValueAddedOut.self, V2.EnumValueAddedOut.self),
        .input("EnumValueAddedIn", nil, decodes: true, #"{"b": "y"}"#, V1.EnumValueAddedIn.self, V2.EnumValueAddedIn.self),
        .output("EnumToStringOut", .error, decodes: false, #"{"b": "w"}"#, V1.EnumToStringOut.self, V2.EnumToStringOut.self),
        .input("StringToEnumIn", .error, decodes: false, #"{"b": "w"}"#, V1.StringToEnumIn.self, V2.StringToEnumIn.self),
        .input(
            "NestedIn",
            .error,
            decodes: false,
            #"{"inner": {"items": [{"unit_price": 9.5}]}}"#,
            V1.NestedIn.self,
            V2.NestedIn.self
        ),
    ]

    /// The check's verdict per case: the most serious finding anchored at its type (or at the types below it).
    static let verdicts: [String: Severity] = {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        func models(_ file: String) -> [ContractModel] {
            let (syntax, _) = ContractLoader.load([fixtures.appendingPathComponent(file).path])
            return ContractResolver.resolve(syntax).0
        }
        let report = CompatibilityChecker.check(old: models("v1.temporal.yaml"), new: models("v2.temporal.yaml"))
        var verdicts: [String: Severity] = [:]
        for finding in report.findings where finding.severity != .info {
            let parts = finding.element.split(separator: ".")
            guard parts.count >= 2 else { continue }
            // Enum findings are anchored at the case's enum type, `<Case>Value`.
            var type = parts[1] == "NestedItem" ? "NestedIn" : String(parts[1])
            if type.hasSuffix("Value") { type.removeLast("Value".count) }
            verdicts[type] = max(verdicts[type] ?? finding.severity, finding.severity)
        }
        return verdicts
    }()

    @Test(arguments: cases)
    func theCheckPredictsWhatDecodes(_ testCase: Case) throws {
        #expect(Self.verdicts[testCase.type] == testCase.severity, "the check's verdict on \(testCase.type)")
        let payload = Payload(metadata: ["encoding": Data("json/plain".utf8)], data: Data(testCase.sample.utf8))
        let decoded = (try? testCase.roundTrip(payload)) != nil
        #expect(decoded == testCase.decodes, "decoding \(testCase.type)")
        // The rule the test exists for: an error never decodes, a safe change always does.
        if testCase.severity == .error { #expect(!decoded) }
        if testCase.severity == nil { #expect(decoded) }
    }

    @Test func everyCaseTypeOfTheFixtureIsCovered() {
        let covered = Set(Self.cases.map(\.type))
        #expect(Set(Self.verdicts.keys).isSubset(of: covered))
    }
}
