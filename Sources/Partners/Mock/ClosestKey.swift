/// Finds the state key closest to one a request named: the smallest edit distance, bounded, ties in state order.
///
/// Bounded work for any request: at most `candidateLimit` keys are compared, each on its first
/// `lengthLimit` characters, and a key is suggested only when at most a third of its characters
/// differ (`20240930` for `20240903`, never `99999999`).
public enum ClosestKey {
    /// The most keys compared for one request.
    public static let candidateLimit = 1000
    /// The characters of a key compared.
    public static let lengthLimit = 64

    /// The closest of `keys` to `key`, or nil when none is close enough (or `key` is among them).
    public static func closest(to key: String, among keys: some Sequence<String>, ignoringCase: Bool = false) -> String? {
        let fold: (String) -> [UInt8] = { text in
            let bytes = Array(text.utf8.prefix(lengthLimit))
            return ignoringCase ? bytes.map { (65...90).contains($0) ? $0 | 0x20 : $0 } : bytes
        }
        let wanted = fold(key)
        var best: (key: String, distance: Int)?
        for candidate in keys.prefix(candidateLimit) {
            let bytes = fold(candidate)
            let bound = max(bytes.count, wanted.count) / 3
            let limit = min(bound, (best?.distance ?? Int.max) - 1)
            guard limit >= 1, abs(bytes.count - wanted.count) <= limit else { continue }
            guard let distance = distance(wanted, bytes, limit: limit), distance > 0 else { continue }
            best = (candidate, distance)
        }
        return best?.key
    }

    /// The Levenshtein distance of `a` and `b`, or nil when it is over `limit`.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
        if a == b { return 0 }
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), previous[j] + 1, current[j - 1] + 1)
            }
            if (current.min() ?? 0) > limit { return nil }
            previous = current
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
