import ArgumentParser
import BenchmarkSupport
import Foundation

/// What a user pays to build against each layer of the package: the clean debug build time of a tiny
/// consumer package (made in a temporary folder, depending on this repository by path) that imports
/// (a) the runtime and the test environment, (b) the gRPC client, (c) the workers, each with a
/// fresh scratch path so every dependency compiles from nothing.
///
///     swift run -c release --package-path Benchmarks BuildCostBenchmark [options]
@main
struct BuildCostBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Clean debug build time and compiled modules of consumers of each layer of the package."
    )

    @Option(help: "The layers to build, comma separated: runtime, grpc, worker.")
    var layers = "runtime,grpc,worker"
    @Option(help: "Parallel build jobs (`swift build -j`).")
    var jobs = 2
    @Option(help: "The package the consumers depend on (default: this repository).")
    var package: String?
    @Flag(help: "Keep the consumer packages and their build folders, and print where they are.")
    var keep = false
    @Option(help: "Where to write the JSON results (default: Benchmarks/Results/BuildCostBenchmark.json).")
    var results: String?

    func validate() throws {
        for name in layers.split(separator: ",") where ConsumerLayer(rawValue: String(name)) == nil {
            throw ValidationError("unknown layer '\(name)'; use runtime, grpc or worker")
        }
        guard jobs > 0 else { throw ValidationError("--jobs must be positive") }
    }

    func run() async throws {
        let root = URL(fileURLWithPath: package ?? Self.repositoryRoot.path).standardizedFileURL
        let work = FileManager.default.temporaryDirectory
            .appendingPathComponent("build-cost-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer {
            if keep { print("kept \(work.path)") } else { try? FileManager.default.removeItem(at: work) }
        }
        var record = BenchmarkResults(benchmark: "BuildCostBenchmark")
        let loadBefore = Self.loadAverage()
        print("BuildCostBenchmark: clean `swift build -j \(jobs)` (debug) of a consumer of each layer of \(root.path)")
        print("each with a fresh --scratch-path; dependencies resolved first (from SwiftPM's cache), not timed")
        print("")
        var builds: [ConsumerBuild] = []
        for name in layers.split(separator: ",") {
            let layer = ConsumerLayer(rawValue: String(name))!
            let consumer = try layer.writeConsumer(in: work.appendingPathComponent(layer.rawValue), root: root)
            print("building \(layer.rawValue) (\(layer.products.joined(separator: ", "))); load: \(Self.loadAverage())")
            fflush(nil)
            let build = try ConsumerBuild.run(layer: layer, package: consumer, jobs: jobs)
            builds.append(build)
            print(
                "  \(format(build.seconds, digits: 1)) s, \(build.modules.count) modules compiled "
                    + "(\(build.swiftModules.count) Swift), "
                    + "\(build.plugins.count) plugins compiled; load after: \(Self.loadAverage())"
            )
            fflush(nil)
            guard build.succeeded else {
                print(build.logTail)
                throw ExitCode.failure
            }
        }
        print("")
        let header = pad("layer", 9) + pad("products", 58) + lpad("seconds", 8) + lpad("modules", 9) + lpad("Swift", 7) + lpad("plugins", 9)
        print(header)
        print(String(repeating: "-", count: header.count))
        for build in builds {
            print(
                pad(build.layer.rawValue, 9) + pad(build.layer.products.joined(separator: " + "), 58)
                    + lpad(format(build.seconds, digits: 1), 8) + lpad("\(build.modules.count)", 9)
                    + lpad("\(build.swiftModules.count)", 7) + lpad("\(build.plugins.count)", 9)
            )
            record.record(.init(name: "clean-debug-build-s/\(build.layer.rawValue)", unit: "s", swift: build.seconds))
            record.record(
                .init(name: "compiled-modules/\(build.layer.rawValue)", unit: "modules", swift: Double(build.modules.count))
            )
            record.record(
                .init(
                    name: "compiled-swift-modules/\(build.layer.rawValue)",
                    unit: "modules",
                    swift: Double(build.swiftModules.count)
                )
            )
            record.notes.append("\(build.layer.rawValue) modules: \(build.modules.joined(separator: " "))")
            record.notes.append("\(build.layer.rawValue) plugins: \(build.plugins.joined(separator: " "))")
        }
        print("")
        for build in builds {
            print("\(build.layer.rawValue) compiles: \(build.modules.joined(separator: " "))")
            print("  and the plugins: \(build.plugins.joined(separator: " "))")
        }
        record.notes.append("jobs: \(jobs); load average before the run: \(loadBefore), after: \(Self.loadAverage())")
        try record.write(to: results)
    }

    /// The repository holding this benchmark: three folders above this file's.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // BuildCostBenchmark
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // Benchmarks
            .deletingLastPathComponent()
    }

    /// The 1, 5 and 15 minute load averages, as `uptime` shows them.
    static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "n/a" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}
