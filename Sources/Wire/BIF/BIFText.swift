/// The text checks every BIF line goes through, shared by the reader and the validator.
enum BIFText {
    /// The 1-based column of the first byte that breaks UTF-8, or nil when the line is valid.
    static func firstInvalidUTF8(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var i = 0
        let count = bytes.count
        while i < count {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let length: Int
            let lowest: UInt8
            switch lead {
            case 0xC2...0xDF: (length, lowest) = (2, 0x80)
            case 0xE0: (length, lowest) = (3, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: (length, lowest) = (3, 0x80)
            case 0xED: (length, lowest) = (3, 0x80)
            case 0xF0: (length, lowest) = (4, 0x90)
            case 0xF1...0xF3: (length, lowest) = (4, 0x80)
            case 0xF4: (length, lowest) = (4, 0x80)
            default: return i + 1
            }
            guard i + length <= count else { return i + 1 }
            let highest: UInt8 = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF
            guard bytes[i + 1] >= lowest, bytes[i + 1] <= highest else { return i + 1 }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i + 1 }
            i += length
        }
        return nil
    }

    /// The 1-based column of the first control character other than a tab, or nil.
    static func firstControlCharacter(_ bytes: UnsafeRawBufferPointer) -> Int? {
        for i in 0..<bytes.count where (bytes[i] < 0x20 && bytes[i] != 0x09) || bytes[i] == 0x7F { return i + 1 }
        return nil
    }

    static func overlongMessage(_ length: Int, limit: Int) -> String {
        "the line is \(length) bytes long, over the limit of \(limit)"
    }
}
