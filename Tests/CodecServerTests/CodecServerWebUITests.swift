import Foundation
import Synchronization
import TemporalContracts
import TemporalContractsCodecServer
import TemporalDevServer
import Testing

/// The dev server's web UI, pointed at a codec server with `--ui-codec-endpoint`, shows the
/// decrypted input of a workflow whose history holds only ciphertext: checked on the page's text
/// in headless chromium, with a screenshot kept under `.build` for people to look at.
@Suite(.timeLimit(.minutes(10)))
struct CodecServerWebUITests {
    /// Where the screenshot of the decoded page is kept.
    static let screenshot = EncryptedWorkflowFixture.repositoryRoot.appending(path: ".build/codec-server-web-ui.png")
    /// Where the screenshot of the same page without the codec server is kept.
    static let undecodedScreenshot = EncryptedWorkflowFixture.repositoryRoot.appending(
        path: ".build/codec-server-web-ui-without-codec-server.png"
    )

    @Test func theWebUIShowsTheDecryptedInput() async throws {
        let directory = try EncryptedWorkflowFixture.temporaryDirectory("codec-server-web-ui")
        defer { try? FileManager.default.removeItem(at: directory) }
        let codec = try CodecServerFixtures.encryptionCodec()
        let counter = DecodeCounter()
        let uiPort = try LocalPort.free()
        let codecServer = CodecServer(
            codecs: [codec, counter],
            // The UI's page is served from both names of the loopback address.
            options: CodecServerOptions(allowedOrigins: ["http://127.0.0.1:\(uiPort)", "http://localhost:\(uiPort)"])
        )
        let codecPort = try await codecServer.start()
        let endpoint = "http://127.0.0.1:\(codecPort)"
        var options = DevServerOptions(searchDirectory: EncryptedWorkflowFixture.repositoryRoot)
        options.uiPort = uiPort
        options.uiCodecEndpoint = endpoint
        let server: DevServer
        do {
            server = try await DevServer.start(options)
        } catch {
            await codecServer.stop()
            throw error
        }
        do {
            try await check(
                server: server,
                uiPort: uiPort,
                codecServer: codecServer,
                endpoint: endpoint,
                codec: codec,
                counter: counter,
                directory: directory
            )
        } catch {
            await codecServer.stop()
            await server.stop()
            throw error
        }
        await codecServer.stop()
        await server.stop()
    }

    private func check(
        server: DevServer,
        uiPort: Int,
        codecServer: CodecServer,
        endpoint: String,
        codec: any PayloadCodec,
        counter: DecodeCounter,
        directory: URL
    ) async throws {
        let plaintext = "Plaintext for the web UI \(UUID().uuidString.prefix(8))"
        let execution = try await EncryptedWorkflowFixture.start(on: server, input: plaintext, codecs: [codec])
        let runID = try #require(execution.runID)
        try await waitForWebUI(port: uiPort)
        let page = "http://127.0.0.1:\(uiPort)/namespaces/\(server.namespace)/workflows/\(execution.workflowID)/\(runID)/history"

        let decoded = try await pageText(
            page,
            lookingFor: plaintext,
            codecEndpoint: endpoint,
            screenshot: Self.screenshot,
            directory: directory,
            timeout: 90
        )
        #expect(decoded.found, "the page never showed \(plaintext); its text:\n\(decoded.text.prefix(3000))")
        #expect(decoded.text.contains(execution.workflowID))
        #expect(!decoded.codecRequests.isEmpty, "the page made no request to \(endpoint)")
        #expect(counter.count > 0, "the codec server decoded nothing")

        // With the codec server gone the same page shows no plaintext: the UI had it from the server.
        await codecServer.stop()
        let undecoded = try await pageText(
            page,
            lookingFor: plaintext,
            codecEndpoint: endpoint,
            screenshot: Self.undecodedScreenshot,
            directory: directory,
            timeout: 20
        )
        #expect(!undecoded.found)
        #expect(undecoded.text.contains("Codec Server could not connect"), "\(undecoded.text.prefix(2000))")
        #expect(undecoded.text.contains(execution.workflowID), "the page did not load: \(undecoded.text.prefix(2000))")
    }

    private struct PageText: Decodable {
        let found: Bool
        let text: String
        let codecRequests: [String]
    }

    // Runs Tests/CodecServerTests/python/web_ui_page_text.py, which drives chromium.
    private func pageText(
        _ url: String,
        lookingFor text: String,
        codecEndpoint: String,
        screenshot: URL?,
        directory: URL,
        timeout: Int
    ) async throws -> PageText {
        let python = EncryptedWorkflowFixture.repositoryRoot.appending(path: ".venv/bin/python")
        let script = EncryptedWorkflowFixture.repositoryRoot.appending(path: "Tests/CodecServerTests/python/web_ui_page_text.py")
        var arguments = [script.path, url, text, "--codec-endpoint", codecEndpoint, "--timeout", String(timeout)]
        if let screenshot { arguments += ["--screenshot", screenshot.path] }
        let run = try await EncryptedWorkflowFixture.run(python, arguments, in: directory, timeout: .seconds(timeout + 90))
        #expect(run.termination == .exited(0), "the browser script failed:\n\(run.error.suffix(3000))")
        return try JSONDecoder().decode(PageText.self, from: Data(run.output.utf8))
    }

    // The UI listens a moment after the gRPC port the dev server start waits for.
    private func waitForWebUI(port: Int) async throws {
        let deadline = ContinuousClock.now.advanced(by: .seconds(60))
        while !LocalPort.isAcceptingConnections(host: "127.0.0.1", port: port, timeout: .milliseconds(500)) {
            guard ContinuousClock.now < deadline else {
                Issue.record("the web UI did not listen on port \(port) within 60 seconds")
                return
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }
}

/// A pass-through codec that counts the payloads it decodes, to show the UI's requests reached
/// the server's codecs.
private final class DecodeCounter: PayloadCodec, Sendable {
    private let decoded = Mutex(0)

    var count: Int { decoded.withLock { $0 } }

    func encode(_ payloads: [Payload]) async throws -> [Payload] { payloads }

    func decode(_ payloads: [Payload]) async throws -> [Payload] {
        decoded.withLock { $0 += payloads.count }
        return payloads
    }
}
