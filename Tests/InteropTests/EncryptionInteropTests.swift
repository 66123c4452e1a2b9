import Crypto
import Foundation
import TemporalContracts
import TemporalContractsEncryption
import TemporalContractsGRPC
import TemporalContractsWorker
import TemporalDevServer
import Testing

/// AES-256-GCM encrypted payloads between Swift (`AESGCMPayloadCodec`) and Python
/// (python/encryption_codec.py, in the Python SDK sample's format) on a dev server: each side reads
/// what the other wrote, the server stores only `binary/encrypted` payloads, and a worker with a
/// wrong key fails that workflow's task only.
@Suite(.timeLimit(.minutes(8)))
struct EncryptionInteropTests {
    static let k1 = Data((0..<32).map { UInt8($0) })
    static let k2 = Data((0..<32).map { UInt8(0xA0 &+ $0) })
    static let wrongK1 = Data(repeating: 0x5A, count: 32)

    static func keys(current: String, _ keys: [String: Data]) throws -> StaticEncryptionKeys {
        try StaticEncryptionKeys(current: current, keys: keys.mapValues { SymmetricKey(data: $0) })
    }

    static func converter(_ keys: StaticEncryptionKeys, compression: PayloadCompression = .none) -> DataConverter {
        DataConverter(codecs: [AESGCMPayloadCodec(keys: keys, compression: compression)])
    }

