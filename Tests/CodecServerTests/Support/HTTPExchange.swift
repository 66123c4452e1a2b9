import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One real HTTP request to a server on this machine and what came back.
struct HTTPExchange {
    let status: Int
    let headers: [String: String]
    let body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The header `name`, matched without regard to case.
    func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Sends `method` to `url` with `headers` and `body` (streamed when `streamingBody`), giving up
    /// after a (loose) timeout.
    static func send(
        _ method: String,
        _ url: URL,
        headers: [String: String] = [:],
        body: Data? = nil,
        streamingBody: Bool = false
    ) async throws -> HTTPExchange {
        var request = URLRequest(url: url, timeoutInterval: 30)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        // A streamed body goes out chunked, without a Content-Length the server could check first.
        if streamingBody, let body {
            request.httpBodyStream = InputStream(data: body)
        } else {
            request.httpBody = body
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let response = response as? HTTPURLResponse else {
            throw URLError(.badServerResponse)
        }
        var fields: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name] = value }
        }
        return HTTPExchange(status: response.statusCode, headers: fields, body: data)
    }
}
