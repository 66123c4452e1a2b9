import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension LocalPort {
    /// Whether the TCP listener on `port` belongs to the process `pid`, read from Linux's `/proc`
    /// (the socket inodes listening on the port against the process's open descriptors); nil where
    /// `/proc` does not tell (other systems).
    ///
    /// A dev server's internal services (history, matching, worker) listen on ports its CLI picks
    /// for itself, so a port chosen here for one server can be taken by another server's internal
    /// service before the first binds it: that listener answers connections but serves no
    /// `WorkflowService`, and only ownership tells the two apart.
    static func isListener(onPort port: Int, process pid: Int32) -> Bool? {
        let tables = ["/proc/net/tcp", "/proc/net/tcp6"].compactMap(readProcFile)
        guard !tables.isEmpty else { return nil }
        let listening = Set(tables.flatMap { listeningInodes(onPort: port, table: $0) })
        guard !listening.isEmpty else { return false }
        let descriptors = "/proc/\(pid)/fd"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: descriptors) else { return nil }
        return entries.contains { entry in
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "\(descriptors)/\(entry)"),
                target.hasPrefix("socket:[")
            else { return false }
            return listening.contains(String(target.dropFirst("socket:[".count).dropLast()))
        }
    }

    /// A `/proc` file read to its end. Its size reads as 0, and Foundation's whole-file readers
    /// stop after the first page of such a file, which holds only the first few dozen sockets.
    private static func readProcFile(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { _ = close(descriptor) }
        var contents: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { return nil }
            if count == 0 { break }
            contents.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: contents, as: UTF8.self)
    }

    /// The socket inodes of a `/proc/net/tcp` table in state LISTEN (`0A`) on `port`.
    private static func listeningInodes(onPort port: Int, table: String) -> [String] {
        let portSuffix = ":" + String(format: "%04X", port)
        return table.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            // sl, local_address, rem_address, st, tx_queue:rx_queue, tr:tm->when, retrnsmt, uid, timeout, inode
            guard fields.count > 9, fields[1].hasSuffix(portSuffix), fields[3] == "0A" else { return nil }
            return String(fields[9])
        }
    }
}
