import TemporalDevServer
import Testing

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
}
