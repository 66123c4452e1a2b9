import Foundation
import Testing

@testable import TemporalDevServer

@Suite("Local port listeners")
struct LocalPortListenerTests {
    /// What tells a dev server's own front end from another server's internal service that took
    /// its port first: the listener's owner.
    @Test("the owner of a listening port is told apart from another process")
    func listenerOwnership() async throws {
        let port = try LocalPort.free()
        let listener = Process()
        listener.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        listener.arguments = [
            "python3", "-c",
            // Two hundred other listeners first: the table of sockets is then many pages long, as
            // on a machine running the whole suite (a reader that stops after a page misses ports).
            """
            import socket, time
            others = [socket.socket() for _ in range(200)]
            for other in others: other.bind(('127.0.0.1', 0)); other.listen()
            s = socket.socket(); s.bind(('127.0.0.1', \(port))); s.listen(); time.sleep(30)
            """,
        ]
        try listener.run()
        defer {
            kill(listener.processIdentifier, SIGKILL)
            listener.waitUntilExit()
        }
        var accepting = false
        for _ in 0..<200 where !accepting {
            accepting = LocalPort.isAcceptingConnections(port: port, timeout: .milliseconds(200))
            if !accepting { try await Task.sleep(for: .milliseconds(50)) }
        }
        try #require(accepting, "the listener process listens within 10 s")
        #expect(LocalPort.isListener(onPort: port, process: listener.processIdentifier) == true)
        #expect(LocalPort.isListener(onPort: port, process: getpid()) == false)
        let unused = try LocalPort.free()
        #expect(LocalPort.isListener(onPort: unused, process: listener.processIdentifier) == false)
    }
}
