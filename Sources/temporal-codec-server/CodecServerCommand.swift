import ArgumentParser
import Crypto
import Foundation
import Logging
import ServiceLifecycle
import TemporalContracts
import TemporalContractsCodecServer
import TemporalContractsEncryption
import UnixSignals

/// The template codec server: AES-256-GCM payloads (optionally zlib-compressed) for the web UI
/// and the `temporal` CLI.
///
/// Copy this target into your package and put your codecs in ``codecs(keys:)``: they must be the
/// codecs of the workers' data converter, in the same order.
@main
struct CodecServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "temporal-codec-server",
        abstract: "Serve the Temporal codec protocol (/{namespace}/encode, /{namespace}/decode) with AES-256-GCM payload encryption."
    )

    @Option(help: "The address to bind (env CODEC_SERVER_HOST).")
    var host = ProcessInfo.processInfo.environment["CODEC_SERVER_HOST"] ?? "127.0.0.1"

    @Option(help: "The port to bind, 0 for a free one (env CODEC_SERVER_PORT).")
    var port = Int(ProcessInfo.processInfo.environment["CODEC_SERVER_PORT"] ?? "") ?? 8888

    @Option(
        name: .customLong("allowed-origin"),
        help:
            "A browser origin allowed to call the server, e.g. the web UI's http://localhost:8233; repeatable (env CODEC_SERVER_ALLOWED_ORIGINS, comma-separated)."
    )
    var allowedOrigins: [String] = []

    @Option(help: "A file holding the bearer token every request must present (env CODEC_SERVER_TOKEN holds the token itself).")
    var tokenFile: String?

    @Option(help: "A file of encryption keys, one `<key ID> <base64 of 32 bytes>` per line (env CODEC_SERVER_KEY_FILE).")
    var keyFile: String?

    @Option(help: "The ID of the key that encrypts new payloads; the file's last key by default.")
    var currentKeyID: String?

    @Flag(help: "Compress payloads with zlib before encrypting them, as the workers do.")
    var compress = false

    @Option(help: "The largest request body accepted, in bytes.")
    var maximumBodySize = 4 * 1024 * 1024

    @Option(name: .customLong("namespace"), help: "A namespace to serve; repeatable; all namespaces when none is given.")
    var namespaces: [String] = []

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var logger = Logger(label: "temporal-codec-server")
        logger.logLevel = Logger.Level(rawValue: environment["LOG_LEVEL"] ?? "") ?? .info
        guard let keyFile = keyFile ?? environment["CODEC_SERVER_KEY_FILE"] else {
            throw ValidationError("no encryption keys: pass --key-file or set CODEC_SERVER_KEY_FILE")
        }
        let origins =
            allowedOrigins.isEmpty
            ? (environment["CODEC_SERVER_ALLOWED_ORIGINS"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            : allowedOrigins
        let server = CodecServer(
            codecs: try codecs(keys: try Self.readKeys(keyFile, current: currentKeyID)),
            options: CodecServerOptions(
                host: host,
                port: port,
                allowedOrigins: origins,
                bearerToken: try token(environment: environment),
                maximumBodySize: maximumBodySize,
                namespaces: namespaces.isEmpty ? nil : Set(namespaces)
            ),
            logger: logger
        )
        // The line scripts and tests wait for: the server is ready at this address.
        let host = host
        Task {
            if let bound = try? await server.port() {
                FileHandle.standardOutput.write(Data("codec server listening on http://\(host):\(bound)\n".utf8))
            }
        }
        let group = ServiceGroup(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
    }

    /// The codecs of your workers' data converter, in its order: put yours here.
    func codecs(keys: StaticEncryptionKeys) throws -> [any PayloadCodec] {
        [AESGCMPayloadCodec(keys: keys, compression: compress ? .zlib : .none)]
    }

    private func token(environment: [String: String]) throws -> String? {
        if let tokenFile {
            let token = try String(contentsOfFile: tokenFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !token.isEmpty else { throw ValidationError("the token file \(tokenFile) is empty") }
            return token
        }
        return environment["CODEC_SERVER_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Reads `<key ID> <base64 key>` lines; blank lines and `#` comments are skipped.
    static func readKeys(_ path: String, current: String?) throws -> StaticEncryptionKeys {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var keys: [String: SymmetricKey] = [:]
        var last: String?
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count == 2, let bytes = Data(base64Encoded: String(fields[1])) else {
                throw ValidationError("\(path):\(number + 1): expected `<key ID> <base64 key>`")
            }
            keys[String(fields[0])] = SymmetricKey(data: bytes)
            last = String(fields[0])
        }
        guard let currentKeyID = current ?? last else { throw ValidationError("\(path) holds no keys") }
        return try StaticEncryptionKeys(current: currentKeyID, keys: keys)
    }
}
