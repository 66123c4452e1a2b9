import Foundation
import TemporalContractsGenerator

/// Type-checks generated Swift with `swiftc` against the modules this test build produced, so a test
/// can tell whether a contract's output compiles without building a package for it.
enum GeneratedCodeCompiler {
    struct Outcome {
        var status: Int32
        var output: String
    }

    enum Failure: Error, CustomStringConvertible {
        case modulesNotFound([String])

        var description: String {
            switch self {
            case .modulesNotFound(let searched): "no TemporalContracts.swiftmodule in: \(searched.joined(separator: ", "))"
            }
        }
    }

    /// The folder of built `.swiftmodule`s: next to the running test bundle, else the default debug build.
    static func modulesDirectory() throws -> URL {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var candidates: [URL] = []
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("Modules"))
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(TestSupport.packageRoot.appendingPathComponent(".build/debug/Modules"))
        for candidate in candidates
        where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("TemporalContracts.swiftmodule").path) {
            return candidate
        }
        throw Failure.modulesNotFound(candidates.map(\.path))
    }

    /// Writes `files` to a temporary folder and type-checks them together in Swift 6 mode.
    ///
    /// The compile is awaited on a thread of its own: it takes tens of seconds, and a cooperative
    /// thread blocked that long (there are as many as cores, two here) stalls every in-process
    /// worker and dev-server client of the test run.
    static func typecheck(_ files: [GeneratedFile]) async throws -> Outcome {
        let modules = try modulesDirectory()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("typecheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = try files.map { file in
            let url = folder.appendingPathComponent(file.name)
            try Data(file.contents.utf8).write(to: url)
            return url.path
        }
        let arguments = ["swiftc", "-typecheck", "-swift-version", "6", "-I", modules.path] + paths
        return try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try run(arguments) })
            }
        }
    }

    /// Runs `/usr/bin/env arguments…` to its end, blocking the calling thread.
    private static func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        // Read before waiting: a full pipe would otherwise block the compiler forever.
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }
}
