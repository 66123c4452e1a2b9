#if canImport(Glibc)
import ChaosWorkload
import Foundation
import Synchronization
import TemporalAPI
import TemporalContracts
import TemporalContractsGRPC
import TemporalDevServer

/// One soak: the dev server on a database file, the fault proxy in front of it, the worker pool
/// behind the proxy, and the client the drivers use (connected to the server directly, so the
/// drivers see server restarts but not the workers' network faults).
final class SoakRun: Sendable {
    let settings: SoakSettings
    let directory: URL
    let server: DevServer
    let proxy: FaultProxy
    let connection: TemporalConnection
    let client: Chaos.Client
    let pool: WorkerPool
    let taskQueue: String
    let ledger = SoakLedger()
    let activityLog: ActivityExecutionLog
    /// The outcome of each workflow, by index, and why a driver gave up on one.
    private let outcomes = Mutex<[Int: Chaos.Outcome]>([:])
    private let driverFailures = Mutex<[Int: String]>([:])
    private let faultLog = Mutex<[String]>([])

    private init(
        settings: SoakSettings,
        directory: URL,
        server: DevServer,
        proxy: FaultProxy,
        connection: TemporalConnection,
        pool: WorkerPool,
        taskQueue: String
    ) {
        self.settings = settings
        self.directory = directory
        self.server = server
        self.proxy = proxy
        self.connection = connection
        self.client = Chaos.Client(connection: connection)
        self.pool = pool
        self.taskQueue = taskQueue
        self.activityLog = ActivityExecutionLog(directory: directory)
    }

    static func start(_ settings: SoakSettings) async throws -> SoakRun {
        let directory = FileManager.default.temporaryDirectory.appending(path: "chaos-soak-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let server = try await DevServer.start(
            DevServerOptions(searchDirectory: SoakSettings.repositoryRoot, databaseFile: directory.appending(path: "temporal.db"))
        )
        var proxy: FaultProxy?
        var connection: TemporalConnection?
        var pool: WorkerPool?
        do {
            let started = try FaultProxy(upstreamPort: server.port)
            proxy = started
            connection = try await TemporalConnection.connect(
                TemporalConnectionOptions(address: server.address, namespace: server.namespace)
            )
            let taskQueue = "chaos-\(settings.seed)"
            let workers = WorkerPool(address: started.address, taskQueue: taskQueue, logDirectory: directory)
            pool = workers
            try await workers.start(count: settings.workers)
            return SoakRun(
                settings: settings,
                directory: directory,
                server: server,
                proxy: started,
                connection: connection!,
                pool: workers,
                taskQueue: taskQueue
            )
        } catch {
            await pool?.stopAll()
            proxy?.close()
            await connection?.close()
            await server.stop()
            throw error
        }
    }

    func tearDown() async {
        proxy.setFlow(.pass)
        await pool.stopAll()
        proxy.close()
        await connection.close()
        await server.stop()
    }

    // MARK: - Driving

    /// Starts the workflows spread over the first part of the fault window (so faults land on
    /// every stage of them), drives each to its end, and injects faults meanwhile.
    func drive() async throws {
        let begin = ContinuousClock.now
        let faultsEnd = begin + .seconds(settings.faultSeconds)
        let deadline = faultsEnd + settings.settleTime
        let faults = Task { await self.injectFaults(until: faultsEnd) }
        let sampler = Task {
            while !Task.isCancelled {
                for kilobytes in await self.pool.residentKilobytes() { await self.ledger.recordResident(kilobytes: kilobytes) }
                try? await Task.sleep(for: .seconds(1))
            }
        }
        defer { sampler.cancel() }
        let spread = Duration.seconds(settings.faultSeconds) * 0.7
        // Workflows driven at once: enough to keep the workers busy at the larger sizes.
        let concurrency = max(64, settings.workflows / 25)
        await withTaskGroup(of: Void.self) { group in
            var next = 0
            func add() {
                let index = next
                next += 1
                group.addTask {
                    try? await Task.sleep(until: begin + spread * (Double(index) / Double(self.settings.workflows)))
                    do {
                        try await self.driveWorkflow(index, deadline: deadline)
                    } catch {
                        self.driverFailures.withLock { $0[index] = "\(error)" }
                    }
                }
            }
            while next < min(concurrency, settings.workflows) { add() }
            while await group.next() != nil {
                if next < settings.workflows { add() }
            }
        }
        // The faults end on their own schedule; the checks run on a healed system.
        await faults.value
        for kilobytes in await pool.residentKilobytes() { await ledger.recordResident(kilobytes: kilobytes) }
    }

    static func workflowID(_ index: Int, seed: UInt64) -> String { "soak-\(seed)-\(index)" }

