#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a line of a BIF ends.
public enum BIFLineTerminator: String, Sendable {
    case lf = "\n"
    case crlf = "\r\n"
    /// The last line of a file without a final newline.
    case none = ""
}

/// One line of a BIF as raw bytes, valid only until the scanner's next call.
public struct BIFRawLine {
    /// 1-based.
    public let number: Int
    /// The line without its terminator; empty when the line was too long.
    public let bytes: UnsafeRawBufferPointer
    public let terminator: BIFLineTerminator
    /// The whole length when the line was over the scanner's limit and was skipped.
    public let overlongLength: Int?
}

/// Splits a byte source into lines in constant memory: LF or CRLF, a UTF-8
/// byte order mark at the start, a last line with or without a newline.
///
/// A line longer than `maxLineLength` is not buffered: it is skipped and
/// reported with its length, so a file without newlines costs no more memory
/// than a good one.
public final class BIFLineScanner<Source: BIFByteSource> {
    public static var defaultMaxLineLength: Int { 1 << 16 }

    private var source: Source
    private let buffer: UnsafeMutableRawBufferPointer
    /// The longest line kept, in bytes.
    public let maxLineLength: Int
    private var start = 0
    private var end = 0
    private var atEnd = false
    private var lineNumber = 0
    private var started = false
    /// Whether the source began with a UTF-8 byte order mark (known after the first `next()`).
    public private(set) var hasByteOrderMark = false

    public init(source: Source, maxLineLength: Int = defaultMaxLineLength, chunkSize: Int = 1 << 20) {
        self.source = source
        self.maxLineLength = maxLineLength
        self.buffer = .allocate(byteCount: max(chunkSize, maxLineLength * 2), alignment: 16)
    }

    deinit { buffer.deallocate() }

    /// The next line, or nil at the end of the source.
    public func next() throws -> BIFRawLine? {
        if !started {
            started = true
            try fill()
            if end - start >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
                hasByteOrderMark = true
                start = 3
            }
        }
        while true {
            if let newline = firstNewline() {
                lineNumber += 1
                var lineEnd = newline
                var terminator = BIFLineTerminator.lf
                if lineEnd > start, buffer[lineEnd - 1] == 0x0D {
                    lineEnd -= 1
                    terminator = .crlf
                }
                let line = BIFRawLine(
                    number: lineNumber, bytes: UnsafeRawBufferPointer(rebasing: buffer[start..<lineEnd]),
                    terminator: terminator, overlongLength: nil)
                start = newline + 1
                return line
            }
            if end - start > maxLineLength { return try skipOverlongLine() }
            if atEnd {
                guard start < end else { return nil }
                lineNumber += 1
                let line = BIFRawLine(
                    number: lineNumber, bytes: UnsafeRawBufferPointer(rebasing: buffer[start..<end]),
                    terminator: .none, overlongLength: nil)
                start = end
                return line
            }
            try fill()
        }
    }

    private func firstNewline() -> Int? {
        guard start < end else { return nil }
        let base = UnsafeRawPointer(buffer.baseAddress!)
        guard let found = memchrNewline(base + start, end - start) else { return nil }
        return found - base
    }

    /// Moves the unread bytes to the front and reads more after them.
    private func fill() throws {
        if start > 0 {
            let pending = end - start
            if pending > 0 { buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: pending) }
            (start, end) = (0, pending)
        }
        guard !atEnd, end < buffer.count else { return }
        let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
        if count == 0 { atEnd = true } else { end += count }
    }

    /// Discards a line over the limit up to its newline, counting its length.
    private func skipOverlongLine() throws -> BIFRawLine {
        lineNumber += 1
        var length = 0
        var lastByte: UInt8 = 0
        while true {
            if let newline = firstNewline() {
                length += newline - start
                if newline > start { lastByte = buffer[newline - 1] }
                start = newline + 1
                let crlf = lastByte == 0x0D
                return BIFRawLine(
                    number: lineNumber, bytes: UnsafeRawBufferPointer(start: nil, count: 0),
                    terminator: crlf ? .crlf : .lf, overlongLength: crlf ? length - 1 : length)
            }
            length += end - start
            if end > start { lastByte = buffer[end - 1] }
            (start, end) = (0, 0)
            if atEnd {
                return BIFRawLine(
                    number: lineNumber, bytes: UnsafeRawBufferPointer(start: nil, count: 0), terminator: .none,
                    overlongLength: length)
            }
            try fill()
        }
    }
}

/// The first newline in `count` bytes from `start`.
private func memchrNewline(_ start: UnsafeRawPointer, _ count: Int) -> UnsafeRawPointer? {
    memchr(start, 0x0A, count).map { UnsafeRawPointer($0) }
}
