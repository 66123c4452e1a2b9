import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import TemporalContracts

/// Answers the codec protocol: routing, CORS, the token check, the size limit and the codecs.
///
/// Every request gets an answer: a refusal is a 4xx response whose plain-text body says what was
/// wrong, and nothing a client sends can make it throw.
struct CodecServerResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// A request refused before or instead of running the codecs.
    struct Refusal: Error {
        var status: HTTPResponse.Status
        var message: String
        var headers: HTTPFields = [:]
    }

    private enum Operation: String {
        case encode, decode
    }

    let options: CodecServerOptions
    /// The codecs for a namespace, in the order the data converter runs them when encoding;
    /// `nil` for a namespace the server does not serve.
    let codecs: @Sendable (String) -> [any PayloadCodec]?

    static let namespaceHeader = HTTPField.Name("X-Namespace")!
    private static let allowedMethods = "POST, OPTIONS"
    private static let allowedRequestHeaders = "Content-Type, X-Namespace, Authorization"

    func respond(to request: Request, context: Context) async throws -> Response {
        var response: Response
        do {
            response = try await answer(request, context: context)
        } catch let refusal as Refusal {
            context.logger.info(
                "codec request refused",
                metadata: ["status": "\(refusal.status.code)", "reason": "\(refusal.message)", "path": "\(request.uri.path)"]
            )
            response = Self.text(refusal.status, refusal.message, headers: refusal.headers)
        } catch {
            // Only the codecs' own failures get here; a codec that cannot decode is the caller's
            // data, not a server fault.
            response = Self.text(.badRequest, "\(error)")
        }
        if let origin = request.headers[.origin], isAllowed(origin: origin) {
            response.headers[.accessControlAllowOrigin] = origin
            response.headers[.accessControlAllowCredentials] = "true"
            response.headers[.vary] = "Origin"
        }
        return response
    }

    private func answer(_ request: Request, context: Context) async throws -> Response {
        let segments = request.uri.path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        guard let last = segments.last, let operation = Operation(rawValue: last) else {
            throw Refusal(
                status: .notFound,
                message: "no such endpoint \(request.uri.path): use POST /{namespace}/encode or /{namespace}/decode"
            )
        }
        if let origin = request.headers[.origin], !isAllowed(origin: origin) {
            throw Refusal(
                status: .forbidden,
                message: "origin \(origin) is not allowed: add it to the codec server's allowed origins"
            )
        }
        if request.method == .options { return preflight(request) }
        guard request.method == .post else {
            throw Refusal(
                status: .methodNotAllowed,
                message: "method \(request.method) is not allowed: use POST",
                headers: [.allow: Self.allowedMethods]
            )
        }
        try authorize(request)
        let namespace = try namespace(of: request, segments: segments)
        guard let codecs = codecs(namespace) else {
            throw Refusal(status: .notFound, message: "namespace '\(namespace)' is not served by this codec server")
        }
        let body = try await body(of: request)
        let payloads: [Payload]
        do {
            payloads = try PayloadsJSON.decode(body)
        } catch let malformed as PayloadsJSON.MalformedBody {
            throw Refusal(status: .badRequest, message: "malformed payloads: \(malformed.description)")
        }
        let result = try await run(operation, codecs: codecs, on: payloads)
        return Response(
            status: .ok,
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: PayloadsJSON.encode(result)))
        )
    }

    private func run(_ operation: Operation, codecs: [any PayloadCodec], on payloads: [Payload]) async throws -> [Payload] {
        var payloads = payloads
        do {
            switch operation {
            case .encode:
                for codec in codecs { payloads = try await codec.encode(payloads) }
            case .decode:
                for codec in codecs.reversed() { payloads = try await codec.decode(payloads) }
            }
        } catch {
            throw Refusal(status: .badRequest, message: "could not \(operation.rawValue) the payloads: \(error)")
        }
        return payloads
    }

    private func preflight(_ request: Request) -> Response {
        var headers: HTTPFields = [
            .accessControlAllowMethods: Self.allowedMethods,
            .accessControlAllowHeaders: Self.allowedRequestHeaders,
            .accessControlMaxAge: "600",
        ]
        // Chrome asks before a public page calls a server on a private address.
        if request.headers[HTTPField.Name("Access-Control-Request-Private-Network")!] == "true" {
            headers[HTTPField.Name("Access-Control-Allow-Private-Network")!] = "true"
        }
        return Response(status: .noContent, headers: headers)
    }

    private func authorize(_ request: Request) throws {
        guard let token = options.bearerToken else { return }
        let presented = request.headers[.authorization] ?? ""
        guard Self.constantTimeEquals(presented, "Bearer \(token)") else {
            throw Refusal(
                status: .unauthorized,
                message: presented.isEmpty ? "missing bearer token" : "wrong bearer token",
                headers: [.wwwAuthenticate: "Bearer"]
            )
        }
    }

    // The CLI and the web UI send the namespace in `X-Namespace`; `/{namespace}/decode` carries it
    // in the path for clients that send no header.
    private func namespace(of request: Request, segments: [String]) throws -> String {
        if let header = request.headers[Self.namespaceHeader]?.trimmingCharacters(in: .whitespaces), !header.isEmpty {
            return header
        }
        guard segments.count >= 2 else {
            throw Refusal(
                status: .badRequest,
                message: "no namespace: send it in the X-Namespace header or the path (/{namespace}/encode)"
            )
        }
        return segments[segments.count - 2]
    }

    private func body(of request: Request) async throws -> Data {
        let limit = options.maximumBodySize
        let tooLarge = Refusal(status: .contentTooLarge, message: "request body larger than the limit of \(limit) bytes")
        // Refuse a declared oversized body before reading any of it.
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit { throw tooLarge }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Data(buffer.readableBytesView)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw tooLarge
        }
    }

    private func isAllowed(origin: String) -> Bool {
        options.allowedOrigins.contains("*") || options.allowedOrigins.contains(origin)
    }

    private static func text(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: message + "\n")))
    }

    // Takes as long for a token that differs in its first byte as for one that differs in its
    // last, so response times do not reveal how much of a guess was right.
    static func constantTimeEquals(_ presented: String, _ expected: String) -> Bool {
        let presented = Array(presented.utf8)
        let expected = Array(expected.utf8)
        var difference = UInt8(presented.count == expected.count ? 0 : 1)
        for index in expected.indices {
            difference |= expected[index] ^ (index < presented.count ? presented[index] : ~expected[index])
        }
        return difference == 0
    }
}