    /// The Python codec's arguments for the same keys.
    static func pythonKeyArguments(current: String, _ keys: [String: Data], compress: Bool = false) -> [String] {
        let spec = keys.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.map { String(format: "%02x", $0) }.joined())" }
            .joined(separator: ",")
        return ["--keys", spec, "--current-key", current] + (compress ? ["--compress"] : [])
    }

    @Test(arguments: [false, true])
    func aPythonWorkerReadsWhatASwiftClientEncrypted(compress: Bool) async throws {
        try await EncryptionEnvironment.start(
            pythonArguments: Self.pythonKeyArguments(current: "k2", ["k1": Self.k1, "k2": Self.k2], compress: compress)
        ).use { environment in
            // The Swift client encrypts with k1; Python's current key is k2 but it knows k1.
            let client = Sealed.Client(
                TemporalClient(
                    connection: environment.connection,
                    dataConverter: Self.converter(
                        try Self.keys(current: "k1", ["k1": Self.k1, "k2": Self.k2]),
                        compression: compress ? .zlib : .none
                    )
                )
            )
            let id = "sealed-python-\(compress)-\(UUID().uuidString)"
            let body = compress ? String(repeating: "compress me ", count: 200) : "meet at noon"
            let result = try await client.executeReadByPython(
                Sealed.Letter(recipient: "Ada", body: body),
                options: WorkflowStartOptions(id: id)
            )
            #expect(result == "\(body) (read by Python for Ada)")
            let stored = try await environment.storedPayloads(id)
            #expect(stored.input.map(\.encoding) == ["binary/encrypted"])
            #expect(stored.input.map(\.keyID) == ["k1"])
            // Python answered with its current key: Swift decoded it by the payload's key ID.
            #expect(stored.result.map(\.encoding) == ["binary/encrypted"])
            #expect(stored.result.map(\.keyID) == ["k2"])
            if compress {
                // 2,400 bytes of body compress to far less, before encryption.
                #expect(stored.input[0].bytes < 300)
            }
        }
    }

    @Test func aSwiftWorkerReadsWhatAPythonClientEncrypted() async throws {
        let keys = ["k1": Self.k1, "k2": Self.k2]
        try await EncryptionEnvironment.start(pythonArguments: Self.pythonKeyArguments(current: "k1", keys)).use { environment in
            let worker = try environment.startSwiftWorker(Self.converter(try Self.keys(current: "k2", keys), compression: .zlib))
            let id = "sealed-swift-\(UUID().uuidString)"
            let output = try await PythonCommand.run(
                script: "sealed_client.py",
                arguments: ["execute", "--address", environment.server.address, "--namespace", environment.server.namespace]
                    + Self.pythonKeyArguments(current: "k1", keys)
                    + ["--workflow-id", id, "--recipient", "Grace", "--body", String(repeating: "hello ", count: 100)],
                timeout: .seconds(90)
            )
            let line = try #require(output.split(separator: "\n").last)
            let decoded = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(decoded["result"] as? String == "\(String(repeating: "hello ", count: 100)) (read by Swift for Grace)")
            let stored = try await environment.storedPayloads(id)
            #expect(stored.input.map(\.encoding) == ["binary/encrypted"])
            #expect(stored.input.map(\.keyID) == ["k1"])
            // The Swift worker compressed (Python's codec inflates binary/zlib) and encrypted with k2.
            #expect(stored.result.map(\.encoding) == ["binary/encrypted"])
            #expect(stored.result.map(\.keyID) == ["k2"])
            #expect(stored.result[0].bytes < 200)
            await worker.stop()
        }
    }

    @Test func aWorkerWithAWrongKeyFailsThatTaskOnlyAndTheWorkflowCompletesOnceFixed() async throws {
        let right = try Self.keys(current: "k1", ["k1": Self.k1])
        let wrong = try Self.keys(current: "k1", ["k1": Self.wrongK1])
        try await EncryptionEnvironment.start(pythonArguments: nil).use { environment in
            let wrongWorker = try environment.startSwiftWorker(Self.converter(wrong))
            let client = Sealed.Client(TemporalClient(connection: environment.connection, dataConverter: Self.converter(right)))
            let id = "sealed-wrong-key-\(UUID().uuidString)"
            let handle = try await client.startReadBySwift(
                Sealed.Letter(recipient: "Linus", body: "nothing lost"),
                options: WorkflowStartOptions(id: id)
            )
            let failures = try await environment.eventually("the wrong-key worker failed the workflow task") {
                let failures = try await environment.storedPayloads(id).taskFailures
                return failures.isEmpty ? nil : failures
            }
            #expect(
                failures.contains {
                    $0.contains("authentication failed: the key for ID \"k1\" does not match or the payload was altered")
                },
                "\(failures)"
            )
            // The same worker still serves workflows it can read (here: encrypted with its own key).
            let sameKeyClient = Sealed.Client(TemporalClient(connection: environment.connection, dataConverter: Self.converter(wrong)))
            let other = try await sameKeyClient.executeReadBySwift(
                Sealed.Letter(recipient: "Ken", body: "still serving"),
                options: WorkflowStartOptions(id: "sealed-other-\(UUID().uuidString)")
            )
            #expect(other == "still serving (read by Swift for Ken)")
            #expect(try await environment.temporal.describe(handle.execution).status == .running)

            // Fixed: a new worker with the right key finishes the same execution.
            await wrongWorker.stop()
            let fixedWorker = try environment.startSwiftWorker(Self.converter(right))
            #expect(try await handle.result() == "nothing lost (read by Swift for Linus)")
            await fixedWorker.stop()
        }
    }

    @Test func anUnknownKeyIDOrATamperedPayloadFailsThatTaskOnly() async throws {
        try await EncryptionEnvironment.start(pythonArguments: nil).use { environment in
            let k2Only = try Self.keys(current: "k2", ["k2": Self.k2])
            let worker = try environment.startSwiftWorker(Self.converter(k2Only))
            let k1Client = Sealed.Client(
                TemporalClient(
                    connection: environment.connection,
                    dataConverter: Self.converter(try Self.keys(current: "k1", ["k1": Self.k1, "k2": Self.k2]))
                )
            )
            var tampering = Self.converter(k2Only)
            tampering.codecs.append(TamperingCodec())
            let tamperingClient = Sealed.Client(TemporalClient(connection: environment.connection, dataConverter: tampering))
            let letter = Sealed.Letter(recipient: "Barbara", body: "kept")
            let unknown = try await k1Client.startReadBySwift(
                letter,
                options: WorkflowStartOptions(id: "sealed-unknown-\(UUID().uuidString)")
            )
            let tampered = try await tamperingClient.startReadBySwift(
                letter,
                options: WorkflowStartOptions(id: "sealed-tampered-\(UUID().uuidString)")
            )
            for (handle, message) in [
                (unknown.execution, "unknown encryption key ID \"k1\" (known key IDs: \"k2\")"),
                (tampered.execution, "authentication failed: the key for ID \"k2\" does not match or the payload was altered"),
            ] {
                let failures = try await environment.eventually("\(handle.workflowID)'s task failed") {
                    let failures = try await environment.storedPayloads(handle.workflowID).taskFailures
                    return failures.isEmpty ? nil : failures
                }
                #expect(failures.contains { $0.contains(message) }, "\(failures)")
                #expect(try await environment.temporal.describe(handle).status == .running)
            }
            // The worker still serves what it can read.
            let k2Client = Sealed.Client(TemporalClient(connection: environment.connection, dataConverter: Self.converter(k2Only)))
            let other = try await k2Client.executeReadBySwift(letter, options: WorkflowStartOptions(id: "sealed-k2-\(UUID().uuidString)"))
            #expect(other == "kept (read by Swift for Barbara)")

            // Given k1, a new worker finishes the first; the altered one can only be ended.
            await worker.stop()
            let both = try Self.keys(current: "k2", ["k1": Self.k1, "k2": Self.k2])
            let fixedWorker = try environment.startSwiftWorker(Self.converter(both))
            #expect(try await unknown.result() == "kept (read by Swift for Barbara)")
            try await environment.temporal.terminate(tampered.execution, reason: "payload altered")
            await fixedWorker.stop()
        }
    }
}

