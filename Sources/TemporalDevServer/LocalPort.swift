import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Free TCP ports and connection probes on this machine, for servers started by tests.
public enum LocalPort {
    /// A socket call that failed while looking for a free port.
    public struct AllocationError: Error, CustomStringConvertible {
        public let operation: String
        public let code: Int32

        public var description: String {
            "could not find a free TCP port: \(operation) failed: \(String(cString: strerror(code)))"
        }
    }

    // Ports already handed out by this process: the kernel may offer a port again once its probe
    // socket is closed, and servers started in parallel must never be given the same one.
    private static let issued = Mutex<Set<Int>>([])

    /// A TCP port that nothing listens on.
    ///
    /// On Linux it is drawn from below the kernel's ephemeral range
    /// (`/proc/sys/net/ipv4/ip_local_port_range`), which the kernel never hands out by itself: a
    /// port from that range could be taken by any process's outgoing connection or `bind(0)` (a
    /// dev server's internal services pick theirs that way) between this probe and the server's
    /// bind, or between a server's stop and its restart on the same port. Elsewhere, and when that
    /// range is too small, the port comes from binding `host`:0.
    public static func free(host: String = "127.0.0.1") throws -> Int {
        try free(count: 1, host: host)[0]
    }

    /// `count` distinct free TCP ports, none handed out before by this process.
    ///
    /// All probe sockets stay bound until every port is chosen, so the kernel cannot offer the
    /// same port twice.
    public static func free(count: Int, host: String = "127.0.0.1") throws -> [Int] {
        var descriptors: [Int32] = []
        defer { for descriptor in descriptors { _ = close(descriptor) } }
        var ports: [Int] = []
        var attempts = 0
        while ports.count < count {
            attempts += 1
            let (descriptor, port) = try bindOutsideEphemeralRange(host: host)
            descriptors.append(descriptor)
            let isNew = issued.withLock { $0.insert(port).inserted }
            if isNew {
                ports.append(port)
            } else if attempts > count + 100 {
                throw AllocationError(operation: "finding an unused port", code: EADDRINUSE)
            }
        }
        return ports
    }

    /// Whether a TCP connection to `host`:`port` is accepted within `timeout`.
    public static func isAcceptingConnections(
        host: String = "127.0.0.1",
        port: Int,
        timeout: Duration = .seconds(1)
    ) -> Bool {
        guard let addresses = try? resolve(host: host, port: port) else { return false }
        defer { freeaddrinfo(addresses) }
        var entry: UnsafeMutablePointer<addrinfo>? = addresses
        while let info = entry {
            if probe(info.pointee, timeout: timeout) { return true }
            entry = info.pointee.ai_next
        }
        return false
    }

    /// Ports below the kernel's ephemeral range and above the well-known services', or nil when
    /// the range is unknown (not Linux) or leaves too few.
    static func portsOutsideEphemeralRange() -> ClosedRange<Int>? {
        guard let text = try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8),
            let low = text.split(whereSeparator: \.isWhitespace).first.flatMap({ Int($0) })
        else { return nil }
        let lowest = 15_000
        return low - 1 - lowest >= 1_000 ? lowest...(low - 1) : nil
    }

    /// A socket bound to a random free port outside the ephemeral range, else to an ephemeral one.
    private static func bindOutsideEphemeralRange(host: String) throws -> (socket: Int32, port: Int) {
        if let ports = portsOutsideEphemeralRange() {
            for _ in 0..<64 {
                let port = Int.random(in: ports)
                if let descriptor = try bindSocket(host: host, port: port) { return (descriptor, port) }
            }
        }
        return try bindEphemeral(host: host)
    }

    /// A socket bound to `host`:`port`, or nil when the port is taken.
    private static func bindSocket(host: String, port: Int) throws -> Int32? {
        let addresses = try resolve(host: host, port: port)
        defer { freeaddrinfo(addresses) }
        let info = addresses.pointee
        let fd = socket(info.ai_family, info.ai_socktype, info.ai_protocol)
        guard fd >= 0 else { throw AllocationError(operation: "socket", code: errno) }
        if bind(fd, info.ai_addr, info.ai_addrlen) == 0 { return fd }
        let code = errno
        _ = close(fd)
        if code == EADDRINUSE || code == EACCES { return nil }
        throw AllocationError(operation: "bind to \(host):\(port)", code: code)
    }

    private static func bindEphemeral(host: String) throws -> (socket: Int32, port: Int) {
        let addresses = try resolve(host: host, port: 0)
        defer { freeaddrinfo(addresses) }
        let info = addresses.pointee
        let fd = socket(info.ai_family, info.ai_socktype, info.ai_protocol)
        guard fd >= 0 else { throw AllocationError(operation: "socket", code: errno) }
        guard bind(fd, info.ai_addr, info.ai_addrlen) == 0 else {
            let code = errno
            _ = close(fd)
            throw AllocationError(operation: "bind to \(host):0", code: code)
        }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let named = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else {
            let code = errno
            _ = close(fd)
            throw AllocationError(operation: "getsockname", code: code)
        }
        let family = Int32(storage.ss_family)
        let port: UInt16 = withUnsafePointer(to: storage) { pointer in
            if family == AF_INET6 {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_port }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_port }
        }
        return (fd, Int(UInt16(bigEndian: port)))
    }

    private static func resolve(host: String, port: Int) throws -> UnsafeMutablePointer<addrinfo> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = streamSocketType
        hints.ai_flags = AI_NUMERICSERV
        var result: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &result)
        guard status == 0, let result else {
            throw AllocationError(operation: "resolving \(host)", code: status == EAI_SYSTEM ? errno : EINVAL)
        }
        return result
    }

    // A non-blocking connect bounded by `timeout`, so a filtered address cannot stall a probe.
    private static func probe(_ info: addrinfo, timeout: Duration) -> Bool {
        let fd = socket(info.ai_family, info.ai_socktype, info.ai_protocol)
        guard fd >= 0 else { return false }
        defer { _ = close(fd) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        if connect(fd, info.ai_addr, info.ai_addrlen) == 0 { return true }
        guard errno == EINPROGRESS else { return false }
        var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        guard poll(&descriptor, 1, milliseconds) == 1 else { return false }
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 else { return false }
        return error == 0
    }
}

#if canImport(Glibc)
private let streamSocketType = Int32(SOCK_STREAM.rawValue)
#else
private let streamSocketType = SOCK_STREAM
#endif
