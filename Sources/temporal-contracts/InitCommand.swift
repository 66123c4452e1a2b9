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
        print("Wrote \(path). Next: temporal-contracts generate \(path) --output Generated")
    }
}
