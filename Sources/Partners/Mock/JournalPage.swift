public import Wire

/// One page of a `Journal`: some of its entries, and where the journal stands.
public struct JournalPage: Sendable {
    /// The entries, oldest first, each as the whole journal renders it.
    public var entries: [JSONValue]
    /// How many entries the journal keeps now.
    public var total: Int
    /// How many exchanges it recorded, dropped ones included: the newest entry's `seq`.
    public var recorded: Int
    /// The offset of the next page: the last entry's `seq`; nil when this page reaches the newest entry.
    public var nextOffset: Int?

    public init(entries: [JSONValue], total: Int, recorded: Int, nextOffset: Int?) {
        self.entries = entries
        self.total = total
        self.recorded = recorded
        self.nextOffset = nextOffset
    }
}
