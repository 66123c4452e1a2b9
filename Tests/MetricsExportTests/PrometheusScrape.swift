import Foundation

/// Parsed Prometheus text exposition: one sample per line, `name{labels} value`.
struct PrometheusScrape: Sendable {
    struct Sample: Sendable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    var samples: [Sample]

    init(text: String) {
        samples = text.split(separator: "\n").compactMap { line in Self.sample(String(line)) }
    }

    private static func sample(_ line: String) -> Sample? {
        guard !line.hasPrefix("#"), let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
            return nil
        }
        let series = line[..<space]
        guard let brace = series.firstIndex(of: "{") else {
            return Sample(name: String(series), labels: [:], value: value)
        }
        var labels: [String: String] = [:]
        // Label values here never hold `",` or escapes: names, queues and operations.
        for pair in series[series.index(after: brace)..<series.index(before: series.endIndex)].split(separator: "\",") {
            guard let equals = pair.firstIndex(of: "=") else { continue }
            labels[String(pair[..<equals])] = String(pair[pair.index(after: equals)...]).trimmingCharacters(
                in: CharacterSet(charactersIn: "\"")
            )
        }
        return Sample(name: String(series[..<brace]), labels: labels, value: value)
    }

    /// The samples of `name` whose labels include every pair of `labels`.
    func samples(_ name: String, _ labels: [String: String] = [:]) -> [Sample] {
        samples.filter { sample in sample.name == name && labels.allSatisfy { sample.labels[$0.key] == $0.value } }
    }

    /// The sum of the matching samples' values.
    func total(_ name: String, _ labels: [String: String] = [:]) -> Double {
        samples(name, labels).map(\.value).reduce(0, +)
    }
}
