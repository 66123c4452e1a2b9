import BenchmarkSupport
import Foundation

extension ServerReplay {
    /// Prints the dev-server figures (medians over the repeats) and records them.
    static func report(_ figures: [Figure], into results: inout BenchmarkResults) {
        Swift.print("")
        Swift.print(
            pad("events", 8) + lpad("pages", 7) + lpad("uncached query ms", 19) + lpad("µs/event", 10) + lpad("replayHistory ms", 18)
                + lpad("µs/event", 10)
        )
        Swift.print(String(repeating: "-", count: 72))
        for figure in figures {
            let query = median(figure.querySeconds)
            let replay = median(figure.replaySeconds)
            Swift.print(
                pad(formatRate(Double(figure.events)), 8) + lpad("\(figure.pages)", 7) + lpad(format(query * 1e3, digits: 1), 19)
                    + lpad(format(query * 1e6 / Double(figure.events), digits: 2), 10) + lpad(format(replay * 1e3, digits: 1), 18)
                    + lpad(format(replay * 1e6 / Double(figure.events), digits: 2), 10)
            )
            results.record(
                .init(name: "dev-server-uncached-query-ms/\(figure.events)-events-\(figure.pages)-pages", unit: "ms", swift: query * 1e3)
            )
            results.record(
                .init(name: "dev-server-replayHistory-ms/\(figure.events)-events-\(figure.pages)-pages", unit: "ms", swift: replay * 1e3)
            )
        }
        if let small = figures.first, let large = figures.last, large.events > small.events {
            let marginal = (median(large.querySeconds) - median(small.querySeconds)) / Double(large.events - small.events)
            let fetch = (median(large.replaySeconds) - median(small.replaySeconds)) / Double(large.events - small.events)
            Swift.print(
                "marginal per event \(formatRate(Double(small.events)))–\(formatRate(Double(large.events))): uncached query "
                    + "\(format(marginal * 1e6, digits: 2)) µs, replayHistory (fetch + decode + replay) \(format(fetch * 1e6, digits: 2)) µs"
            )
            results.record(.init(name: "dev-server-uncached-query-marginal-us-per-event", unit: "µs", swift: marginal * 1e6))
            results.record(.init(name: "dev-server-replayHistory-marginal-us-per-event", unit: "µs", swift: fetch * 1e6))
        }
    }
}
