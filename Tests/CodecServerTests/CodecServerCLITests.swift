import Foundation
import TemporalContracts
import TemporalDevServer
import Testing

/// The real `temporal` CLI reads an encrypted history through the template executable
/// `temporal-codec-server`: `temporal workflow show --codec-endpoint … --codec-auth …`.
@Suite(.timeLimit(.minutes(10)))
struct CodecServerCLITests {
    @Test func workflowShowPrintsTheDecryptedInputThroughTheCodecServer() async throws {
        let directory = try EncryptedWorkflowFixture.temporaryDirectory("codec-server-cli")
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try await DevServer.start(DevServerOptions(searchDirectory: EncryptedWorkflowFixture.repositoryRoot))
        let codecServer = try await TemplateCodecServer.start(in: directory, token: "cli-token-\(UUID().uuidString)")
        do {
            try await check(server: server, codecServer: codecServer, directory: directory)
        } catch {
            await codecServer.process.stop()
            await server.stop()
            throw error
        }
        await codecServer.process.stop()
        await server.stop()
    }

    private func check(server: DevServer, codecServer: TemplateCodecServer, directory: URL) async throws {
        let plaintext = "Plaintext for the CLI \(UUID().uuidString)"
        let execution = try await EncryptedWorkflowFixture.start(on: server, input: plaintext, codecs: [codecServer.codec])
        let runID = try #require(execution.runID)
        let temporal = try server.options.resolvedExecutable()
        let show = [
            "workflow", "show", "--workflow-id", execution.workflowID, "--run-id", runID,
            "--address", server.address, "--namespace", server.namespace, "--detailed",
        ]
        // The CLI replaces `{namespace}` and also sends `X-Namespace`.
        let endpoint = "http://127.0.0.1:\(codecServer.port)/{namespace}"

        let decoded = try await EncryptedWorkflowFixture.run(
            temporal,
            show + ["--codec-endpoint", endpoint, "--codec-auth", "Bearer \(codecServer.token)"],
            in: directory
        )
        #expect(decoded.termination == .exited(0), "\(decoded.error)")
        // `--detailed` prints each event's fields, the decoded input as `input[0]: <its JSON value>`.
        #expect(decoded.output.contains("input[0]: \(plaintext)"), "decoded history lacks the input:\n\(decoded.output.prefix(4000))")

        // The same history without the codec server: only ciphertext.
        let raw = try await EncryptedWorkflowFixture.run(temporal, show, in: directory)
        #expect(raw.termination == .exited(0), "\(raw.error)")
        #expect(!raw.output.contains(plaintext))
        // Undecoded, the CLI prints the payload's fields: the AES codec's encoding, base64 as stored.
        let encryptedEncoding = "input.payloads[0].metadata.encoding: \(Data("binary/encrypted".utf8).base64EncodedString())"
        #expect(raw.output.contains(encryptedEncoding), "\(raw.output.prefix(4000))")
        #expect(raw.output.contains(execution.workflowID))

        // A wrong token: the CLI gets the server's 401 and prints no plaintext.
        let refused = try await EncryptedWorkflowFixture.run(
            temporal,
            show + ["--codec-endpoint", endpoint, "--codec-auth", "Bearer not-the-token"],
            in: directory
        )
        #expect(refused.termination != nil)
        #expect(!refused.output.contains(plaintext))
        #expect(refused.termination != .exited(0) || refused.error.contains("401"), "\(refused.output.prefix(2000))\n\(refused.error)")
        #expect(codecServer.process.isRunning, "the codec server stopped: \(codecServer.process.outputTail())")
    }
}