    private func driveWorkflow(_ index: Int, deadline: ContinuousClock.Instant) async throws {
        let id = Self.workflowID(index, seed: settings.seed)
        let started = ContinuousClock.now
        try await persist("start \(id)", until: deadline) {
            do {
                _ = try await client.startSoak(
                    Chaos.Order(index: index, round: 0),
                    options: WorkflowStartOptions(id: id, taskQueue: taskQueue)
                )
            } catch is WorkflowAlreadyStartedError {
                // An earlier attempt reached the server before its answer was lost.
            }
        }
        // The latest run: the first one continues as new before it takes signals and updates.
        let handle = client.soak(workflowID: id, runID: nil)
        // Queries are workflow tasks on the workers: poll gently, the first run takes seconds anyway.
        try await Task.sleep(for: .seconds(2))
        while true {
            let progress = try await persist("query \(id)", until: deadline) { try await handle.getProgress() }
            await ledger.recordQuery()
            if progress.stage == "waiting" { break }
            guard ContinuousClock.now < deadline else { throw SoakError("\(id) never reached the waiting stage: \(progress)") }
            try await Task.sleep(for: .seconds(1))
        }
        for tag in ChaosOracle.tags(of: index) {
            try await persist("signal \(id)", until: deadline) { try await handle.tag(tag) }
            await ledger.recordSignal()
        }
        let rejected = ChaosOracle.rejectedDeposit(of: index)
        let wasRejected = try await persist("rejected update \(id)", until: deadline) { () async throws -> Bool in
            do {
                _ = try await handle.makeDeposit(Chaos.Deposit(id: rejected.id, amount: rejected.amount), updateID: rejected.id)
                return false
            } catch is WorkflowUpdateFailedError {
                return true
            }
        }
        await ledger.recordUpdate(accepted: !wasRejected)
        if !wasRejected { throw SoakError("\(id): the validator accepted the deposit of \(rejected.amount)") }
        var balance = 0
        for deposit in ChaosOracle.deposits(of: index) {
            balance += deposit.amount
            // The same update ID on every attempt: the server runs the update once.
            let returned = try await persist("update \(id)", until: deadline) {
                try await handle.makeDeposit(Chaos.Deposit(id: deposit.id, amount: deposit.amount), updateID: deposit.id)
            }
            await ledger.recordUpdate(accepted: true)
            if returned != balance { throw SoakError("\(id): update \(deposit.id) returned balance \(returned), expected \(balance)") }
        }
        let outcome = try await persist("result \(id)", until: deadline) { try await handle.result() }
        await ledger.recordLatency(ContinuousClock.now - started)
        outcomes.withLock { $0[index] = outcome }
    }

    /// Runs `body` until it succeeds or `deadline` passes: the server may be restarting. A failed
    /// workflow is final.
    private func persist<Value: Sendable>(
        _ what: String,
        until deadline: ContinuousClock.Instant,
        _ body: () async throws -> Value
    ) async throws -> Value {
        var pause = Duration.milliseconds(200)
        while true {
            do {
                return try await body()
            } catch let error as WorkflowFailedError {
                throw SoakError("\(what): \(error)")
            } catch {
                guard ContinuousClock.now < deadline else { throw SoakError("\(what): still failing at the deadline: \(error)") }
                await ledger.recordDriverRetry()
                try await Task.sleep(for: pause)
                pause = min(pause * 2, .seconds(2))
            }
        }
    }

    // MARK: - Faults

    private func injectFaults(until end: ContinuousClock.Instant) async {
        var random = SeededGenerator(seed: settings.seed)
        let begin = ContinuousClock.now
        // Dealt from a shuffled deck of every kind, so each kind lands once in every round of seven.
        var deck: [SoakLedger.Fault] = []
        while ContinuousClock.now < end {
            try? await Task.sleep(for: .milliseconds(Int.random(in: 1_000...3_000, using: &random)))
            guard ContinuousClock.now < end else { break }
            if deck.isEmpty { deck = SoakLedger.Fault.allCases.shuffled(using: &random) }
            let fault = deck.removeLast()
            let slot = Int.random(in: 0..<settings.workers, using: &random)
            let hold = Duration.milliseconds(Int.random(in: 500...4_000, using: &random))
            let at = ContinuousClock.now - begin
            var detail = ""
            do {
                switch fault {
                case .workerKilled:
                    detail = "slot \(slot)"
                    try await pool.kill(slot: slot)
                case .workerTerminated:
                    detail = "slot \(slot)"
                    try await pool.terminate(slot: slot)
                case .serverRestarted:
                    try await server.restart()
                case .connectionsReset:
                    proxy.resetAll()
                case .trafficStalled:
                    detail = "for \(hold)"
                    proxy.setFlow(.stall)
                    try? await Task.sleep(for: hold)
                    proxy.setFlow(.pass)
                case .trafficDelayed:
                    let pause = Duration.milliseconds(Int.random(in: 20...250, using: &random))
                    detail = "\(pause) per chunk for \(hold)"
                    proxy.setFlow(.delay(pause))
                    try? await Task.sleep(for: hold)
                    proxy.setFlow(.pass)
                case .halfOpen:
                    detail = "for \(hold)"
                    proxy.halfCloseAll()
                    try? await Task.sleep(for: hold)
                    proxy.resetAll()
                }
            } catch {
                detail += " FAILED: \(error)"
            }
            await ledger.record(fault)
            let line =
                "chaos soak: t=\(at.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 1)))) \(fault.rawValue) \(detail)"
            print(line)
            // Unbuffered, so a long run's progress shows in a log file as it happens.
            fflush(nil)
            faultLog.withLock { $0.append(line) }
        }
        proxy.setFlow(.pass)
    }

