/// The pipe-delimited fields of one line: where each ends, and what the text checks need.
///
/// A value valid as long as the line's bytes and its splitter are.
struct BIFFields {
    let line: UnsafeRawBufferPointer
    /// End offsets of the first `BIFFieldSplitter.capacity` fields.
    let ends: UnsafeMutableBufferPointer<Int>
    /// The number of fields, pipes plus one.
    let count: Int
    /// Whether a byte is below 0x20 (a tab included) or is 0x7F.
    let hasControlByte: Bool
    /// Whether a byte is 0x80 or above.
    let hasNonASCII: Bool

    /// The bytes of field `index` (0-based); empty past the last field.
    subscript(index: Int) -> UnsafeRawBufferPointer {
        guard index < count, index < BIFFieldSplitter.capacity else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let start = index == 0 ? 0 : ends[index - 1] + 1
        return UnsafeRawBufferPointer(rebasing: line[start..<ends[index]])
    }

    /// Field `index` as text, for findings and records.
    func text(_ index: Int) -> String { String(decoding: self[index], as: UTF8.self) }
}

/// Finds the fields of lines in one pass each, without allocating: one splitter is reused for every line.
final class BIFFieldSplitter {
    /// How many field boundaries are kept; a line with more fields is still counted.
    static let capacity = 256

    private let ends = UnsafeMutableBufferPointer<Int>.allocate(capacity: capacity)

    deinit { ends.deallocate() }

    /// Splits `line`; the result is valid until the next call.
    ///
    /// Eight bytes at a time: a word's pipes, bytes below 0x20, bytes 0x7F and
    /// bytes 0x80 and above are found with bit arithmetic, each exact per byte.
    func split(_ line: UnsafeRawBufferPointer) -> BIFFields {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits = ones &* 0x80
        let low7 = ones &* 0x7F
        /// The high bit of each byte of `word` that is zero, exactly.
        func zeroBytes(_ word: UInt64) -> UInt64 { ~(((word & low7) &+ low7) | word | low7) }

        var fields = 0
        var control: UInt64 = 0
        var high: UInt64 = 0
        var i = 0
        let count = line.count
        if let base = line.baseAddress {
            while i + 8 <= count {
                let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                var pipes = zeroBytes(word ^ (ones &* 0x7C))
                control |= (~((word & low7) &+ ones &* 0x60) & ~word & highBits) | zeroBytes(word ^ low7)
                high |= word & highBits
                while pipes != 0 {
                    if fields < Self.capacity { ends[fields] = i + pipes.trailingZeroBitCount >> 3 }
                    fields += 1
                    pipes &= pipes &- 1
                }
                i += 8
            }
        }
        while i < count {
            let byte = line[i]
            if byte == 0x7C {
                if fields < Self.capacity { ends[fields] = i }
                fields += 1
            }
            if byte < 0x20 || byte == 0x7F { control = highBits }
            if byte >= 0x80 { high = highBits }
            i += 1
        }
        if fields < Self.capacity { ends[fields] = count }
        return BIFFields(line: line, ends: ends, count: fields + 1, hasControlByte: control != 0, hasNonASCII: high != 0)
    }
}
