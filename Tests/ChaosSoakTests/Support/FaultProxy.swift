// Linux only, like the soak: it uses Glibc's socket constants and reads /proc.
#if canImport(Glibc)
import Foundation
import Glibc
import Synchronization

/// A TCP proxy on 127.0.0.1 in front of the dev server, through which the soak's workers reach it,
/// so the test can break their network: reset every connection, stall all traffic, delay it, or
/// leave connections half-open (the server's side closed towards the client). One thread accepts;
/// each connection has one thread that polls both sockets and checks the fault state between reads,
/// so a fault takes effect within a poll interval and no socket is closed under another thread.
final class FaultProxy: Sendable {
    /// How traffic flows at the moment.
    enum Flow: Sendable, Equatable {
        case pass
        /// Nothing is read or forwarded, in either direction, until the flow changes.
        case stall
        /// Each chunk is forwarded after this pause.
        case delay(Duration)
    }

    private struct State {
        var flow = Flow.pass
        /// Raised to reset (RST) every connection open at the time.
        var resetGeneration = 0
        /// Raised to close, on every open connection, the direction towards the client.
        var halfOpenGeneration = 0
        var open = 0
        var accepted = 0
        var closed = false
    }

    let port: Int
    private let upstreamPort: Int
    private let listener: Int32
    private let state = Mutex(State())

    /// Listens on a free port of 127.0.0.1 and forwards to 127.0.0.1:`upstreamPort`.
    init(upstreamPort: Int) throws {
        self.upstreamPort = upstreamPort
        let socket = try Self.makeSocket()
        var one: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(socket, 64) == 0 else {
            Glibc.close(socket)
            throw FaultProxyError(description: "cannot listen on 127.0.0.1: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        listener = socket
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "fault-proxy-accept"
        thread.start()
    }

    var address: String { "127.0.0.1:\(port)" }

    /// Connections open now, and accepted since the start.
    var connectionCounts: (open: Int, accepted: Int) { state.withLock { ($0.open, $0.accepted) } }

    func setFlow(_ flow: Flow) {
        state.withLock { $0.flow = flow }
    }

    /// Resets every open connection (SO_LINGER 0, so the peers see RST); new ones are accepted.
    func resetAll() {
        state.withLock { $0.resetGeneration += 1 }
    }

    /// Closes the server-to-client direction of every open connection: the client reads EOF while
    /// its writes still reach the server. `resetAll()` ends such connections.
    func halfCloseAll() {
        state.withLock { $0.halfOpenGeneration += 1 }
    }

    /// Stops accepting and resets every connection; the threads end within a poll interval.
    func close() {
        state.withLock { $0.closed = true }
    }

    private func acceptLoop() {
        defer { Glibc.close(listener) }
        while !state.withLock({ $0.closed }) {
            var descriptor = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 100) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            guard let server = connectUpstream() else {
                // The server is down: the client sees its connection refused, in effect.
                Self.abort(client)
                continue
            }
            let generations = state.withLock { state in
                state.open += 1
                state.accepted += 1
                return (state.resetGeneration, state.halfOpenGeneration)
            }
            let thread = Thread { [self] in
                pump(client: client, server: server, resetGeneration: generations.0, halfOpenGeneration: generations.1)
                state.withLock { $0.open -= 1 }
            }
            thread.name = "fault-proxy-connection"
            thread.start()
        }
    }

    private func connectUpstream() -> Int32? {
        guard let server = try? Self.makeSocket() else { return nil }
        var address = Self.loopback(port: upstreamPort)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(server)
            return nil
        }
        return server
    }

    private func pump(client: Int32, server: Int32, resetGeneration: Int, halfOpenGeneration: Int) {
        var halfOpen = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let (flow, reset, halfOpenNow, closed) = state.withLock {
                ($0.flow, $0.resetGeneration, $0.halfOpenGeneration, $0.closed)
            }
            if closed || reset != resetGeneration {
                Self.abort(client)
                Self.abort(server)
                return
            }
            if halfOpenNow != halfOpenGeneration && !halfOpen {
                shutdown(client, Int32(SHUT_WR))
                halfOpen = true
            }
            if flow == .stall {
                usleep(50_000)
                continue
            }
            var descriptors = [
                pollfd(fd: client, events: Int16(POLLIN), revents: 0), pollfd(fd: server, events: Int16(POLLIN), revents: 0),
            ]
            guard poll(&descriptors, 2, 100) > 0 else { continue }
            for (index, descriptor) in descriptors.enumerated() where descriptor.revents != 0 {
                let (from, to) = index == 0 ? (client, server) : (server, client)
                let count = read(from, &buffer, buffer.count)
                guard count > 0 else {
                    Glibc.close(client)
                    Glibc.close(server)
                    return
                }
                // Half-open: what the server sends is dropped; the client already read EOF.
                if halfOpen && from == server { continue }
                if case .delay(let pause) = flow {
                    usleep(UInt32(pause.components.seconds * 1_000_000 + pause.components.attoseconds / 1_000_000_000_000))
                }
                guard Self.writeAll(to, buffer, count) else {
                    Self.abort(client)
                    Self.abort(server)
                    return
                }
            }
        }
    }

    private static func writeAll(_ descriptor: Int32, _ buffer: [UInt8], _ count: Int) -> Bool {
        var written = 0
        while written < count {
            let result = buffer.withUnsafeBytes { bytes in
                send(descriptor, bytes.baseAddress! + written, count - written, Int32(MSG_NOSIGNAL))
            }
            if result <= 0 { return false }
            written += result
        }
        return true
    }

    /// Closes with SO_LINGER 0: the peer gets RST instead of FIN.
    private static func abort(_ descriptor: Int32) {
        var linger = linger(l_onoff: 1, l_linger: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
        Glibc.close(descriptor)
    }

    private static func makeSocket() throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw FaultProxyError(description: "socket() failed: errno \(errno)") }
        // A stalled peer must not block the pump thread forever: sends give up after 5 seconds.
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return descriptor
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}

/// The proxy could not listen.
struct FaultProxyError: Error, CustomStringConvertible {
    let description: String
}
#endif
