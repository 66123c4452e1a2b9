import Foundation

/// Writes generated files, touching only those whose contents changed, so builds that depend on
/// their modification dates do not redo work.
public enum OutputWriter {
    /// A file name that would put a file outside the output folder.
    public struct UnsafeFileNameError: Error, CustomStringConvertible {
        /// The rejected name.
        public var name: String

        /// Says which name was refused and why.
        public var description: String {
            "refusing to write '\(name)': a generated file name must be a single file name inside the output folder"
        }
    }

    /// Writes `files` into `directory`; returns the names of the files actually written.
    ///
    /// Every name must be a single path component (no `/`, not `.` or `..`), so contracts and
    /// templates cannot place files outside `directory`; a symbolic link already at a file's path
    /// is replaced, never written through.
    ///
    /// - Parameters:
    ///   - files: the files to write, named relative to `directory`.
    ///   - directory: the output folder, created when missing.
    ///   - touchUnchanged: also set the modification date of unchanged files. A build
    ///     system that compares dates (SwiftPM's build plugins) otherwise sees outputs older than the
    ///     contract and runs the generator on every build.
    /// - Throws: ``UnsafeFileNameError`` before writing anything when a name could leave `directory`.
    @discardableResult
    public static func write(_ files: [GeneratedFile], to directory: String, touchUnchanged: Bool = false) throws -> [String] {
        if let unsafe = files.first(where: { !isSafeFileName($0.name) }) {
            throw UnsafeFileNameError(name: unsafe.name)
        }
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var written: [String] = []
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file.name)
            let data = Data(file.contents.utf8)
            if isSymbolicLink(path) {
                // Reading or touching through the link would reach a file outside the folder.
                try manager.removeItem(atPath: path)
            } else if let existing = manager.contents(atPath: path), existing == data {
                if touchUnchanged { try manager.setAttributes([.modificationDate: Date()], ofItemAtPath: path) }
                continue
            }
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            written.append(file.name)
        }
        return written
    }

    /// Whether `name` names a file directly inside the output folder.
    static func isSafeFileName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\\")
            && !name.contains("\u{0}")
    }

    private static func isSymbolicLink(_ path: String) -> Bool {
        let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
        return type == .typeSymbolicLink
    }
}
