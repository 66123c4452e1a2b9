import Crypto
import Foundation
import TemporalContractsEncryption
import TemporalDevServer
import Testing

/// The `temporal-codec-server` executable (Sources/temporal-codec-server) run as a process with a
/// key file and a token file, as a team would run the template.
struct TemplateCodecServer {
    let process: ChildProcess
    let port: Int
    let token: String
    /// The codec the workers use: the same key as the server's key file.
    let codec: AESGCMPayloadCodec

    static func start(in directory: URL, token: String) async throws -> TemplateCodecServer {
        let key = SymmetricKey(size: .bits256)
        let keyFile = directory.appending(path: "keys.txt")
        let keyText = key.withUnsafeBytes { Data($0).base64EncodedString() }
        try Data("# key ID, base64 key\ncli-key \(keyText)\n".utf8).write(to: keyFile)
        let tokenFile = directory.appending(path: "token.txt")
        try Data("\(token)\n".utf8).write(to: tokenFile)
        let port = try LocalPort.free()
        let process = try ChildProcess(
            executable: try executable(),
            arguments: [
                "--port", String(port), "--key-file", keyFile.path, "--token-file", tokenFile.path,
                "--allowed-origin", "http://localhost:8233",
            ],
            standardOutput: directory.appending(path: "codec-server.out"),
            standardError: directory.appending(path: "codec-server.err")
        )
        try await process.waitForOutputLine("codec server listening on http://127.0.0.1:\(port)", timeout: .seconds(60))
        let keys = try StaticEncryptionKeys(current: "cli-key", keys: ["cli-key": key])
        return TemplateCodecServer(process: process, port: port, token: token, codec: AESGCMPayloadCodec(keys: keys))
    }

    /// The executable `swift build` put beside this test bundle.
    static func executable() throws -> URL {
        let candidates = [
            URL(filePath: CommandLine.arguments[0]).deletingLastPathComponent(),
            URL(filePath: CommandLine.arguments[0]).deletingLastPathComponent().deletingLastPathComponent(),
            EncryptedWorkflowFixture.repositoryRoot.appending(path: ".build/debug"),
        ].map { $0.appending(path: "temporal-codec-server") }
        return try #require(
            candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) },
            "temporal-codec-server was not built; run `swift build --build-tests` (looked in \(candidates.map(\.path)))"
        )
    }
}
