import Foundation
import TemporalContracts
import TemporalContractsCodecServer
import TemporalContractsEncryption
import Testing

/// The codec server over real HTTP on a free loopback port: the protocol the web UI and the CLI
/// speak, CORS, the token, the size limit, and a 4xx with a message for every bad request.
@Suite(.timeLimit(.minutes(5)))
struct CodecServerHTTPTests {
    private let uiOrigin = "http://localhost:8233"

    @Test func encodeThenDecodeRoundTripsThroughTheCodecs() async throws {
        let codec = try CodecServerFixtures.encryptionCodec()
        let server = CodecServer(codecs: [codec])
        try await CodecServerFixtures.withServer(server) { base in
            let plain = [CodecServerFixtures.jsonPayload("the launch code is 1234"), CodecServerFixtures.jsonPayload("second")]
            let encoded = try await HTTPExchange.send(
                "POST",
                base.appending(path: "default/encode"),
                headers: ["Content-Type": "application/json"],
                body: CodecServerFixtures.body(plain)
            )
            #expect(encoded.status == 200, "\(encoded.text)")
            #expect(encoded.header("Content-Type") == "application/json")
            let ciphertexts = try CodecServerFixtures.payloads(in: encoded.body)
            #expect(ciphertexts.count == 2)
            #expect(ciphertexts.allSatisfy { $0.encoding == "binary/encrypted" })
            #expect(!encoded.text.contains(Data("the launch code".utf8).base64EncodedString()))
            // What the server encoded, the workers' codec decodes: the server runs the same codec.
            #expect(try await codec.decode(ciphertexts) == plain)

            let decoded = try await HTTPExchange.send(
                "POST",
                base.appending(path: "default/decode"),
                body: encoded.body
            )
            #expect(decoded.status == 200, "\(decoded.text)")
            #expect(try CodecServerFixtures.payloads(in: decoded.body) == plain)
        }
    }

    @Test func decodesWhatAClientEncodedWithTheNamespaceInTheHeader() async throws {
        let codec = try CodecServerFixtures.encryptionCodec()
        let server = CodecServer(codecs: [codec])
        try await CodecServerFixtures.withServer(server) { base in
            let plain = [CodecServerFixtures.jsonPayload("from a Swift client")]
            let encrypted = try await codec.encode(plain)
            // The web UI's form: `{endpoint}/decode` with `X-Namespace`.
            let decoded = try await HTTPExchange.send(
                "POST",
                base.appending(path: "decode"),
                headers: ["X-Namespace": "default", "Content-Type": "application/json"],
                body: CodecServerFixtures.body(encrypted)
            )
            #expect(decoded.status == 200, "\(decoded.text)")
            #expect(try CodecServerFixtures.payloads(in: decoded.body) == plain)
        }
    }

    @Test func codecsRunInTheDataConvertersOrder() async throws {
        // Encoding runs first to last and decoding last to first, as `DataConverter` does.
        let server = CodecServer(codecs: [Tagging(tag: "a"), Tagging(tag: "b")])
        try await CodecServerFixtures.withServer(server) { base in
            let encoded = try await HTTPExchange.send(
                "POST",
                base.appending(path: "default/encode"),
                body: CodecServerFixtures.body([Payload(data: Data("x".utf8))])
            )
            #expect(try CodecServerFixtures.payloads(in: encoded.body).map(\.data) == [Data("xab".utf8)])
            let decoded = try await HTTPExchange.send(
                "POST",
                base.appending(path: "default/decode"),
                body: CodecServerFixtures.body([Payload(data: Data("xab".utf8))])
            )
            #expect(decoded.status == 200, "\(decoded.text)")
            #expect(try CodecServerFixtures.payloads(in: decoded.body).map(\.data) == [Data("x".utf8)])
        }
    }

