import Foundation

/// CPU time and memory of one process, read from `/proc`, so a benchmark charges each SDK's worker
/// for its own work only (not the client's, the dev server's or the benchmark driver's).
public struct ProcessUsage: Sendable, Equatable {
    /// User plus system CPU time, in seconds.
    public var cpuSeconds: Double
    /// Resident set size now, in bytes.
    public var residentBytes: Int
    /// The peak resident set size (`VmHWM`), in bytes.
    public var peakResidentBytes: Int

    /// Reads the usage of process `pid` (Linux only); `nil` once the process has gone.
    public static func read(pid: Int32) -> ProcessUsage? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        else { return nil }
        // Fields after the command name, which is parenthesised and may hold spaces.
        guard let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // utime and stime are fields 14 and 15 of stat; after ")" they are at offsets 11 and 12.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return ProcessUsage(
            cpuSeconds: (user + system) / ticks,
            residentBytes: kilobytes(named: "VmRSS", in: status) * 1024,
            peakResidentBytes: kilobytes(named: "VmHWM", in: status) * 1024
        )
    }

    /// The usage of the calling process.
    public static func current() -> ProcessUsage {
        read(pid: getpid()) ?? ProcessUsage(cpuSeconds: 0, residentBytes: 0, peakResidentBytes: 0)
    }

    private static func kilobytes(named name: String, in status: String) -> Int {
        for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
        }
        return 0
    }
}
