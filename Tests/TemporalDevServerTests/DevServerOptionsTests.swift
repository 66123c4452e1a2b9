import Foundation
import TemporalDevServer
import Testing

@Suite("Locating the Temporal CLI")
struct DevServerOptionsTests {
    @Test("finds the repository's .venv/bin/temporal from a directory inside it")
    func findsVenv() throws {
        let executable = try DevServerOptions.locateTemporalCLI(
            searchingUpwardFrom: TemporalCLI.searchDirectory,
            environment: [:]
        )
        #expect(executable.path.hasSuffix("/.venv/bin/temporal"))
        #expect(FileManager.default.isExecutableFile(atPath: executable.path))
    }

    @Test("TEMPORAL_CLI wins over .venv")
    func environmentWins() throws {
        let executable = try DevServerOptions.locateTemporalCLI(
            searchingUpwardFrom: TemporalCLI.searchDirectory,
            environment: ["TEMPORAL_CLI": "/bin/sh"]
        )
        #expect(executable.path == "/bin/sh")
    }

    @Test("a TEMPORAL_CLI that is not executable is an error naming it")
    func badEnvironment() {
        let error = #expect(throws: DevServerError.self) {
            try DevServerOptions.locateTemporalCLI(
                searchingUpwardFrom: TemporalCLI.searchDirectory,
                environment: ["TEMPORAL_CLI": "/nonexistent/temporal"]
            )
        }
        #expect("\(error.map { "\($0)" } ?? "")".contains("/nonexistent/temporal"))
    }

    @Test("nothing found tells to run Scripts/bootstrap.sh")
    func notFound() {
        let error = #expect(throws: DevServerError.self) {
            try DevServerOptions.locateTemporalCLI(searchingUpwardFrom: URL(filePath: "/"), environment: ["PATH": "/nonexistent"])
        }
        #expect("\(error.map { "\($0)" } ?? "")".contains("run Scripts/bootstrap.sh"))
    }

    @Test("the default dynamic config turns on updates, update-with-start and eager start")
    func defaultDynamicConfig() {
        let values = DevServerOptions().dynamicConfigValues
        #expect(values["frontend.enableUpdateWorkflowExecution"] == "true")
        #expect(values["frontend.enableUpdateWorkflowExecutionAsyncAccepted"] == "true")
        #expect(values["frontend.enableExecuteMultiOperation"] == "true")
        #expect(values["system.enableEagerWorkflowStart"] == "true")
    }
}