/// Flips the last bit of every encrypted payload after it is encrypted: a payload altered in transit
/// or in storage.
struct TamperingCodec: PayloadCodec {
    func encode(_ payloads: [Payload]) async throws -> [Payload] {
        payloads.map { payload in
            guard payload.encoding == AESGCMPayloadCodec.encoding, !payload.data.isEmpty else { return payload }
            var altered = payload
            altered.data[altered.data.index(before: altered.data.endIndex)] ^= 0x01
            return altered
        }
    }

    func decode(_ payloads: [Payload]) async throws -> [Payload] { payloads }
}

/// ReadBySwift: reads the letter.
final class ReadBySwiftWorkflow: Sealed.ReadBySwiftWorkflow {
    init() {}

    func run(_ input: Sealed.Letter, context: any WorkflowContext) async throws -> String {
        "\(input.body) (read by Swift for \(input.recipient))"
    }
}

/// A dev server, optionally Python's ReadByPython worker with the encryption codec, and a plain
/// client; Swift workers are started per test with the codec the test chooses.
final class EncryptionEnvironment: TestEnvironment {
    let server: DevServer
    let pythonWorker: PythonWorker?
    let connection: TemporalConnection
    let temporal: TemporalClient

    /// A Swift worker serving ReadBySwift; `stop()` shuts it down and waits for it.
    struct SwiftWorker {
        let worker: TemporalWorker
        let run: Task<Void, any Error>

        func stop() async {
            worker.shutdown()
            _ = await run.result
        }
    }

    /// How a payload is stored in the history, as read by the Python SDK without a codec.
    struct StoredPayload {
        var encoding: String
        var keyID: String
        var bytes: Int
    }

    private init(server: DevServer, pythonWorker: PythonWorker?, connection: TemporalConnection) {
        self.server = server
        self.pythonWorker = pythonWorker
        self.connection = connection
        temporal = TemporalClient(connection: connection)
    }

    /// With `pythonArguments` (the codec's keys), also Python's ReadByPython worker.
    static func start(pythonArguments: [String]?) async throws -> EncryptionEnvironment {
        let server = try await DevServer.start(DevServerOptions(searchDirectory: PythonPeer.repositoryRoot))
        do {
            var pythonWorker: PythonWorker?
            if let pythonArguments {
                pythonWorker = try await PythonWorker.start(
                    script: "sealed_worker.py",
                    arguments: ["--address", server.address, "--namespace", server.namespace] + pythonArguments
                )
            }
            let connection = try await TemporalConnection.connect(
                TemporalConnectionOptions(host: server.host, port: server.port, namespace: server.namespace)
            )
            return EncryptionEnvironment(server: server, pythonWorker: pythonWorker, connection: connection)
        } catch {
            await server.stop()
            throw error
        }
    }

    func startSwiftWorker(_ dataConverter: DataConverter) throws -> SwiftWorker {
        let worker = try TemporalWorker(
            connection: connection,
            workflows: [ReadBySwiftWorkflow.registration],
            options: TemporalWorkerOptions(dataConverter: dataConverter)
        )
        return SwiftWorker(worker: worker, run: Task { try await worker.run() })
    }

    func stop() async {
        await connection.close()
        await pythonWorker?.stop()
        await server.stop()
    }

    /// The workflow's input and result payloads as stored, and its failed tasks' messages.
    func storedPayloads(_ workflowID: String) async throws -> (input: [StoredPayload], result: [StoredPayload], taskFailures: [String]) {
        let output = try await PythonCommand.run(
            script: "sealed_client.py",
            arguments: ["history", "--address", server.address, "--namespace", server.namespace, "--workflow-id", workflowID],
            timeout: .seconds(60)
        )
        let line = try #require(output.split(separator: "\n").last, "the Python client printed nothing")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        func payloads(_ key: String) -> [StoredPayload] {
            (json[key] as? [[String: Any]] ?? []).map {
                StoredPayload(
                    encoding: $0["encoding"] as? String ?? "",
                    keyID: $0["key_id"] as? String ?? "",
                    bytes: $0["bytes"] as? Int ?? -1
                )
            }
        }
        return (payloads("input"), payloads("result"), json["task_failures"] as? [String] ?? [])
    }

    /// Polls `probe` every half second for up to 60 seconds until it returns a value.
    func eventually<Value>(_ what: String, _ probe: () async throws -> Value?) async throws -> Value {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if let value = try await probe() { return value }
            try await Task.sleep(for: .milliseconds(500))
        }
        throw PythonPeerError(description: "timed out waiting until \(what)")
    }
}
