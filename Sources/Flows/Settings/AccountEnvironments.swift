import Synchronization

/// The IMT environment each account was last answered from, under setting 81 `MULTIENVIRONMENT`.
///
/// A call that names its InvoiceTypeID is routed by it; when IMT answers it, the account's
/// environment is remembered here, so that a later call knowing only the account (paperless
/// and autopay enrollment carry no invoice) goes to the same IMT instance.
public final class AccountEnvironments: Sendable {
    private let seen = Mutex<[String: Int]>([:])

    public init() {}

    /// The environment `account` was last answered from, if any.
    public func environment(of account: String) -> Int? { seen.withLock { $0[account] } }

    /// Remembers that IMT answered a call for `account` from `environment`.
    public func record(_ account: String, environment: Int) { seen.withLock { $0[account] = environment } }
}
