import Foundation

/// One clean debug build of a consumer package: its wall time and what it compiled (the modules
/// whose build folder holds object files, and the `Compiling plugin <Name>` lines of the log).
struct ConsumerBuild {
    var layer: ConsumerLayer
    var seconds: Double
    var succeeded: Bool
    /// The modules with at least one compiled source file (Swift and C), sorted.
    var modules: [String]
    /// The Swift modules among them (`Emitting module <Name>` lines of the log).
    var swiftModules: [String]
    /// The package plugins SwiftPM compiled before building.
    var plugins: [String]
    var logTail: String

    static func run(layer: ConsumerLayer, package: URL, jobs: Int) throws -> ConsumerBuild {
        let scratch = package.appendingPathComponent(".scratch")
        // Resolving reads SwiftPM's shared repository cache; it is not what a build costs.
        let resolve = try Shell.run(["swift", "package", "--package-path", package.path, "--scratch-path", scratch.path, "resolve"])
        guard resolve.status == 0 else {
            return ConsumerBuild(
                layer: layer,
                seconds: 0,
                succeeded: false,
                modules: [],
                swiftModules: [],
                plugins: [],
                logTail: resolve.output
            )
        }
        let clock = ContinuousClock()
        let start = clock.now
        let build = try Shell.run([
            "swift", "build", "--package-path", package.path, "--scratch-path", scratch.path, "-j", "\(jobs)",
        ])
        let seconds = (clock.now - start).seconds
        var plugins = Set<String>()
        var swiftModules = Set<String>()
        for line in build.output.split(separator: "\n") {
            if let range = line.range(of: "] Compiling plugin "), let name = line[range.upperBound...].split(separator: " ").first {
                plugins.insert(String(name))
            } else if let range = line.range(of: "] Emitting module "), let name = line[range.upperBound...].split(separator: " ").first {
                swiftModules.insert(String(name))
            }
        }
        let modules = compiledModules(in: scratch.appendingPathComponent("debug"))
        return ConsumerBuild(
            layer: layer,
            seconds: seconds,
            succeeded: build.status == 0,
            modules: modules,
            swiftModules: swiftModules.sorted(),
            plugins: plugins.sorted(),
            logTail: build.output.split(separator: "\n").suffix(30).joined(separator: "\n")
        )
    }
}

extension ConsumerBuild {
    /// The `<Module>.build` folders under `folder` that hold at least one object file, by module name.
    static func compiledModules(in folder: URL) -> [String] {
        let manager = FileManager.default
        let folders = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        return folders.filter { $0.hasSuffix(".build") }.filter { name in
            let enumerator = manager.enumerator(atPath: folder.appendingPathComponent(name).path)
            while let file = enumerator?.nextObject() as? String {
                if file.hasSuffix(".o") { return true }
            }
            return false
        }.map { String($0.dropLast(".build".count)) }.sorted()
    }
}

/// Runs a command through `/usr/bin/env`, its output (stdout and stderr together) in a temporary file
/// so no pipe can fill up.
enum Shell {
    static func run(_ command: [String]) throws -> (status: Int32, output: String) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("build-cost-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let output = String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self)
        return (process.terminationStatus, output)
    }
}
