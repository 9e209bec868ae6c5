public import Wire

/// IMT's check of what IC reports against what DataPump posted to IMT (seed 004,
/// "to validate payment posting" and "to validate batch settlement").
///
/// A post is IC's payment when its `transaction_id` (`BillerID&PaymentID`) ends in
/// the payment's id. Each IC payment — reported, or in a settled batch, CloudStore
/// payments left out (IC posts none of them) — gets at most one finding, the first
/// that applies:
/// - `settled-not-posted`: in a settled batch, never posted;
/// - `missing`: reported, never posted;
/// - `duplicated`: posted more than once;
/// - `amount-mismatch`: IC's amount (fee included) differs from the post's `total_paid`.
///
/// An ACH reject of a posted payment is `rejected-after-posting` (IMT must reverse it).
public struct Reconciliation: Sendable, Hashable {
    /// IC's payment ids that match one post with the same amount, in order.
    public var matched: [String]
    public var findings: [ReconciliationFinding]

    public init(records: ICReportRecords, posted: [PaymentPost]) {
        var posts: [String: [PaymentPost]] = [:]
        for post in posted { posts[Self.paymentID(of: post), default: []].append(post) }
        var payments: [(id: String, account: String, amount: Money, batch: String?)] = []
        var seen: Set<String> = []
        for payment in records.payments where payment.channel != ReportedPayment.cloudStore {
            if seen.insert(payment.paymentID).inserted {
                payments.append((payment.paymentID, payment.accountNumber, payment.amount, nil))
            }
        }
        for line in records.settledPayments where line.channel != ReportedPayment.cloudStore {
            if let index = payments.firstIndex(where: { $0.id == line.paymentID }) {
                payments[index].batch = payments[index].batch ?? line.batchID
            } else if seen.insert(line.paymentID).inserted {
                payments.append((line.paymentID, line.accountNumber, line.amount, line.batchID))
            }
        }
        var matched: [String] = []
        var findings: [ReconciliationFinding] = []
        for payment in payments {
            let found = posts[payment.id] ?? []
            func finding(_ kind: ReconciliationFinding.Kind, _ detail: String) {
                findings.append(.init(kind: kind, paymentID: payment.id, account: payment.account, detail: detail))
            }
            if found.isEmpty, let batch = payment.batch {
                finding(.settledNotPosted, "settled in batch \(batch) for \(payment.amount), never posted to IMT")
            } else if found.isEmpty {
                finding(.missing, "IC reports \(payment.amount), never posted to IMT")
            } else if found.count > 1 {
                finding(.duplicated, "posted to IMT \(found.count) times")
            } else if found[0].totalPaid != payment.amount {
                finding(.amountMismatch, "IC reports \(payment.amount), IMT holds total_paid \(found[0].totalPaid)")
            } else {
                matched.append(payment.id)
            }
        }
        for reject in records.achRejects where posts[reject.paymentID] != nil {
            findings.append(
                .init(
                    kind: .rejectedAfterPosting, paymentID: reject.paymentID, account: reject.accountNumber,
                    detail:
                        "ACH return \(([reject.returnCode, reject.returnReason].filter { !$0.isEmpty }).joined(separator: " ")) "
                        + "after the payment was posted; reverse it"))
        }
        self.matched = matched
        self.findings = findings
    }

    /// The IC payment id a post carries: its `transaction_id` after the last `&`.
    static func paymentID(of post: PaymentPost) -> String {
        post.transactionID.split(separator: "&", omittingEmptySubsequences: false).last.map(String.init) ?? ""
    }
}