    @Test func preflightFromTheUIOriginIsAllowed() async throws {
        let server = CodecServer(codecs: [], options: CodecServerOptions(allowedOrigins: [uiOrigin]))
        try await CodecServerFixtures.withServer(server) { base in
            let preflight = try await HTTPExchange.send(
                "OPTIONS",
                base.appending(path: "decode"),
                headers: [
                    "Origin": uiOrigin,
                    "Access-Control-Request-Method": "POST",
                    "Access-Control-Request-Headers": "content-type,x-namespace,authorization",
                ]
            )
            #expect(preflight.status == 204, "\(preflight.text)")
            #expect(preflight.header("Access-Control-Allow-Origin") == uiOrigin)
            #expect(preflight.header("Access-Control-Allow-Credentials") == "true")
            #expect(preflight.header("Access-Control-Allow-Methods")?.contains("POST") == true)
            let allowedHeaders = preflight.header("Access-Control-Allow-Headers")?.lowercased() ?? ""
            for header in ["content-type", "x-namespace", "authorization"] {
                #expect(allowedHeaders.contains(header), "\(allowedHeaders) lacks \(header)")
            }

            let post = try await HTTPExchange.send(
                "POST",
                base.appending(path: "decode"),
                headers: ["Origin": uiOrigin, "X-Namespace": "default"],
                body: CodecServerFixtures.body([CodecServerFixtures.jsonPayload("hi")])
            )
            #expect(post.status == 200, "\(post.text)")
            #expect(post.header("Access-Control-Allow-Origin") == uiOrigin)
        }
    }

    @Test func otherOriginsAreRefused() async throws {
        let server = CodecServer(codecs: [], options: CodecServerOptions(allowedOrigins: [uiOrigin]))
        try await CodecServerFixtures.withServer(server) { base in
            for method in ["OPTIONS", "POST"] {
                let refused = try await HTTPExchange.send(
                    method,
                    base.appending(path: "default/decode"),
                    headers: ["Origin": "http://evil.example", "Access-Control-Request-Method": "POST"],
                    body: method == "POST" ? CodecServerFixtures.body([]) : nil
                )
                #expect(refused.status == 403, "\(method): \(refused.text)")
                #expect(refused.text.contains("origin http://evil.example is not allowed"), "\(refused.text)")
                #expect(refused.header("Access-Control-Allow-Origin") == nil)
            }
        }
    }

    @Test func theTokenIsRequiredAndChecked() async throws {
        let server = CodecServer(
            codecs: [],
            options: CodecServerOptions(allowedOrigins: [uiOrigin], bearerToken: "s3cret-token")
        )
        try await CodecServerFixtures.withServer(server) { base in
            let url = base.appending(path: "default/decode")
            let body = CodecServerFixtures.body([CodecServerFixtures.jsonPayload("hi")])

            let missing = try await HTTPExchange.send("POST", url, body: body)
            #expect(missing.status == 401)
            #expect(missing.text.contains("missing bearer token"), "\(missing.text)")
            #expect(missing.header("WWW-Authenticate") == "Bearer")

            for wrong in ["Bearer s3cret-tokeN", "Bearer s3cret-token-and-more", "Bearer ", "s3cret-token", "Basic czNjcmV0"] {
                let refused = try await HTTPExchange.send("POST", url, headers: ["Authorization": wrong], body: body)
                #expect(refused.status == 401, "\(wrong)")
                #expect(refused.text.contains("wrong bearer token"), "\(wrong): \(refused.text)")
            }

            // Browsers send no credentials with a preflight: it must pass without the token.
            let preflight = try await HTTPExchange.send(
                "OPTIONS",
                url,
                headers: ["Origin": uiOrigin, "Access-Control-Request-Method": "POST"]
            )
            #expect(preflight.status == 204)

            let accepted = try await HTTPExchange.send("POST", url, headers: ["Authorization": "Bearer s3cret-token"], body: body)
            #expect(accepted.status == 200, "\(accepted.text)")
        }
    }

