import Foundation
public import Wire

/// Removes secrets from outputs twice over: members named as secrets (`Redactor`) and
/// any string holding a secret value the scenario declared (passwords of settings and users).
///
/// Values shorter than four characters are not scrubbed by value: they would
/// blank out ordinary text, and no real password is that short.
public struct SecretScrubber: Sendable {
    let secrets: [String]

    public init(secrets: [String]) {
        self.secrets = Array(Set(secrets.filter { $0.count >= 4 })).sorted { $0.count > $1.count }
    }

    public func scrub(_ value: JSONValue) -> JSONValue {
        scrubValues(Redactor.redact(value))
    }

    /// `text` with every declared secret replaced by `<redacted>`.
    public func scrub(_ text: String) -> String {
        var result = text
        for secret in secrets { result = result.replacingBytes(of: secret, with: Redactor.mark) }
        return result
    }

    private func scrubValues(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text):
            return .string(scrub(text))
        case .array(let elements): return .array(elements.map(scrubValues))
        case .object(let members): return .object(members.map { .init($0.key, scrubValues($0.value)) })
        default: return value
        }
    }
}
