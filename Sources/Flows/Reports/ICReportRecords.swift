public import Wire

/// The records IMT has collected from IC's reports, each kept once by its key.
public struct ICReportRecords: Sendable, Hashable {
    public var payments: [ReportedPayment] = []
    public var settledBatches: [SettledBatch] = []
    public var settledPayments: [SettledPayment] = []
    public var achRejects: [ACHReject] = []
    public var autoPayChanges: [EnrollmentChange] = []
    public var paperlessChanges: [EnrollmentChange] = []

    public init() {}

    /// Adds the records of `answer` not already held; returns how many were new.
    /// - Throws: the first record that cannot be read.
    public mutating func add(_ answer: ICReportAnswer) throws(ICReportFields.Problem) -> Int {
        func merge<Record: ICReportRecord>(_ list: inout [Record], table index: Int) throws(ICReportFields.Problem) -> Int {
            guard index < answer.tables.count else { return 0 }
            let known = Set(list.map(\.key))
            let new = try answer.tables[index].records(as: Record.self).filter { !known.contains($0.key) }
            list += new
            return new.count
        }
        switch answer.report.kind {
        case .payments: return try merge(&payments, table: 0)
        case .settlement: return try merge(&settledBatches, table: 0) + merge(&settledPayments, table: 1)
        case .achRejects: return try merge(&achRejects, table: 0)
        case .autoPayChanges: return try merge(&autoPayChanges, table: 0)
        case .paperlessChanges: return try merge(&paperlessChanges, table: 0)
        }
    }
}
