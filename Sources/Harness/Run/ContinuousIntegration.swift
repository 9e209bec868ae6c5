/// Whether a run is on CI, where golden files are never written.
public enum ContinuousIntegration {
    /// The `CI` variable says CI when it is set to anything but `false`, `0`, `no` or nothing.
    public static func isCI(_ environment: [String: String]) -> Bool {
        guard let value = environment["CI"] else { return false }
        return !["", "0", "false", "no"].contains(value.lowercased())
    }
}
