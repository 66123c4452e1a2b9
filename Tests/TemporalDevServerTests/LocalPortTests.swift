import Foundation
import Testing

@testable import TemporalDevServer

@Suite("Local ports")
struct LocalPortTests {
    @Test("free ports are distinct and not listened on")
    func freePorts() throws {
        let ports = try LocalPort.free(count: 20)
        #expect(Set(ports).count == 20)
        #expect(ports.allSatisfy { $0 > 0 && $0 < 65536 })
        #expect(!LocalPort.isAcceptingConnections(port: ports[0]))
        #expect(try !ports.contains(LocalPort.free()))
    }

    /// The kernel hands out ports of its ephemeral range to any process's outgoing connection and
    /// `bind(0)`; a server's port from there could be taken before it binds or while it restarts.
    @Test("free ports lie below the kernel's ephemeral range on Linux")
    func freePortsAvoidTheEphemeralRange() throws {
        #if os(Linux)
        let range = try String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8)
        let low = try #require(range.split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) })
        try #require(LocalPort.portsOutsideEphemeralRange() != nil, "the ephemeral range starts at \(low)")
        let ports = try LocalPort.free(count: 10)
        #expect(ports.allSatisfy { $0 >= 15_000 && $0 < low }, "\(ports) against an ephemeral range from \(low)")
        #endif
    }
}
