/// The shape of an ISO 8601 date and time with its zone, read byte by byte: `2024-11-18T17:05:28Z`,
/// `2024-11-18T11:05:28.250-06:00`. Scenario clocks and the golden `<timestamp>` placeholder take it.
///
/// A byte check, not a regular expression: a pattern costs ICU's regex engine its set-up, on
/// every run, for a shape this simple.
enum DateTimeText {
    /// `yyyy-mm-ddThh:mm:ss`, an optional fraction of a second (`.` and digits), then `Z` or `±hh:mm`.
    static func isISO8601(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        guard take("dddd-dd-ddTdd:dd:dd", from: &bytes) else { return false }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            let digits = bytes.prefix(while: isDigit)
            guard !digits.isEmpty else { return false }
            bytes = bytes.dropFirst(digits.count)
        }
        if bytes.elementsEqual("Z".utf8) { return true }
        guard let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return false }
        bytes = bytes.dropFirst()
        return take("dd:dd", from: &bytes) && bytes.isEmpty
    }

    /// Takes the bytes `shape` describes off the front of `bytes` (`d` a digit, any other byte itself).
    private static func take(_ shape: StaticString, from bytes: inout Substring.UTF8View.SubSequence) -> Bool {
        for expected in UnsafeBufferPointer(start: shape.utf8Start, count: shape.utf8CodeUnitCount) {
            guard let byte = bytes.first, expected == UInt8(ascii: "d") ? isDigit(byte) : byte == expected else { return false }
            bytes = bytes.dropFirst()
        }
        return true
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