    // MARK: - Checks

    /// Every check of the soak; the failures, one line each (empty when the soak passed).
    func check() async throws -> [String] {
        var failures: [String] = []
        let outcomes = outcomes.withLock { $0 }
        let driverFailures = driverFailures.withLock { $0 }
        for index in 0..<settings.workflows {
            let id = Self.workflowID(index, seed: settings.seed)
            guard let outcome = outcomes[index] else {
                failures.append("\(id): no outcome: \(driverFailures[index] ?? "unknown")")
                continue
            }
            let expected = ChaosOracle.expected(for: index)
            if outcome != expected { failures.append("\(id): outcome \(outcome), the oracle says \(expected)") }
            if Set(outcome.deposits).count != outcome.deposits.count {
                failures.append("\(id): an update was applied twice: \(outcome.deposits)")
            }
        }
        failures += checkActivityExecutions()
        failures += try await checkHistories()
        let peak = await ledger.peakResidentKilobytes
        if peak > settings.maxResidentMegabytes * 1_024 {
            failures.append("a worker's resident memory reached \(peak / 1_024) MB, above \(settings.maxResidentMegabytes) MB")
        }
        if await ledger.residentSamples == 0 { failures.append("no worker memory was sampled") }
        return failures
    }

    private func checkActivityExecutions() -> [String] {
        var failures: [String] = []
        let entries = activityLog.entries()
        let remote = Dictionary(grouping: entries.filter { !$0.isLocal }) { "\($0.workflowID) \($0.runID) \($0.activityID)" }
        for (key, executions) in remote {
            let attempts = executions.map(\.attempt)
            if executions.count > ChaosSoakLimits.maximumAttempts || attempts.max()! > ChaosSoakLimits.maximumAttempts {
                failures.append("activity \(key) (\(executions[0].activityType)) ran \(executions.count) times, attempts \(attempts)")
            }
            if Set(attempts).count != attempts.count {
                failures.append("activity \(key) (\(executions[0].activityType)) ran an attempt twice: \(attempts)")
            }
        }
        let byWorkflow = Dictionary(grouping: entries, by: \.workflowID)
        for index in 0..<settings.workflows {
            let id = Self.workflowID(index, seed: settings.seed)
            let executions = byWorkflow[id] ?? []
            let flaky = executions.filter { $0.activityType == "Flaky" }
            // Flaky succeeds on the first attempt after its planned failures that runs to the end; an
            // attempt lost with a killed worker or a reset poll never ran, and the next one is retried.
            if !flaky.contains(where: { $0.attempt > ChaosOracle.failures(of: index) }) {
                failures.append("\(id): Flaky never ran an attempt that could succeed: \(flaky.map(\.attempt))")
            }
            if !executions.contains(where: { $0.activityType == "Mix" && $0.isLocal }) {
                failures.append("\(id): the Mix local activity never ran")
            }
        }
        return failures
    }

    /// Workflow task failures of every run (both runs of each workflow and its child), by cause;
    /// nondeterminism is a failure of the soak.
    private func checkHistories() async throws -> [String] {
        var failures: [String] = []
        let deadline = ContinuousClock.now + .seconds(120 + settings.workflows / 20)
        let causes = try await withThrowingTaskGroup(of: [String: Int].self) { group in
            var next = 0
            func add() {
                let id = Self.workflowID(next, seed: settings.seed)
                next += 1
                group.addTask { try await self.taskFailureCauses(workflowID: id, deadline: deadline) }
            }
            while next < min(16, settings.workflows) { add() }
            var total: [String: Int] = [:]
            while let counts = try await group.next() {
                total.merge(counts, uniquingKeysWith: +)
                if next < settings.workflows { add() }
            }
            return total
        }
        taskFailureCauses.withLock { $0 = causes }
        let nondeterministic = causes["\(Temporal_Api_Enums_V1_WorkflowTaskFailedCause.nonDeterministicError)"] ?? 0
        if nondeterministic > 0 { failures.append("\(nondeterministic) workflow tasks failed for nondeterminism") }
        return failures
    }

