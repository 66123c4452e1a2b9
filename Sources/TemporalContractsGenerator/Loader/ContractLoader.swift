import Foundation

/// Reads contract files and everything they import, in a stable order (each file after its
/// imports), reporting missing files and import cycles at the `imports:` entry that causes them.
public struct ContractLoader {
    /// Reads file contents; replaceable so tests and the fuzzer need no disk.
    public typealias ReadFile = (String) throws -> String

    private let readFile: ReadFile
    private var diagnostics = Diagnostics()
    private var loaded: [String: ContractResolver.Input] = [:]
    private var order: [String] = []
    private var inProgress: [String] = []

    public init(readFile: @escaping ReadFile = { try String(contentsOfFile: $0, encoding: .utf8) }) {
        self.readFile = readFile
    }

    /// Loads `files` and their imports. Paths are kept as given (normalized), so diagnostics print
    /// them the way the user wrote them.
    public static func load(
        _ files: [String],
        readFile: @escaping ReadFile = { try String(contentsOfFile: $0, encoding: .utf8) }
    ) -> ([ContractResolver.Input], Diagnostics) {
        var loader = ContractLoader(readFile: readFile)
        for file in files {
            loader.load(normalize(file), importedAt: nil)
        }
        return (loader.order.compactMap { loader.loaded[$0] }, loader.diagnostics)
    }

    /// Collapses `.` and `..` (which `standardizingPath` leaves in relative paths), so one file
    /// imported along two routes is loaded once and printed the same way.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else if !path.hasPrefix("/") { parts.append(part) }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if path.hasPrefix("/") { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    mutating func load(_ file: String, importedAt reference: Located<String>?) {
        if loaded[file] != nil { return }
        if let cycleStart = inProgress.firstIndex(of: file) {
            let cycle = (inProgress[cycleStart...] + [file]).map { ($0 as NSString).lastPathComponent }
            diagnostics.error(
                "import cycle: " + cycle.joined(separator: " → "),
                at: reference?.location ?? SourceLocation(file: file),
                hint: "move the shared types into a contract that both import"
            )
            return
        }
        let text: String
        do {
            text = try readFile(file)
        } catch {
            if let reference {
                diagnostics.error(
                    "imported file '\(reference.value)' does not exist (looked for \(file))",
                    at: reference.location,
                    hint: "imports are relative to the importing contract's folder"
                )
            } else {
                diagnostics.error("cannot read the contract file: \(Self.reason(error))", at: SourceLocation(file: file))
            }
            return
        }
        let (syntax, parseDiagnostics) = YAMLContractParser.parse(text, file: file)
        diagnostics.append(contentsOf: parseDiagnostics)
        inProgress.append(file)
        let directory = (file as NSString).deletingLastPathComponent
        var importedFiles: [String] = []
        for entry in syntax.imports {
            let path = Self.normalize(
                entry.value.hasPrefix("/") || directory.isEmpty
                    ? entry.value : (directory as NSString).appendingPathComponent(entry.value)
            )
            if path.hasSuffix(".proto") {
                diagnostics.error(
                    "a YAML contract cannot import a .proto file",
                    at: entry.location,
                    hint: "import `*.temporal.yaml` files; generate .proto contracts separately"
                )
                continue
            }
            load(path, importedAt: entry)
            importedFiles.append(path)
        }
        inProgress.removeLast()
        loaded[file] = ContractResolver.Input(syntax: syntax, importedFiles: importedFiles)
        order.append(file)
    }

    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError { return "no such file" }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadInapplicableStringEncodingError {
            return "the file is not UTF-8 text"
        }
        return nsError.localizedDescription
    }
}