    @Test func oversizedBodiesGet413AndTheServerKeepsServing() async throws {
        let server = CodecServer(codecs: [], options: CodecServerOptions(maximumBodySize: 1024))
        try await CodecServerFixtures.withServer(server) { base in
            let url = base.appending(path: "default/decode")
            let large = CodecServerFixtures.body([Payload(data: Data(repeating: 7, count: 4096))])
            let refused = try await HTTPExchange.send("POST", url, body: large)
            #expect(refused.status == 413)
            #expect(refused.text.contains("larger than the limit of 1024 bytes"), "\(refused.text)")
            // Without a Content-Length the limit holds while the body is read.
            let streamed = try await HTTPExchange.send("POST", url, body: large, streamingBody: true)
            #expect(streamed.status == 413)
            #expect(streamed.text.contains("larger than the limit of 1024 bytes"), "\(streamed.text)")

            let small = try await HTTPExchange.send("POST", url, body: CodecServerFixtures.body([CodecServerFixtures.jsonPayload("ok")]))
            #expect(small.status == 200, "\(small.text)")
        }
    }

    @Test(arguments: [
        ("this is not json", "the body is not JSON"),
        ("[1, 2]", "not a JSON object"),
        (#"{"payloads": {"data": "AA=="}}"#, "\"payloads\" is not an array"),
        (#"{"payloads": [42]}"#, "payloads[0] is not a JSON object"),
        (#"{"payloads": [{"data": "AA=="}, {"data": "%%%not base64%%%"}]}"#, "payloads[1].data is not valid base64"),
        (#"{"payloads": [{"data": 17}]}"#, "payloads[0].data is not a base64 string"),
        (#"{"payloads": [{"metadata": {"encoding": "!!"}, "data": "AA=="}]}"#, "payloads[0].metadata.encoding is not valid base64"),
        (#"{"payloads": [{"metadata": ["encoding"]}]}"#, "payloads[0].metadata is not a JSON object"),
    ])
    func malformedBodiesGet400NamingTheProblem(body: String, problem: String) async throws {
        let server = CodecServer(codecs: [try CodecServerFixtures.encryptionCodec()])
        try await CodecServerFixtures.withServer(server) { base in
            let url = base.appending(path: "default/decode")
            let refused = try await HTTPExchange.send("POST", url, body: Data(body.utf8))
            #expect(refused.status == 400)
            #expect(refused.text.contains("malformed payloads: "), "\(refused.text)")
            #expect(refused.text.contains(problem), "\(refused.text)")

            let next = try await HTTPExchange.send("POST", url, body: CodecServerFixtures.body([CodecServerFixtures.jsonPayload("ok")]))
            #expect(next.status == 200, "\(next.text)")
        }
    }

    @Test func aPayloadTheCodecCannotDecodeGets400WithTheCodecsReason() async throws {
        let codec = try CodecServerFixtures.encryptionCodec()
        let server = CodecServer(codecs: [codec])
        try await CodecServerFixtures.withServer(server) { base in
            var tampered = try await codec.encode([CodecServerFixtures.jsonPayload("secret")])
            tampered[0].data[tampered[0].data.endIndex - 1] ^= 0x01
            let refused = try await HTTPExchange.send(
                "POST",
                base.appending(path: "default/decode"),
                body: CodecServerFixtures.body(tampered)
            )
            #expect(refused.status == 400)
            #expect(refused.text.contains("could not decode the payloads: "), "\(refused.text)")

            // A key this server does not have: the codec's error names the key ID.
            let foreign = try await CodecServerFixtures.encryptionCodec(keyID: "other-key").encode([CodecServerFixtures.jsonPayload("x")])
            let unknown = try await HTTPExchange.send(
                "POST",
                base.appending(path: "default/decode"),
                body: CodecServerFixtures.body(foreign)
            )
            #expect(unknown.status == 400)
            #expect(unknown.text.contains("other-key"), "\(unknown.text)")
        }
    }

    @Test func namespacesTheServerDoesNotServeGet404() async throws {
        let codec = try CodecServerFixtures.encryptionCodec()
        let restricted = CodecServer(codecs: [codec], options: CodecServerOptions(namespaces: ["payments"]))
        try await CodecServerFixtures.withServer(restricted) { base in
            let body = CodecServerFixtures.body([CodecServerFixtures.jsonPayload("x")])
            let refused = try await HTTPExchange.send("POST", base.appending(path: "default/decode"), body: body)
            #expect(refused.status == 404)
            #expect(refused.text.contains("namespace 'default' is not served"), "\(refused.text)")
            let byHeader = try await HTTPExchange.send(
                "POST",
                base.appending(path: "decode"),
                headers: ["X-Namespace": "orders"],
                body: body
            )
            #expect(byHeader.status == 404)
            #expect(byHeader.text.contains("namespace 'orders' is not served"), "\(byHeader.text)")
            let noNamespace = try await HTTPExchange.send("POST", base.appending(path: "decode"), body: body)
            #expect(noNamespace.status == 400)
            #expect(noNamespace.text.contains("no namespace"), "\(noNamespace.text)")
            let served = try await HTTPExchange.send("POST", base.appending(path: "payments/encode"), body: body)
            #expect(served.status == 200, "\(served.text)")
        }

        let perNamespace = CodecServer(codecsByNamespace: ["payments": [codec]])
        try await CodecServerFixtures.withServer(perNamespace) { base in
            let body = CodecServerFixtures.body([CodecServerFixtures.jsonPayload("x")])
            let unserved = try await HTTPExchange.send("POST", base.appending(path: "default/encode"), body: body)
            #expect(unserved.status == 404)
            let served = try await HTTPExchange.send("POST", base.appending(path: "payments/encode"), body: body)
            #expect(served.status == 200)
        }
    }

    @Test func otherMethodsAndPathsGet405And404() async throws {
        let server = CodecServer(codecs: [])
        try await CodecServerFixtures.withServer(server) { base in
            for method in ["GET", "PUT", "DELETE"] {
                let refused = try await HTTPExchange.send(method, base.appending(path: "default/decode"))
                #expect(refused.status == 405, "\(method)")
                #expect(refused.text.contains("method \(method) is not allowed"), "\(refused.text)")
                #expect(refused.header("Allow") == "POST, OPTIONS")
            }
            let unknown = try await HTTPExchange.send("POST", base.appending(path: "default/transcode"), body: Data("{}".utf8))
            #expect(unknown.status == 404)
            #expect(unknown.text.contains("no such endpoint /default/transcode"), "\(unknown.text)")
        }
    }

    @Test func stoppingClosesThePortAndFailedBindsThrow() async throws {
        let server = CodecServer(codecs: [])
        let port = try await server.start()
        #expect(
            try await HTTPExchange.send("POST", URL(string: "http://127.0.0.1:\(port)/default/encode")!, body: Data("{}".utf8)).status
                == 200
        )
        // A second server on the same port cannot bind: `start()` reports it rather than hanging.
        let clash = CodecServer(codecs: [], options: CodecServerOptions(port: port))
        await #expect(throws: (any Error).self) { try await clash.start() }
        await clash.stop()
        await server.stop()
        await #expect(throws: (any Error).self) {
            try await HTTPExchange.send("POST", URL(string: "http://127.0.0.1:\(port)/default/encode")!, body: Data("{}".utf8))
        }
    }
}

/// Appends its tag to the data when encoding and removes it when decoding, so the order the
/// server runs codecs in shows in the result.
private struct Tagging: PayloadCodec {
    let tag: String

    func encode(_ payloads: [Payload]) async throws -> [Payload] {
        payloads.map { Payload(metadata: $0.metadata, data: $0.data + Data(tag.utf8)) }
    }

    func decode(_ payloads: [Payload]) async throws -> [Payload] {
        try payloads.map { payload in
            guard payload.data.last == tag.utf8.first else { throw TagMissing(tag: tag) }
            return Payload(metadata: payload.metadata, data: payload.data.dropLast())
        }
    }

    struct TagMissing: Error {
        let tag: String
    }
}
