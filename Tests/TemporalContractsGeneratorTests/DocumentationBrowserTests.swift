import Foundation
import Testing

@testable import TemporalContractsGenerator

/// The HTML documentation in a real headless browser (Debian's chromium, installed by
/// `Scripts/bootstrap.sh`), through `Tests/BrowserTests/check_html_docs.py`: every page loads
/// without a console error, every link reaches a page and anchor, the search works, and a
/// screenshot of the index is not blank. Fails, rather than skips, when chromium is missing.
struct DocumentationBrowserTests {
    static let script = TestSupport.packageRoot.appendingPathComponent("Tests/BrowserTests/check_html_docs.py")

    /// The examples, and a contract whose text would run as a script, or break links, if the pages
    /// did not escape it.
    static func models() throws -> [ContractModel] {
        let tricky = try TestSupport.generate([
            "tricky.temporal.yaml": """
            contract: 1
            name: Tricky
            description: '<script>console.error("unescaped")</script> & <img src=x onerror="console.error(1)">'
            types:
              Größe:
                type: object
                description: <b>bold</b>
                required: [wert]
                properties:
                  wert: { $ref: Wert }
              Wert:
                type: string
                enum: ["</pre><script>console.error(2)</script>"]
              Box:
                type: object
                properties:
                  size: { $ref: Größe }
                  sizes: { type: array, items: { $ref: Größe } }
            """
        ])
        #expect(!tricky.hasErrors, "\(tricky.diagnostics.map(\.formatted))")
        return DocumentationGoldenTests.exampleModels() + tricky.models
    }

    /// Runs the check on the site in `folder`; its exit status and what it printed.
    func check(_ folder: URL, screenshot: URL) throws -> (status: Int32, output: String) {
        let venvPython = TestSupport.packageRoot.appendingPathComponent(".venv/bin/python")
        let process = Process()
        if FileManager.default.isExecutableFile(atPath: venvPython.path) {
            process.executableURL = venvPython
            process.arguments = []
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3"]
        }
        process.arguments? += [Self.script.path, folder.path, "--screenshot", screenshot.path, "--timeout", "150"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        // The script bounds its own waits; this bounds the script.
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 180, execute: watchdog)
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        watchdog.cancel()
        return (process.terminationStatus, text)
    }

    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("docs-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func htmlPagesLoadCleanlyInChromium() throws {
        let site = try scratch()
        defer { try? FileManager.default.removeItem(at: site) }
        try OutputWriter.write(try DocumentationGenerator().render(Self.models(), format: .html), to: site.path)
        let screenshot = site.appendingPathComponent("index.png")
        let (status, output) = try check(site, screenshot: screenshot)
        #expect(status == 0, "\(output)")
        #expect(output.contains("5 pages"), "\(output)")
        let size = (try? FileManager.default.attributesOfItem(atPath: screenshot.path)[.size] as? Int) ?? 0
        #expect(size > 1_000, "the screenshot of the index")
    }

    /// The check itself finds what it looks for, so that its passing above means something.
    @Test func theCheckFindsBrokenPages() throws {
        let site = try scratch()
        defer { try? FileManager.default.removeItem(at: site) }
        try Data(
            """
            <!DOCTYPE html>
            <html><head><title>broken</title></head>
            <body><a href="missing.html"></a><a href="#nowhere"></a><ul id="name-list"><li hidden></li></ul>
            <script>console.error("planted"); notDefined();</script></body></html>
            """.utf8
        ).write(to: site.appendingPathComponent("index.html"))
        let (status, output) = try check(site, screenshot: site.appendingPathComponent("index.png"))
        #expect(status == 1, "\(output)")
        for problem in [
            "index.html: link 'missing.html' names no page of the site",
            "index.html: link '#nowhere' names no anchor of index.html",
            "index.html: 1 names listed, 1 hidden without JavaScript",
            "index.html: console.error: planted",
            "index.html: uncaught ReferenceError: notDefined is not defined",
            "index.html: the screenshot is blank",
            "index.html: the search:",
        ] {
            #expect(output.contains(problem), "\(problem) in \(output)")
        }
    }
}
