import Wire

/// Bytes for tests that move files: the same for the same size, on every platform.
public enum SampleBytes {
    /// A PDF-like body: the `%PDF-1.4` line, then `count` pseudo-random bytes seeded by `count`.
    public static func pdf(_ count: Int) -> [UInt8] {
        var random = SplitMix64(seed: UInt64(count))
        return Array("%PDF-1.4\n".utf8) + (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    }
}
