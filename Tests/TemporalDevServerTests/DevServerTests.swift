import Foundation
import TemporalDevServer
import Testing

// Real servers: a test fails, rather than skips, when the server cannot start.
@Suite("Dev server")
struct DevServerTests {
    @Test("starts on a free port, serves the default namespace, and stop closes the port")
    func startServeStop() async throws {
        let server = try await DevServer.start(TemporalCLI.options())
        #expect(server.host == "127.0.0.1")
        #expect(server.address == "127.0.0.1:\(server.port)")
        #expect(server.namespace == "default")
        #expect(LocalPort.isAcceptingConnections(port: server.port))

        let describe = try await TemporalCLI.describeNamespace("default", at: server.address)
        #expect(describe.termination == .exited(0), "\(describe.output)")
        #expect(describe.output.contains("default"))

        await server.stop()
        #expect(!server.isRunning)
        #expect(!LocalPort.isAcceptingConnections(port: server.port))

        // Stopping again is a no-op, not a hang.
        let clock = ContinuousClock()
        let elapsed = await clock.measure { await server.stop() }
        #expect(elapsed < .seconds(1))
    }

    @Test("two servers at once get different ports")
    func twoServers() async throws {
        async let first = DevServer.start(TemporalCLI.options())
        async let second = DevServer.start(TemporalCLI.options())
        let servers = try await [first, second]
        #expect(servers[0].port != servers[1].port)
        for server in servers {
            let describe = try await TemporalCLI.describeNamespace("default", at: server.address)
            #expect(describe.termination == .exited(0), "\(describe.output)")
        }
        for server in servers { await server.stop() }
    }

    @Test("restart keeps the port and, with a database file, the state")
    func restartWithDatabase() async throws {
        let directory = try TemporalCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try await DevServer.start(TemporalCLI.options(databaseFile: directory.appending(path: "temporal.db")))

        let create = try await TemporalCLI.run([
            "operator", "namespace", "create", "--namespace", "persisted-ns", "--address", server.address,
        ])
        #expect(create.termination == .exited(0), "\(create.output)")

        let port = server.port
        try await server.restart()
        #expect(server.port == port)
        #expect(server.isRunning)
        #expect(LocalPort.isAcceptingConnections(port: port))

        let describe = try await TemporalCLI.describeNamespace("persisted-ns", at: server.address)
        #expect(describe.termination == .exited(0), "\(describe.output)")
        #expect(describe.output.contains("persisted-ns"))
        await server.stop()
    }

    @Test("restart works after stop, on the same port")
    func restartAfterStop() async throws {
        let server = try await DevServer.start(TemporalCLI.options())
        await server.stop()
        #expect(!LocalPort.isAcceptingConnections(port: server.port))
        try await server.restart()
        let describe = try await TemporalCLI.describeNamespace("default", at: server.address)
        #expect(describe.termination == .exited(0), "\(describe.output)")
        await server.stop()
    }

    @Test("a missing executable is a clear error, not a hang")
    func missingExecutable() async throws {
        var options = TemporalCLI.options()
        options.executable = URL(filePath: "/nonexistent/bin/temporal")
        let error = await #expect(throws: DevServerError.self) { try await DevServer.start(options) }
        let description = error.map { "\($0)" } ?? ""
        #expect(description.contains("/nonexistent/bin/temporal"), "\(description)")
        #expect(description.contains("Scripts/bootstrap.sh"), "\(description)")
    }

    @Test("an executable that exits at once is reported with how it ended")
    func exitingExecutable() async throws {
        let directory = try TemporalCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = try Self.script("echo 'unknown command server' >&2; exit 3", in: directory)
        var options = TemporalCLI.options()
        options.executable = script
        let error = await #expect(throws: DevServerError.self) { try await DevServer.start(options) }
        guard case .exitedDuringStartup(_, let termination, let outputTail) = error else {
            Issue.record("expected exitedDuringStartup, got \(String(describing: error))")
            return
        }
        #expect(termination == .exited(3))
        #expect(outputTail.contains("unknown command server"))
    }

    @Test("a server that never listens times out with the tail of its output")
    func startupTimeout() async throws {
        let directory = try TemporalCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = try Self.script("echo 'still warming up'; exec sleep 600", in: directory)
        var options = TemporalCLI.options(startupTimeout: .seconds(1))
        options.executable = script
        let clock = ContinuousClock()
        let start = clock.now
        let error = await #expect(throws: DevServerError.self) { try await DevServer.start(options) }
        // The script would sleep 600 s; the 1 s timeout plus a bounded stop is far less. The bound
        // is loose because beside every suite on 2 cores the cooperative pool resumes sleeps late
        // (38 s seen in CI).
        #expect(clock.now - start < .seconds(120))
        guard case .startupTimedOut(_, _, let outputTail) = error else {
            Issue.record("expected startupTimedOut, got \(String(describing: error))")
            return
        }
        #expect(outputTail.contains("still warming up"))
    }

    @Test("a port another process listens on is refused up front")
    func portInUse() async throws {
        let server = try await DevServer.start(TemporalCLI.options())
        let error = await #expect(throws: DevServerError.self) {
            try await DevServer.start(TemporalCLI.options(port: server.port))
        }
        await server.stop()
        guard case .portInUse = error else {
            Issue.record("expected portInUse, got \(String(describing: error))")
            return
        }
    }

    private static func script(_ body: String, in directory: URL) throws -> URL {
        let url = directory.appending(path: "fake-temporal")
        try "#!/bin/sh\n\(body)\n".write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url
    }
}
