import ArgumentParser
import Foundation
import TemporalDeterminismLint

/// `temporal-determinism-lint [--error] [--workflow-protocol NAME]… [--stamp FILE] PATH…`: reports
/// the replay-unsafe calls in the workflow implementations among the Swift files (and folders) given,
/// one `file:line:column: warning: message` line each, as SwiftPM and Xcode show compiler warnings.
@main
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "temporal-determinism-lint",
        abstract: "Report calls in workflow implementations that break replay (clock, random, sleeps, threads, I/O, globals)."
    )

    @Argument(help: "Swift files, or folders to search for them.")
    var paths: [String]

    @Flag(help: "Report errors instead of warnings and exit with status 1 when there are any.")
    var error = false

    @Option(name: .customLong("workflow-protocol"), help: "Another protocol whose conforming types are workflows.")
    var workflowProtocols: [String] = []

    @Option(help: "A file to write after linting, for build systems that need an output.")
    var stamp: String?

    func run() throws {
        let files = try Self.swiftFiles(in: paths)
        let diagnostics = try DeterminismLinter(extraWorkflowProtocols: Set(workflowProtocols)).lint(paths: files)
        for diagnostic in diagnostics { print(diagnostic.formatted(asError: error)) }
        if let stamp {
            // A Swift file without declarations, so SwiftPM compiles the stamp as a source of the target.
            let text = "// Checked by temporal-determinism-lint: \(files.count) files, \(diagnostics.count) findings.\n"
            try text.write(toFile: stamp, atomically: true, encoding: .utf8)
        }
        if error, !diagnostics.isEmpty { throw ExitCode.failure }
    }

    /// The Swift files among `paths`, searching folders recursively (but not hidden ones), in a stable order.
    static func swiftFiles(in paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw ValidationError("no such file or folder: \(path)")
            }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            // Hidden folders such as `.build` hold dependencies' checkouts, not the package's code.
            let found = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
            files += found.filter { $0.hasSuffix(".swift") && !$0.split(separator: "/").contains { $0.hasPrefix(".") } }.sorted()
                .map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }
}
