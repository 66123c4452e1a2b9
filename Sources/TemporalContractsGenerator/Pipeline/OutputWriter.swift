import Foundation

/// Writes generated files, touching only those whose contents changed, so builds that depend on
/// their modification dates do not redo work.
public enum OutputWriter {
    /// Writes `files` into `directory`; returns the names of the files actually written.
    ///
    /// - Parameters:
    ///   - files: the files to write, named relative to `directory`.
    ///   - directory: the output folder, created when missing.
    ///   - touchUnchanged: also set the modification date of unchanged files. A build
    ///     system that compares dates (SwiftPM's build plugins) otherwise sees outputs older than the
    ///     contract and runs the generator on every build.
    @discardableResult
    public static func write(_ files: [GeneratedFile], to directory: String, touchUnchanged: Bool = false) throws -> [String] {
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var written: [String] = []
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file.name)
            let data = Data(file.contents.utf8)
            if let existing = manager.contents(atPath: path), existing == data {
                if touchUnchanged { try manager.setAttributes([.modificationDate: Date()], ofItemAtPath: path) }
                continue
            }
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            written.append(file.name)
        }
        return written
    }
}
