/// Reads the members of one JSON object by name, reporting each wrong one with its path.
struct MemberReader {
    let members: [JSONValue.Member]
    /// The object's path with a trailing dot, or empty at the top.
    let path: String
    let sink: ProblemSink

    func problem(_ field: String, _ message: String) { sink.add(field, message) }

    func value(_ name: String, required: Bool) -> JSONValue? {
        let value = members.first { $0.key == name }?.value
        if value == nil || value == .null {
            if required { problem(path + name, "is required") }
            return nil
        }
        return value
    }

    /// Reports every member whose name is not in `known`.
    func refuseUnknown(_ known: [String]) {
        for member in members where !known.contains(member.key) {
            problem(path + member.key, "is not a parameter of Cloud Payments V2")
        }
    }

    func text(_ name: String, required: Bool = false) -> String? {
        guard let value = value(name, required: required) else { return nil }
        guard case .string(let text) = value else {
            problem(path + name, "must be text, not \(value.typeName)")
            return nil
        }
        if text.isEmpty, required { problem(path + name, "is required and must not be empty") }
        return required && text.isEmpty ? nil : text
    }

    /// A whole number, as a JSON number or (unless `numberOnly`) as text: the seed's sample sends `"ViewMode": "1"`.
    func integer(_ name: String, required: Bool = false, numberOnly: Bool = false) -> Int? {
        guard let value = value(name, required: required) else { return nil }
        switch value {
        case .number(let text) where Int(text) != nil: return Int(text)
        case .string(let text) where !numberOnly && Int(text) != nil: return Int(text)
        default:
            problem(path + name, numberOnly ? "must be a whole number" : "must be a whole number or its text")
            return nil
        }
    }

    func bool(_ name: String) -> Bool? {
        guard let value = value(name, required: false) else { return nil }
        guard case .bool(let flag) = value else {
            problem(path + name, "must be true or false, not \(value.typeName)")
            return nil
        }
        return flag
    }

    func array(_ name: String, required: Bool = false) -> [JSONValue]? {
        guard let value = value(name, required: required) else { return nil }
        guard case .array(let elements) = value else {
            problem(path + name, "must be a list, not \(value.typeName)")
            return nil
        }
        return elements
    }

    /// An amount as a JSON number, read as a decimal (never floating point).
    func money(_ name: String) -> Money? {
        guard let value = value(name, required: false) else { return nil }
        guard case .number(let text) = value, let money = Money(parsing: text) else {
            problem(path + name, "must be an amount as a JSON number, e.g. 41.25")
            return nil
        }
        return money
    }

    /// A date as `MM/dd/yyyy`.
    func date(_ name: String) -> String? {
        guard let text = text(name) else { return nil }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
            let month = Int(parts[0]), let day = Int(parts[1]), Int(parts[2]) != nil, (1...12).contains(month),
            (1...31).contains(day)
        else {
            problem(path + name, "must be a date as MM/dd/yyyy, e.g. 09/30/2024")
            return nil
        }
        return text
    }

    /// An absolute http or https URL.
    func url(_ name: String) -> String? {
        guard let text = text(name) else { return nil }
        guard SSOURL.isWebURL(text) else {
            problem(path + name, "must be an absolute http or https URL")
            return nil
        }
        return text
    }
}

/// Collects the problems of one request while it is read.
final class ProblemSink {
    private(set) var list: [CloudPaymentsRequest.Problem] = []

    func add(_ field: String, _ message: String) {
        list.append(CloudPaymentsRequest.Problem(field: field, message: message))
    }
}
