/// Finds the pipe-delimited fields of a raw line in one pass, without allocating.
///
/// Also notes what the text checks need: whether the line has a control
/// character or a byte outside ASCII. One splitter is reused for every line.
public final class BIFFieldSplitter {
    /// How many field boundaries are kept; a line with more fields is still counted.
    public static let capacity = 256

    private let ends: UnsafeMutableBufferPointer<Int>
    private var line = UnsafeRawBufferPointer(start: nil, count: 0)
    /// The number of fields, pipes plus one.
    public private(set) var count = 0
    /// Whether a byte is below 0x20 (a tab included) or is 0x7F.
    public private(set) var hasControlByte = false
    /// Whether a byte is 0x80 or above.
    public private(set) var hasNonASCII = false

    public init() { ends = .allocate(capacity: Self.capacity) }
    deinit { ends.deallocate() }

    /// Splits `line`; the fields stay valid as long as its bytes do.
    public func split(_ line: UnsafeRawBufferPointer) {
        self.line = line
        var fields = 0
        var lowest: UInt8 = 0xFF
        var highest: UInt8 = 0
        for i in 0..<line.count {
            let byte = line[i]
            if byte == 0x7C {
                if fields < Self.capacity { ends[fields] = i }
                fields += 1
            }
            lowest = min(lowest, byte)
            highest = max(highest, byte)
        }
        if fields < Self.capacity { ends[fields] = line.count }
        count = fields + 1
        hasNonASCII = highest >= 0x80
        hasControlByte = lowest < 0x20 || highest == 0x7F || (hasNonASCII && line.contains(0x7F))
    }

    /// The bytes of field `index` (0-based); empty past the last field.
    public subscript(index: Int) -> UnsafeRawBufferPointer {
        guard index < count, index < Self.capacity else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let start = index == 0 ? 0 : ends[index - 1] + 1
        return UnsafeRawBufferPointer(rebasing: line[start..<ends[index]])
    }

    /// Field `index` as text, for findings and records.
    public func text(_ index: Int) -> String { String(decoding: self[index], as: UTF8.self) }

    /// The 1-based column where field `index` starts, for positions.
    public func column(of index: Int) -> Int {
        guard index > 0, index <= min(count, Self.capacity) else { return 1 }
        return ends[index - 1] + 2
    }
}
