import Support

extension SecretScrubber {
    /// An output with its secrets removed: JSON by member and by value, XML and other files by value.
    func scrub(_ output: OutputValue) -> OutputValue {
        switch output {
        case .json(let value): .json(scrub(value))
        case .bif: output
        case .xml(let bytes): .xml(Array(scrub(String(decoding: bytes, as: UTF8.self)).utf8))
        case .text(let bytes): .text(Array(scrub(String(decoding: bytes, as: UTF8.self)).utf8))
        }
    }
}