    private let taskFailureCauses = Mutex<[String: Int]>([:])

    private func taskFailureCauses(workflowID: String, deadline: ContinuousClock.Instant) async throws -> [String: Int] {
        let latest = try await history(workflowID: workflowID, runID: "", deadline: deadline)
        var events = latest
        let previous = latest.first?.workflowExecutionStartedEventAttributes.continuedExecutionRunID ?? ""
        if !previous.isEmpty { events += try await history(workflowID: workflowID, runID: previous, deadline: deadline) }
        events += try await history(workflowID: "\(workflowID)-square", runID: "", deadline: deadline)
        var counts: [String: Int] = [:]
        for event in events where event.eventType == .workflowTaskFailed {
            counts["\(event.workflowTaskFailedEventAttributes.cause)", default: 0] += 1
        }
        return counts
    }

    private func history(
        workflowID: String,
        runID: String,
        deadline: ContinuousClock.Instant
    ) async throws
        -> [Temporal_Api_History_V1_HistoryEvent]
    {
        var request = Temporal_Api_Workflowservice_V1_GetWorkflowExecutionHistoryRequest()
        request.namespace = server.namespace
        request.execution.workflowID = workflowID
        request.execution.runID = runID
        var events: [Temporal_Api_History_V1_HistoryEvent] = []
        repeat {
            let sent = request
            let response = try await persist("history of \(workflowID)", until: deadline) {
                try await connection.workflowService.getWorkflowExecutionHistory(sent)
            }
            events += response.history.events
            request.nextPageToken = response.nextPageToken
        } while !request.nextPageToken.isEmpty
        return events
    }

    // MARK: - Figures

    func printFigures(wallTime: Duration, failures: Int) async {
        let faults = await ledger.faults
        let entries = activityLog.entries()
        let retriedRemote = entries.filter { !$0.isLocal && $0.attempt > 1 }.count
        let localRuns = Dictionary(grouping: entries.filter(\.isLocal)) { $0.workflowID }.values.map(\.count)
        let repeatedLocal = localRuns.map { $0 - 1 }.reduce(0, +)
        let causes = taskFailureCauses.withLock { $0 }
        let nondeterminismLines = await pool.logLines(containing: "nondetermin").count
        let seconds = { (duration: Duration) in
            duration.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 2)))
        }
        var lines = [
            "──────── chaos soak figures ────────",
            "seed                       \(settings.seed)",
            "workflows                  \(settings.workflows) started, \(outcomes.withLock { $0.count }) completed",
            "faults injected            \(faults.values.reduce(0, +)) in \(settings.faultSeconds)s",
        ]
        for kind in SoakLedger.Fault.allCases {
            lines.append("  \(kind.rawValue.padding(toLength: 25, withPad: " ", startingAt: 0))\(faults[kind] ?? 0)")
        }
        lines += [
            "worker processes started   \(await pool.launches)",
            "activity executions        \(entries.count) (\(entries.filter(\.isLocal).count) local)",
            "retried activity calls     \(retriedRemote) attempts > 1, \(repeatedLocal) local re-runs",
            "signals sent               \(await ledger.signalsSent)",
            "queries answered           \(await ledger.queriesAnswered)",
            "updates                    \(await ledger.updatesAccepted) accepted, \(await ledger.updatesRejected) rejected",
            "driver call retries        \(await ledger.driverRetries)",
            "workflow task failures     \(causes.isEmpty ? "none" : causes.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))",
            "worker log lines 'nondeterminism'  \(nondeterminismLines)",
            "workflow latency           p50 \(seconds(await ledger.latency(percentile: 0.5))), p99 \(seconds(await ledger.latency(percentile: 0.99)))",
            "peak worker RSS            \(await ledger.peakResidentKilobytes / 1_024) MB (\(await ledger.residentSamples) samples)",
            "wall time                  \(seconds(wallTime))",
            "failures                   \(failures)",
            "────────────────────────────────────",
        ]
        print(lines.joined(separator: "\n"))
    }
}

/// The retry policies of the Chaos contract's activities.
enum ChaosSoakLimits {
    /// `maximumAttempts` of Flaky, Mix and Linger in chaos.temporal.yaml.
    static let maximumAttempts = 8
}
#endif
