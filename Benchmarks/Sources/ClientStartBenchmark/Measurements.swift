import BenchmarkSupport
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// User + system CPU time of this process, all threads (the same clock as Python's `time.process_time()`).
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

/// The CPU time the dev server has used, read from `/proc`: the server shares the machine's cores
/// with the client, so a client that needs less CPU leaves more to the server.
struct ServerCPU {
    let processIDs: [Int32]

    /// The processes whose command line is `… server start-dev … --port <port> …` (the CLI, and a
    /// wrapper around it if there is one); nil where there is no `/proc`.
    init?(port: Int) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
        var found: [Int32] = []
        for entry in entries {
            guard let pid = Int32(entry),
                let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline")
            else { continue }
            let arguments = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            guard arguments.contains("start-dev"), let flag = arguments.firstIndex(of: "--port"),
                flag + 1 < arguments.count, arguments[flag + 1] == String(port)
            else { continue }
            found.append(pid)
        }
        guard !found.isEmpty else { return nil }
        processIDs = found
    }

    /// Total user + system seconds of the server's processes so far.
    func seconds() -> Double {
        let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        var total = 0.0
        for pid in processIDs {
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { continue }
            let text = String(decoding: data, as: UTF8.self)
            // Fields after the command name, which is in parentheses and may hold spaces: state is
            // field 3, utime 14 and stime 15.
            guard let close = text.lastIndex(of: ")") else { continue }
            let fields = text[text.index(after: close)...].split(separator: " ")
            guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { continue }
            total += (user + system) / ticksPerSecond
        }
        return total
    }
}

/// The load average over the last minute, from `/proc/loadavg`.
func loadAverage() -> String? {
    guard let data = FileManager.default.contents(atPath: "/proc/loadavg") else { return nil }
    return String(decoding: data, as: UTF8.self).split(separator: " ").prefix(3).joined(separator: " ")
}

/// The value below which `fraction` of `sorted` lies (nearest rank).
func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int(fraction * Double(sorted.count)))]
}
