import Foundation
public import Support

/// The outputs waiting for review under a golden folder: each `<file>.pending` beside the
/// golden `<file>` it would replace (or create), as `bifrost review` walks them.
public struct PendingReview: Sendable {
    /// One output waiting for review.
    public struct Item: Sendable, Hashable {
        /// The `.pending` file.
        public var pending: String
        /// The golden file it would become.
        public var golden: String

        /// The unified diff of the golden file (empty when there is none) against the pending output.
        public var diff: String {
            let old = FileManager.default.contents(atPath: golden).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let new = FileManager.default.contents(atPath: pending).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let oldName = FileManager.default.fileExists(atPath: golden) ? golden : "\(golden) (new)"
            return UnifiedDiff.make(old: old, new: new, oldName: oldName, newName: pending)
        }

        /// Makes the pending output the golden file.
        public func accept() throws(InputError) {
            do {
                if FileManager.default.fileExists(atPath: golden) { try FileManager.default.removeItem(atPath: golden) }
                try FileManager.default.moveItem(atPath: pending, toPath: golden)
            } catch {
                throw InputError(file: pending, line: 1, column: 1, message: "cannot accept: \(error.localizedDescription)")
            }
        }

        /// Deletes the pending output; the golden file stays.
        public func reject() throws(InputError) {
            do {
                try FileManager.default.removeItem(atPath: pending)
            } catch {
                throw InputError(file: pending, line: 1, column: 1, message: "cannot reject: \(error.localizedDescription)")
            }
        }
    }

    public let root: String

    public init(root: String) { self.root = root }

    /// Every pending output under the root, in path order.
    public var items: [Item] {
        let suffix = GoldenStore.pendingSuffix
        let found = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
        return found.filter { $0.hasSuffix(suffix) }.sorted().map { relative in
            let pending = (root as NSString).appendingPathComponent(relative)
            return Item(pending: pending, golden: String(pending.dropLast(suffix.count)))
        }
    }
}
