public import Wire

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file read with `read(2)` into the caller's buffer: no copy of the whole file, constant memory.
public final class FileByteSource: BIFByteSource {
    private let descriptor: Int32
    public let path: String

    /// Opens `path` for reading; an unreadable file is an input error.
    public init(path: String) throws(InputError) {
        self.path = path
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw InputError(file: path, line: 1, column: 1, message: "cannot open: \(String(cString: strerror(errno)))")
        }
    }

    deinit { close(descriptor) }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = readFile(descriptor, buffer)
            if count >= 0 { return count }
            if errno != EINTR {
                throw InputError(file: path, line: 1, column: 1, message: "cannot read: \(String(cString: strerror(errno)))")
            }
        }
    }
}

/// `read(2)` into `buffer`: here, outside the class, whose `read(into:)` would hide the C function's name.
private func readFile(_ descriptor: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
    read(descriptor, buffer.baseAddress, buffer.count)
}
