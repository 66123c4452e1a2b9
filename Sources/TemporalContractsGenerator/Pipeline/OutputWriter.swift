import Foundation

/// Writes generated files, touching only those whose contents changed, so builds that depend on
/// their modification dates do not redo work.
public enum OutputWriter {
    /// Writes `files` into `directory`; returns the names of the files actually written.
    @discardableResult
    public static func write(_ files: [GeneratedFile], to directory: String) throws -> [String] {
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var written: [String] = []
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file.name)
            let data = Data(file.contents.utf8)
            if let existing = manager.contents(atPath: path), existing == data { continue }
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            written.append(file.name)
        }
        return written
    }
}
