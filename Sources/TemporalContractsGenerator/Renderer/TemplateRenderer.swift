import Foundation
import Mustache

/// Renders view models through the mustache templates: the embedded ones, or a user's folder of
/// templates with the same names (missing ones fall back to the embedded copies).
public struct TemplateRenderer: Sendable {
    private let library: MustacheLibrary

    /// - Parameter templateDirectory: a folder of `*.mustache` files overriding the embedded ones.
    public init(templateDirectory: String? = nil) throws {
        var templates = EmbeddedTemplates.all
        if let templateDirectory {
            let url = URL(fileURLWithPath: templateDirectory)
            let files = try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
            for file in files where file.pathExtension == "mustache" {
                templates[file.deletingPathExtension().lastPathComponent] = try String(contentsOf: file, encoding: .utf8)
            }
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
