import Foundation
import Synchronization

/// The cookies of one IMT session.
///
/// IC keeps the cookies IMT set when the session opened and sends them with
/// every later request of that session, whatever the host (seed 000,
/// "sessions": "we search the cookies returned for the authorization, which is
/// used on all other requests"). So the jar is scoped to a session, not a domain.
public final class CookieJar: Sendable {
    private let cookies = Mutex<[(name: String, value: String)]>([])

    public init() {}

    /// Takes the cookies of every `Set-Cookie` header; a cookie set again replaces the old value,
    /// one set with `Max-Age=0` is removed.
    public func store(from headers: [HTTPHeader]) {
        for header in headers.all(named: "Set-Cookie") {
            let parts = header.split(separator: ";")
            guard let pair = parts.first, let eq = pair.firstIndex(of: "=") else { continue }
            let name = pair[..<eq].trimmingCharacters(in: .whitespaces)
            let value = pair[pair.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            let expired = parts.dropFirst().contains {
                $0.trimmingCharacters(in: .whitespaces).lowercased() == "max-age=0"
            }
            cookies.withLock { list in
                list.removeAll { $0.name == name }
                if !expired && !name.isEmpty { list.append((name, value)) }
            }
        }
    }

    /// Whether the jar holds a cookie.
    public var isEmpty: Bool { cookies.withLock { $0.isEmpty } }

    /// The `Cookie` header to send, or nil when the jar is empty.
    public var header: HTTPHeader? {
        let pairs = cookies.withLock { $0.map { "\($0.name)=\($0.value)" } }
        return pairs.isEmpty ? nil : HTTPHeader("Cookie", pairs.joined(separator: "; "))
    }
}
