import Foundation

/// The files of a git commit, extracted into a scratch folder so both loaders (and protoc) read the
/// previous version of the contracts exactly as the working tree reads the current one.
struct GitSnapshot {
    /// The reference as the user wrote it (`main`, `v1.4.0`), which reports print instead of the scratch path.
    let reference: String
    /// The repository's top folder.
    let repositoryRoot: String
    /// Where the commit's tree was extracted.
    let root: URL

    /// Whether `reference` names a commit in the repository around the current folder.
    static func isCommit(_ reference: String) -> Bool {
        (try? git(["rev-parse", "--verify", "--quiet", "\(reference)^{commit}"])) != nil
    }

    init(reference: String) throws {
        self.reference = reference
        repositoryRoot = try Self.git(["rev-parse", "--show-toplevel"]).trimmingCharacters(in: .whitespacesAndNewlines)
        root = FileManager.default.temporaryDirectory.appendingPathComponent("temporal-contracts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let archive = root.appendingPathComponent(".snapshot.tar")
        _ = try Self.git(["archive", "--format=tar", "--output=\(archive.path)", reference])
        _ = try Self.run("/usr/bin/env", ["tar", "-xf", archive.path, "-C", root.path])
        try? FileManager.default.removeItem(at: archive)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// The path in the snapshot of a working-tree path, or nil when it lies outside the repository.
    func path(for path: String) -> String? {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        let repository = URL(fileURLWithPath: repositoryRoot).resolvingSymlinksInPath().path
        guard absolute == repository || absolute.hasPrefix(repository + "/") else { return nil }
        return root.path + absolute.dropFirst(repository.count)
    }

    /// `main:Contracts/orders.temporal.yaml` for a path in the snapshot, as `git show` names it.
    func displayPath(_ path: String) -> String {
        guard path.hasPrefix(root.path + "/") else { return path }
        return "\(reference):\(path.dropFirst(root.path.count + 1))"
    }

    @discardableResult
    static func git(_ arguments: [String]) throws -> String {
        try run("/usr/bin/env", ["git"] + arguments)
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SnapshotError(message: String(decoding: errorData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return String(decoding: data, as: UTF8.self)
    }

    struct SnapshotError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
