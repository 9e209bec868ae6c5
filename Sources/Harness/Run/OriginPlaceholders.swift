import Foundation
import Wire

/// Puts the run's own origins back as placeholders in the outputs (`http://127.0.0.1:PORT` of the
/// mock IC reads `{ic.origin}`, a step's postback listener `{postback.origin}`), so that URLs IC
/// answers with (a CloudPaymentURL, a PostBackURL) compare the same from run to run.
struct OriginPlaceholders {
    /// Origin and placeholder, longest origin first.
    let pairs: [(origin: String, placeholder: String)]

    init(_ context: ScenarioContext) {
        var pairs = context.servedOrigins.map { (origin: $0.key, placeholder: $0.value) }
        for (name, origin) in [("imt", context.imt?.origin), ("imt2", context.imt2?.origin), ("ic", context.ic?.origin)] {
            if let origin { pairs.append((origin, "{\(name).origin}")) }
        }
        for (name, endpoint) in [("imt", context.imt), ("imt2", context.imt2)] {
            if let endpoint { pairs.append((endpoint.authOrigin, "{\(name).auth-origin}")) }
        }
        self.pairs = pairs.sorted { $0.origin.count > $1.origin.count }
    }

    func apply(to text: String) -> String {
        var text = text
        for pair in pairs { text = text.replacingBytes(of: pair.origin, with: pair.placeholder) }
        return text
    }

    func apply(to output: OutputValue) -> OutputValue {
        switch output {
        case .json(let value): .json(apply(to: value))
        case .bif: output
        case .xml(let bytes): .xml(Array(apply(to: String(decoding: bytes, as: UTF8.self)).utf8))
        case .text(let bytes): .text(Array(apply(to: String(decoding: bytes, as: UTF8.self)).utf8))
        }
    }

    private func apply(to value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): .string(apply(to: text))
        case .array(let elements): .array(elements.map(apply))
        case .object(let members): .object(members.map { .init($0.key, apply(to: $0.value)) })
        default: value
        }
    }
}
