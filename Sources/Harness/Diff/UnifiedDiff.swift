/// A unified diff of two texts, line by line, with three lines of context.
public enum UnifiedDiff {
    /// The diff of `old` and `new`, headed `--- oldName` / `+++ newName`; empty when equal.
    public static func make(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let edits = script(a, b)
        guard edits.contains(where: { $0.kind != .same }) else { return "" }

        var out = "--- \(oldName)\n+++ \(newName)\n"
        var i = 0
        while i < edits.count {
            guard edits[i].kind != .same else {
                i += 1
                continue
            }
            // A hunk runs from `context` lines before this change to `context` lines after the last
            // change that is no more than 2 * context lines from the previous one.
            let start = max(0, i - context)
            var end = i
            var j = i
            while j < edits.count {
                if edits[j].kind != .same { end = j }
                if j - end > 2 * context { break }
                j += 1
            }
            let stop = min(edits.count, end + context + 1)
            let hunk = edits[start..<stop]
            let oldStart = hunk.first?.oldLine ?? 0
            let newStart = hunk.first?.newLine ?? 0
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .remove }.count
            out += "@@ -\(oldStart + 1),\(oldCount) +\(newStart + 1),\(newCount) @@\n"
            for edit in hunk {
                out += "\(edit.kind.rawValue)\(edit.text)\n"
            }
            i = stop
        }
        return out
    }

    struct Edit {
        enum Kind: String { case same = " ", remove = "-", insert = "+" }
        var kind: Kind
        var text: String
        /// The 0-based line in the old text at which this edit stands.
        var oldLine: Int
        var newLine: Int
    }

    /// The edit script turning `a` into `b`, from the standard library's `CollectionDifference`.
    static func script(_ a: [String], _ b: [String]) -> [Edit] {
        let difference = b.difference(from: a)
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var edits: [Edit] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) {
                edits.append(Edit(kind: .remove, text: a[i], oldLine: i, newLine: j))
                i += 1
            } else if j < b.count, inserted.contains(j) {
                edits.append(Edit(kind: .insert, text: b[j], oldLine: i, newLine: j))
                j += 1
            } else {
                edits.append(Edit(kind: .same, text: a[i], oldLine: i, newLine: j))
                i += 1
                j += 1
            }
        }
        return edits
    }
}
