import Foundation

/// One span as the OTLP collector process wrote it (a line of its JSON output).
struct CollectedSpan: Decodable, Sendable, CustomStringConvertible {
    /// The exporting process's `service.name`: `swift-worker`, `python-client`, …
    let service: String
    let traceId: String
    let spanId: String
    /// Empty for a root span.
    let parentSpanId: String
    let name: String
    /// `client`, `server`, `internal`, …
    let kind: String
    let attributes: [String: String]
    /// The span IDs this span links to.
    let links: [String]
    /// The OTLP status code: 0 unset, 1 ok, 2 error.
    let status: Int
    /// The names of the span's events (`exception` for a recorded error).
    let events: [String]

    var description: String { "\(service) \(name) [\(kind)] \(spanId) ← \(parentSpanId.isEmpty ? "root" : parentSpanId)" }
}

extension [CollectedSpan] {
    /// The spans named `name`.
    func named(_ name: String) -> [CollectedSpan] { filter { $0.name == name } }

    /// The one span named `name`, failing with the collected spans when there is not exactly one.
    func single(_ name: String) throws -> CollectedSpan {
        let matches = named(name)
        guard matches.count == 1, let span = matches.first else {
            throw TracingTestError(description: "expected one span \(name), got \(matches.count) among:\n\(tree)")
        }
        return span
    }

    /// The spans as an indented tree by parent link, for failure messages and the docs.
    var tree: String {
        let ids = Set(map(\.spanId))
        func lines(_ span: CollectedSpan, depth: Int) -> [String] {
            let line = String(repeating: "  ", count: depth) + "\(span.name) (\(span.service), \(span.kind))"
            return [line] + filter { $0.parentSpanId == span.spanId }.flatMap { lines($0, depth: depth + 1) }
        }
        return filter { !ids.contains($0.parentSpanId) }.flatMap { lines($0, depth: 0) }.joined(separator: "\n")
    }
}

/// A tracing test's set-up failed or its spans did not arrive.
struct TracingTestError: Error, CustomStringConvertible {
    let description: String
}
