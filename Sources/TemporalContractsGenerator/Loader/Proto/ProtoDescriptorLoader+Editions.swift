import Foundation

extension ProtoDescriptorLoader {
    /// The protoc release that first reads `edition = "2023"` files.
    static let editionsProtocMajor = 27

    /// An error when a file uses editions and `protoc` is older than 27, which would only report
    /// puzzling syntax errors; nil when the files use no editions or protoc is new enough.
    func editionsProblem(protoc: String, protoFiles: [String]) -> Diagnostic? {
        guard let (file, line, edition) = Self.editionStatement(in: protoFiles),
            let version = Self.protocVersion(at: protoc), version.major < Self.editionsProtocMajor
        else { return nil }
        var diagnostic = Diagnostic(
            .error,
            "'\(file)' uses edition \(edition), which needs protoc \(Self.editionsProtocMajor) or newer; "
                + "\(protoc) is \(version.text)",
            at: SourceLocation(file: file, line: line, column: 1)
        )
        diagnostic.hint =
            "pass a newer protoc with --protoc PATH or PROTOC=PATH: grpcio-tools on PyPI ships one "
            + "(in this repository Scripts/bootstrap.sh writes .venv/bin/protoc), or download protoc from "
            + "github.com/protocolbuffers/protobuf/releases"
        return diagnostic
    }

    /// The first `edition = "…";` statement among the files: file, line and edition.
    static func editionStatement(in files: [String]) -> (file: String, line: Int, edition: String)? {
        for file in files {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix("edition"), let equals = trimmed.firstIndex(of: "=") else { continue }
                guard trimmed[..<equals].trimmingCharacters(in: .whitespaces) == "edition" else { continue }
                let value = trimmed[trimmed.index(after: equals)...]
                    .trimmingCharacters(in: CharacterSet(charactersIn: " \t;\"'"))
                return (file, index + 1, value)
            }
        }
        return nil
    }

    /// `protoc --version` (`libprotoc 3.21.12`, `libprotoc 31.1`) as its major release number.
    static func protocVersion(at protoc: String) -> (major: Int, text: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: protoc)
        process.arguments = ["--version"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        process.waitUntilExit()
        guard let number = text.split(separator: " ").last,
            let major = number.split(separator: ".").first.flatMap({ Int($0) })
        else { return nil }
        // protoc numbered its releases 3.x until 3.21, then 22, 23, …
        return (major == 3 ? 3 : major, text)
    }
}
