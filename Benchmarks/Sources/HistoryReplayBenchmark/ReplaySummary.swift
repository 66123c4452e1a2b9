import BenchmarkSupport
import Foundation

/// The figures of a run: per size, the median over rounds of each process's fastest replay and of
/// its peak memory; between sizes, the marginal time and memory per event.
struct ReplaySummary {
    let sizes: [Int]
    let swift: [Int: [ReplayReport]]
    let python: [Int: [ReplayReport]]

    func time(_ reports: [Int: [ReplayReport]], _ size: Int) -> Double { median(reports[size]?.map(\.best) ?? []) }
    func peak(_ reports: [Int: [ReplayReport]], _ size: Int) -> Double { median(reports[size]?.map { Double($0.peakRSS) } ?? []) }
    func growth(_ reports: [Int: [ReplayReport]], _ size: Int) -> Double { median(reports[size]?.map { Double($0.growth) } ?? []) }

    /// (t(large) − t(small)) / (large − small): the cost of one more event, set-up excluded.
    func marginal(_ value: (Int) -> Double, from small: Int, to large: Int) -> Double {
        (value(large) - value(small)) / Double(large - small)
    }

    func print() {
        let mib = 1_048_576.0
        Swift.print("")
        Swift.print(
            pad("events", 8) + lpad("Swift ms", 10) + lpad("µs/event", 10) + lpad("Python ms", 11) + lpad("µs/event", 10)
                + lpad("ratio", 8) + lpad("Swift peak MiB (+growth)", 26) + lpad("Python peak MiB (+growth)", 27)
        )
        Swift.print(String(repeating: "-", count: 110))
        for size in sizes {
            let swiftTime = time(swift, size)
            let pythonTime = time(python, size)
            Swift.print(
                pad(formatRate(Double(size)), 8) + lpad(format(swiftTime * 1e3, digits: 2), 10)
                    + lpad(format(swiftTime * 1e6 / Double(size), digits: 3), 10)
                    + lpad(format(pythonTime * 1e3, digits: 1), 11) + lpad(format(pythonTime * 1e6 / Double(size), digits: 2), 10)
                    + lpad(format(pythonTime / swiftTime, digits: 1) + "×", 8)
                    + lpad("\(format(peak(swift, size) / mib, digits: 1)) (+\(format(growth(swift, size) / mib, digits: 1)))", 26)
                    + lpad("\(format(peak(python, size) / mib, digits: 1)) (+\(format(growth(python, size) / mib, digits: 1)))", 27)
            )
        }
        Swift.print("")
        Swift.print("marginal per event (between sizes; set-up excluded)")
        Swift.print(
            pad("between", 20) + lpad("Swift µs", 10) + lpad("Python µs", 11) + lpad("ratio", 8) + lpad("Swift bytes", 13)
                + lpad("Python bytes", 14)
        )
        for (small, large) in zip(sizes, sizes.dropFirst()) + (sizes.count > 2 ? [(sizes[0], sizes[sizes.count - 1])] : []) {
            let swiftTime = marginal({ time(swift, $0) }, from: small, to: large)
            let pythonTime = marginal({ time(python, $0) }, from: small, to: large)
            let swiftBytes = marginal({ peak(swift, $0) }, from: small, to: large)
            let pythonBytes = marginal({ peak(python, $0) }, from: small, to: large)
            Swift.print(
                pad("\(formatRate(Double(small)))–\(formatRate(Double(large)))", 20) + lpad(format(swiftTime * 1e6, digits: 3), 10)
                    + lpad(format(pythonTime * 1e6, digits: 2), 11) + lpad(format(pythonTime / swiftTime, digits: 1) + "×", 8)
                    + lpad(formatRate(swiftBytes), 13) + lpad(formatRate(pythonBytes), 14)
            )
        }
        if let small = sizes.first, let large = sizes.last, small < large {
            let ratio = marginal({ time(python, $0) }, from: small, to: large) / marginal({ time(swift, $0) }, from: small, to: large)
            let swiftBytes = marginal({ peak(swift, $0) }, from: small, to: large)
            let pythonBytes = marginal({ peak(python, $0) }, from: small, to: large)
            let verdict = ratio >= 5 && swiftBytes < pythonBytes ? "PASS" : "FAIL"
            Swift.print("")
            Swift.print(
                "\(verdict): Swift \(format(ratio, digits: 1))× faster per event (target ≥ 5×); memory per event \(formatRate(swiftBytes)) B vs Python's \(formatRate(pythonBytes)) B (target below)"
            )
        }
    }

    func record(into results: inout BenchmarkResults) {
        for size in sizes {
            results.record(
                .init(
                    name: "replay-ms/\(size)-events",
                    unit: "ms",
                    swift: time(swift, size) * 1e3,
                    python: python.isEmpty ? nil : time(python, size) * 1e3
                )
            )
            results.record(
                .init(
                    name: "peak-rss-mib/\(size)-events",
                    unit: "MiB",
                    swift: peak(swift, size) / 1_048_576,
                    python: python.isEmpty ? nil : peak(python, size) / 1_048_576
                )
            )
        }
        for (small, large) in zip(sizes, sizes.dropFirst()) + (sizes.count > 2 ? [(sizes[0], sizes[sizes.count - 1])] : []) {
            results.record(
                .init(
                    name: "marginal-us-per-event/\(small)-\(large)",
                    unit: "µs",
                    swift: marginal({ time(swift, $0) }, from: small, to: large) * 1e6,
                    python: python.isEmpty ? nil : marginal({ time(python, $0) }, from: small, to: large) * 1e6,
                    target: "Swift ≥ 5× faster"
                )
            )
            results.record(
                .init(
                    name: "marginal-peak-bytes-per-event/\(small)-\(large)",
                    unit: "bytes",
                    swift: marginal({ peak(swift, $0) }, from: small, to: large),
                    python: python.isEmpty ? nil : marginal({ peak(python, $0) }, from: small, to: large),
                    target: "Swift below Python"
                )
            )
        }
    }
}
