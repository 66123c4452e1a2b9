import ArgumentParser
import Foundation
import TemporalContractsGenerator

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starter contract to edit."
    )

    @Argument(help: "The contract file to create.")
    var path: String = "example.temporal.yaml"

    @Option(name: .long, help: "The contract name, which becomes the Swift namespace.")
    var name: String = "Greetings"

    @Flag(name: .long, help: "Overwrite an existing file.")
    var force = false

    func run() throws {
        guard SwiftNaming.isValidTypeName(name) else {
            throw ValidationError("'\(name)' is not a Swift type name; use e.g. OrderService")
        }
        if FileManager.default.fileExists(atPath: path), !force {
            throw ValidationError("\(path) exists; pass --force to overwrite it")
        }
        try Data(StarterContract.text(name: name).utf8).write(to: URL(fileURLWithPath: path))
        // Editors with the YAML language server validate and complete the contract with this schema.
        let schemaPath = ((path as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent(StarterContract.schemaFileName)
        if !FileManager.default.fileExists(atPath: schemaPath) {
            try Data((EmbeddedSchemas.contractJSONSchema + "\n").utf8).write(to: URL(fileURLWithPath: schemaPath))
        }
        print("Wrote \(path) and \(schemaPath). Next: temporal-contracts generate \(path) --output Generated")
    }
}
