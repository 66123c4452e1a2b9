import Foundation
import Mustache

/// Renders view models through the mustache templates: the embedded ones, or a user's folder of
/// templates with the same names (missing ones fall back to the embedded copies). A template in a
/// subfolder is named by its path: `Docs/HTMLContract` for `Docs/HTMLContract.mustache`.
public struct TemplateRenderer: Sendable {
    private let library: MustacheLibrary

    /// - Parameter templateDirectory: a folder of `*.mustache` files overriding the embedded ones,
    ///   the documentation templates in its `Docs` subfolder.
    public init(templateDirectory: String? = nil) throws {
        var templates = EmbeddedTemplates.all
        if let templateDirectory {
            try Self.read(URL(fileURLWithPath: templateDirectory), prefix: "", into: &templates)
        }
        var library = MustacheLibrary()
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(text, named: name)
            } catch {
                throw TemplateError(template: name, message: "\(error)")
            }
        }
        self.library = library
    }

    /// Reads the `*.mustache` files of `folder` and of its subfolders, named by their paths.
    private static func read(_ folder: URL, prefix: String, into templates: inout [String: String]) throws {
        let entries = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isDirectoryKey])
        for entry in entries {
            if try entry.resourceValues(forKeys: [.isDirectoryKey]).isDirectory == true {
                try read(entry, prefix: prefix + entry.lastPathComponent + "/", into: &templates)
            } else if entry.pathExtension == "mustache" {
                templates[prefix + entry.deletingPathExtension().lastPathComponent] = try String(contentsOf: entry, encoding: .utf8)
            }
        }
    }

    func render(_ viewModel: Any, template: String) throws -> String {
        guard let text = library.render(TemplateContext.make(viewModel), withTemplate: template) else {
            throw TemplateError(template: template, message: "no such template")
        }
        return text
    }
}

/// A template that does not parse or does not exist.
public struct TemplateError: Error, CustomStringConvertible {
    public var template: String
    public var message: String

    public var description: String { "template '\(template)': \(message)" }
}
