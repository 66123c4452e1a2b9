import Foundation
import TemporalContracts
import TemporalContractsTesting
import Testing

/// Activity inbound interceptors in the test environment: each attempt runs through the chain,
/// first one outermost, with the headers of its schedule command, and runs on the arguments the
/// chain passes on.
@Suite("Activity interceptors", .timeLimit(.minutes(1)))
struct ActivityInterceptorTests {
    /// Logs `name>type` and `name<type` around each attempt; renames the greeted person.
    struct Wrapping: WorkerInterceptor {
        let name: String
        let log: CallLog
        var greets: String?

        func executeActivity(
            _ input: ExecuteActivityInput,
            context: any ActivityContext,
            next: (ExecuteActivityInput) async throws -> [Payload]
        ) async throws -> [Payload] {
            log.append("\(name)>\(input.activityType)")
            var input = input
            if let greets, input.activityType == "Greet" { input.arguments = [CallLog.payload(greets)] }
            let result = try await next(input)
            log.append("\(name)<\(input.activityType)")
            return result
        }
    }

    @Test("attempts run through the chain in order, on the arguments it passes on")
    func chainOrderAndArguments() async throws {
        let log = CallLog()
        let environment = WorkflowTestEnvironment(
            workflows: [GreeterWorkflow.registration],
            activities: EngineActivities().registrations,
            startTime: Date(timeIntervalSince1970: 1_800_000_000),
            workerInterceptors: [Wrapping(name: "A", log: log, greets: "Grace"), Wrapping(name: "B", log: log)]
        )
        let report = try await Engine.Client(environment.client).executeGreeter("Ada", options: WorkflowStartOptions(id: "renamed"))
        await environment.shutdown()

        #expect(report.greeting == "HELLO, GRACE!")
        let greet = log.all.filter { $0.hasSuffix("Greet") }
        #expect(greet.prefix(4) == ["A>Greet", "B>Greet", "B<Greet", "A<Greet"])
        // Failed attempts never reach the inner `<` entries; the entries come in pairs otherwise.
        #expect(log.all.filter { $0.hasPrefix("A>") }.count == log.all.filter { $0.hasPrefix("B>") }.count)
    }

    @Test("a tenant set on the client reaches every activity through the workflow's headers")
    func tenantReachesActivities() async throws {
        let attempts = CallLog()
        let propagation = TenantPropagation(attempts: attempts)
        let environment = WorkflowTestEnvironment(
            workflows: [GreeterWorkflow.registration],
            activities: EngineActivities().registrations,
            startTime: Date(timeIntervalSince1970: 1_800_000_000),
            clientInterceptors: [propagation],
            workerInterceptors: [propagation]
        )
        let client = Engine.Client(environment.client)
        _ = try await TenantPropagation.$current.withValue("acme") {
            try await client.executeGreeter("Ada", options: WorkflowStartOptions(id: "tenant"))
        }
        _ = try await client.executeGreeter("Bo", options: WorkflowStartOptions(id: "no-tenant"))
        await environment.shutdown()

        let types = Set(attempts.all.map { $0.split(separator: " ")[0] })
        #expect(types.isSuperset(of: ["Greet", "Flaky", "Fail"]), "\(attempts.all)")
        // The first run's attempts carry the tenant, the second run's carry none.
        let tenants = attempts.all.map { $0.split(separator: " ")[1] }
        #expect(tenants.filter { $0 == "acme" }.count * 2 == tenants.count, "\(attempts.all)")
        #expect(tenants.filter { $0 == "-" }.count * 2 == tenants.count, "\(attempts.all)")
    }
}
