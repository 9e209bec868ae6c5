public import Foundation
public import Support
public import Wire

/// Reading and writing BIF files for the command line and the runner.
public enum BIFFiles {
    /// Reads a whole BIF; an unreadable one is an input error at its line and column.
    public static func read(_ path: String) throws(InputError) -> BIFFile {
        let source = try FileByteSource(path: path)
        do {
            return try BIFFile.read(source)
        } catch {
            throw InputError(file: path, line: error.line, column: error.column, message: error.message)
        }
    }

    /// Writes `bytes` to `path` through a temporary file renamed into place: never a half-written file.
    public static func write(_ bytes: [UInt8], to path: String) throws(InputError) {
        try write(to: path) { handle in handle.write(Data(bytes)) }
    }

    /// Writes to a temporary file beside `path` with `body`, then renames it into place; removes it on failure.
    public static func write(to path: String, _ body: (FileHandle) throws -> Void) throws(InputError) {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        do {
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
                throw InputError(file: path, line: 1, column: 1, message: "cannot create \(temporary)")
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
            defer { try? handle.close() }
            try body(handle)
            try handle.synchronize()
            guard rename(temporary, path) == 0 else {
                throw InputError(
                    file: path, line: 1, column: 1, message: "cannot rename into place: \(String(cString: strerror(errno)))")
            }
        } catch let error as InputError {
            unlink(temporary)
            throw error
        } catch {
            unlink(temporary)
            throw InputError(file: path, line: 1, column: 1, message: "cannot write: \(error.localizedDescription)")
        }
    }
}
