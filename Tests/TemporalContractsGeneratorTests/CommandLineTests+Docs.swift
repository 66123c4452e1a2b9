import Foundation
import Testing

@testable import TemporalContractsGenerator

/// `temporal-contracts docs` as a user runs it.
extension CommandLineTests {
    @Test func docsWritesMarkdownOrHTMLOnlyWhenChanged() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let contract = TestSupport.ordersContract.path
        let markdown = directory.appendingPathComponent("md").path
        let first = try run(["docs", contract, "--output", markdown])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.contains("Documented 2 contracts in \(markdown) (3 files, 3 changed)."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: markdown).sorted() == ["Common.md", "Orders.md", "index.md"])
        let again = try run(["docs", contract, "--output", markdown])
        #expect(again.output.contains("(3 files, 0 changed)"))

        let html = directory.appendingPathComponent("html").path
        let site = try run(["docs", contract, "--output", html, "--format", "html"])
        #expect(site.status == 0, "\(site.errors)")
        let index = try String(contentsOfFile: html + "/index.html", encoding: .utf8)
        #expect(index.hasPrefix("<!DOCTYPE html>"))
        #expect(index.contains(#"<a href="Orders.html">Orders</a>"#))
    }

    @Test func docsReportsContractErrorsAndWritesNothing() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("contract: 1\nname: Bad\nworkflows:\n  A: { input: Missing }\n".utf8)
            .write(to: directory.appendingPathComponent("bad.temporal.yaml"))
        let result = try run(["docs", "bad.temporal.yaml", "--output", "out"], in: directory)
        #expect(result.status == 1)
        #expect(result.errors.contains("bad.temporal.yaml:4:"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
    }

    @Test func docsUsesTheTemplatesOfATemplateFolder() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let templates = directory.appendingPathComponent("Templates/Docs")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("<!DOCTYPE html>\n<title>Our contracts</title>{{#contracts}}<p>{{name}}</p>{{/contracts}}\n".utf8)
            .write(to: templates.appendingPathComponent("HTMLIndex.mustache"))
        let output = directory.appendingPathComponent("site").path
        let result = try run([
            "docs", TestSupport.ordersContract.path, "--format", "html", "--output", output, "--templates",
            directory.appendingPathComponent("Templates").path,
        ])
        #expect(result.status == 0, "\(result.errors)")
        let index = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        #expect(index == "<!DOCTYPE html>\n<title>Our contracts</title><p>Common</p><p>Orders</p>\n")
    }
}
