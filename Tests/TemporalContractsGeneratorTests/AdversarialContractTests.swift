import Foundation
import Testing

@testable import TemporalContractsGenerator

/// Valid-but-hostile contracts from `AdversarialContractBuilder`: each one is either generated or
/// rejected with located errors, never a crash, and the generated Swift compiles. Set
/// `ADVERSARIAL_SEED` to replay a run; the seed in use is printed.
struct AdversarialContractTests {
    static let seed: UInt64 = {
        let text = ProcessInfo.processInfo.environment["ADVERSARIAL_SEED"] ?? ""
        let seed = UInt64(text) ?? 0xAD7E_4542_1A1
        print("AdversarialContractTests seed: \(seed) (set ADVERSARIAL_SEED to replay)")
        return seed
    }()

    /// Asserts every diagnostic points at a file, line and column and says something.
    static func expectLocated(_ diagnostics: [Diagnostic], _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for diagnostic in diagnostics {
            let location = diagnostic.location
            #expect(!diagnostic.message.isEmpty, "\(name): empty message", sourceLocation: sourceLocation)
            #expect(
                !location.file.isEmpty && location.line > 0 && location.column > 0,
                "\(name): unlocated diagnostic \(diagnostic.formatted)",
                sourceLocation: sourceLocation
            )
        }
    }

    /// Generates one in-memory contract with every output.
    static func generate(_ text: String, file: String = "adversarial.temporal.yaml") throws -> GeneratorPipeline.Result {
        try TestSupport.generate([file: text])
    }

    /// Random mixes, half of them in the form the validator should accept: each is generated or
    /// rejected with located errors, and everything accepted type-checks together in one module.
    @Test func randomAdversarialContractsAreGeneratedOrRejectedWithLocations() async throws {
        var random = FuzzTests.SplitMix(state: Self.seed)
        var acceptedFiles: [GeneratedFile] = []
        var rejected = 0
        for iteration in 0..<30 {
            // Each generation is seconds of CPU: let the rest of the test run have the thread now and then.
            await Task.yield()
            var features = Set(AdversarialContractBuilder.Feature.allCases.filter { _ in Bool.random(using: &random) })
            // The big enum costs the most; keep it to a few contracts.
            if iteration % 6 != 0 { features.remove(.bigEnum) }
            let acceptable = iteration.isMultiple(of: 2)
            var builder = AdversarialContractBuilder(seed: random.next(), acceptable: acceptable)
            let text = builder.contract(name: "Adversarial\(iteration)", features: features)
            let name = "contract \(iteration) \(features.map(\.rawValue).sorted()) acceptable: \(acceptable)"
            let result = try Self.generate(text)
            Self.expectLocated(result.diagnostics, name)
            if acceptable {
                #expect(!result.hasErrors, "\(name) rejected: \(result.diagnostics.prefix(5).map(\.formatted))")
            }
            if result.hasErrors {
                #expect(result.files.isEmpty, "\(name): files despite errors")
                rejected += 1
            } else {
                #expect(!result.files.isEmpty, "\(name): no files and no error")
                acceptedFiles += result.files
            }
        }
        print("AdversarialContractTests: \(30 - rejected) of 30 random contracts accepted")
        let compiler = try await GeneratedCodeCompiler.typecheck(acceptedFiles)
        #expect(compiler.status == 0, "accepted contracts do not compile:\n\(compiler.output.prefix(4_000))")
    }

    /// The compile check itself can fail: broken Swift next to good output is reported.
    @Test func theCompileCheckReportsBrokenOutput() async throws {
        var builder = AdversarialContractBuilder(seed: Self.seed, acceptable: true)
        let result = try Self.generate(builder.contract(name: "Broken", features: [.keywords]))
        let broken = GeneratedFile(name: "Broken.swift", contents: "let broken: Int = \"not a number\"\n")
        let compiler = try await GeneratedCodeCompiler.typecheck(result.files + [broken])
        #expect(compiler.status != 0)
        #expect(compiler.output.contains("Broken.swift:1:"))
    }

    /// The nastiest mixes, each generated with every output and compiled.
    static let compiledMixes: [Set<AdversarialContractBuilder.Feature>] = [
        Set(AdversarialContractBuilder.Feature.allCases),
        [.keywords, .collisions, .recursion],
        [.unicode, .referenceChain, .collisions],
    ]

    @Test(arguments: compiledMixes.indices)
    func acceptedAdversarialContractsCompile(mix: Int) async throws {
        let features = Self.compiledMixes[mix]
        var builder = AdversarialContractBuilder(seed: Self.seed &+ UInt64(mix), acceptable: true)
        let text = builder.contract(name: "Nasty\(mix)", features: features)
        let result = try Self.generate(text)
        Self.expectLocated(result.diagnostics, "mix \(mix)")
        try #require(!result.hasErrors, "mix \(mix) rejected: \(result.diagnostics.prefix(5).map(\.formatted))")
        let produced = Set(result.files.map { $0.name.split(separator: "+").last.map(String.init) ?? "" })
        #expect(
            produced.isSuperset(of: [
                "Types.swift", "Definitions.swift", "Client.swift", "Workflows.swift", "Activities.swift", "Mocks.swift",
            ])
        )
        let compiler = try await GeneratedCodeCompiler.typecheck(result.files)
        #expect(compiler.status == 0, "mix \(mix) does not compile:\n\(compiler.output.prefix(4_000))")
        #expect(!compiler.output.contains("warning:"), "mix \(mix) compiles with warnings:\n\(compiler.output.prefix(4_000))")
    }
}
