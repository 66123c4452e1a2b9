import Foundation
import Testing

@testable import TemporalDevServer

@Suite("Local port listeners")
struct LocalPortListenerTests {
    /// What tells a dev server's own front end from another server's internal service that took
    /// its port first: the listener's owner.
    @Test("the owner of a listening port is told apart from another process")
    func listenerOwnership() async throws {
        // The listener binds a port of its own choosing and reports it: a port chosen here and
        // bound there could be taken in between by any other process on a busy machine.
        let portFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("listener-port-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: portFile) }
        let listener = Process()
        listener.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        listener.arguments = [
            "python3", "-c",
            // Two hundred other listeners first: the table of sockets is then many pages long, as
            // on a machine running the whole suite (a reader that stops after a page misses ports).
            """
            import os, socket, sys, time
            others = [socket.socket() for _ in range(200)]
            for other in others: other.bind(('127.0.0.1', 0)); other.listen()
            s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()
            with open(sys.argv[1] + '.tmp', 'w') as f: f.write(str(s.getsockname()[1]))
            os.rename(sys.argv[1] + '.tmp', sys.argv[1])
            time.sleep(60)
            """,
            portFile.path,
        ]
        try listener.run()
        defer {
            kill(listener.processIdentifier, SIGKILL)
            listener.waitUntilExit()
        }
        var port: Int?
        for _ in 0..<600 where port == nil && listener.isRunning {
            port = (try? String(contentsOf: portFile, encoding: .utf8)).flatMap(Int.init)
            if port == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        let listeningPort = try #require(port, "the listener process reports its port within 30 s")
        #expect(LocalPort.isAcceptingConnections(port: listeningPort, timeout: .seconds(5)))
        #expect(LocalPort.isListener(onPort: listeningPort, process: listener.processIdentifier) == true)
        #expect(LocalPort.isListener(onPort: listeningPort, process: getpid()) == false)
        let unused = try LocalPort.free()
        #expect(LocalPort.isListener(onPort: unused, process: listener.processIdentifier) == false)
    }
}
