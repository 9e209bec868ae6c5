import Transport
import Wire

/// The session checks: opening with the right and a wrong password, closing, and the cookie after it.
extension IMTCheck {
    static let sessionOpens = IMTCheck(
        CheckDefinition(
            id: "IMT-SESS-001", title: "POST sessions/ with IC's credentials answers 2xx and sets a session cookie",
            severity: .required, source: .requirement("IMT-SESS-001"))
    ) { probes in
        guard let login = probes.login else { return .skipped("the session was not opened") }
        let evidence = probes.evidence(login)
        guard let response = login.response else { return .violated(login.summary, evidence) }
        // The seed names no status: IC searches the answer's cookies (IMT-SESS-003), so any 2xx with one serves.
        guard (200..<300).contains(response.status) else {
            return .violated("\(login.summary), not 2xx", evidence)
        }
        let names = response.headers.all(named: "Set-Cookie").compactMap { $0.split(separator: "=").first.map(String.init) }
        guard !names.isEmpty else { return .violated("\(login.summary) but set no cookie (no Set-Cookie header)", evidence) }
        return .met("\(login.summary) and set the cookie \(names.joined(separator: ", "))", evidence)
    }

    static let badCredentialsRefused = IMTCheck(
        CheckDefinition(
            id: "IMT-SESS-006", title: "POST sessions/ with a wrong password answers 401 with a JSON:API error document",
            severity: .recommended, source: nil)
    ) { probes in
        guard let login = probes.badLogin else { return .skipped("the wrong password was not sent") }
        let evidence = probes.evidence(login, probes.badLoginClose)
        guard let status = login.status else { return .violated(login.summary, evidence) }
        if (200..<300).contains(status) { return .violated("\(login.summary): a wrong password was accepted", evidence) }
        let errors: Bool
        if case .success(let document) = login.json, let list = document["errors"]?.arrayValue, !list.isEmpty {
            errors = (try? JSONAPIDocument.checkTopLevel(document)) != nil
        } else {
            errors = false
        }
        switch (status, errors) {
        case (401, true): return .met("\(login.summary) with an error document", evidence)
        case (401, false): return .violated("\(login.summary) without a JSON:API error document (errors)", evidence)
        case (403, true): return .doubtful("\(login.summary): refused, but 401 is the status for wrong credentials", evidence)
        default: return .violated("\(login.summary), not 401", evidence)
        }
    }

    static let sessionCloses = IMTCheck(
        CheckDefinition(
            id: "IMT-SESS-004", title: "DELETE sessions/{username} with the session cookie answers 2xx", severity: .required,
            source: .requirement("IMT-SESS-004"))
    ) { probes in
        guard let close = probes.close else { return probes.noSession }
        let evidence = probes.evidence(close)
        guard let status = close.status, (200..<300).contains(status) else { return .violated(close.summary, evidence) }
        return .met(close.summary, evidence)
    }

    static let cookieEndsWithSession = IMTCheck(
        CheckDefinition(
            id: "IMT-SESS-007", title: "After the session is closed, its cookie no longer works (401 or 403 preferred)",
            severity: .required, source: .requirement("IMT-SESS-007"))
    ) { probes in
        guard let after = probes.afterClose else {
            return probes.close == nil ? probes.noSession : .skipped("the session did not close (IMT-SESS-004)")
        }
        let evidence = probes.evidence(probes.close, after)
        guard let status = after.status else { return .violated(after.summary, evidence) }
        if status == 401 || status == 403 { return .met("\(after.summary): the closed session's cookie is refused", evidence) }
        if (200..<300).contains(status) {
            return .violated("\(after.summary): the closed session's cookie still works", evidence)
        }
        // Refused otherwise: the session is closed, as the seed asks; 401 or 403 is only what HTTP prefers.
        return .doubtful("\(after.summary): refused, where 401 or 403 is expected", evidence)
    }
}

extension IMTProbes {
    /// The skip of a check whose request needs the session that did not open.
    var noSession: CheckOutcome {
        login == nil ? .skipped("no session was opened") : .skipped("no session to send it in: the login failed (IMT-SESS-001)")
    }
}
