extension String {
    /// The text with every occurrence of `target` replaced by `replacement`, matched byte for byte in
    /// UTF-8, left to right, without overlaps. Unlike Foundation's `replacingOccurrences(of:with:)` it
    /// neither normalizes nor bridges, and a text without `target` comes back as it is, uncopied: the
    /// secret scrubber and the origin placeholders run it on every string of every output.
    public func replacingBytes(of target: String, with replacement: String) -> String {
        replacingBytes(of: target, with: replacement) { _, _ in true }
    }

    /// `replacingBytes(of:with:)`, replacing only the occurrences for which `accept` holds, given the
    /// text's UTF-8 bytes and the occurrence's range in them.
    public func replacingBytes(
        of target: String, with replacement: String, where accept: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Bool
    ) -> String {
        var text = self
        var target = target
        return text.withUTF8 { bytes in
            target.withUTF8 { needle in
                guard let first = needle.first, needle.count <= bytes.count else { return self }
                var result: [UInt8] = []
                var copied = 0
                var index = 0
                let last = bytes.count - needle.count
                while index <= last {
                    if bytes[index] == first, Self.matches(needle, in: bytes, at: index),
                        accept(bytes, index..<index + needle.count)
                    {
                        if result.isEmpty { result.reserveCapacity(bytes.count + replacement.utf8.count) }
                        result.append(contentsOf: bytes[copied..<index])
                        result.append(contentsOf: replacement.utf8)
                        index += needle.count
                        copied = index
                    } else {
                        index += 1
                    }
                }
                guard copied > 0 else { return self }
                result.append(contentsOf: bytes[copied...])
                return String(decoding: result, as: UTF8.self)
            }
        }
    }

    private static func matches(_ needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool
    {
        for offset in 1..<needle.count where bytes[index + offset] != needle[offset] { return false }
        return true
    }
}
