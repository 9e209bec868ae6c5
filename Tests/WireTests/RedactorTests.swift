import Testing
import Wire

/// Which member and header names hold secrets, as the journal, reports and golden files redact them.
@Suite struct RedactorTests {
    @Test(arguments: [
        "password", "Password", "Set-Cookie", "WebServiceKey", "remote_authentication_token", "SESSION-ID", "api_key",
    ])
    func `a secret's name is found whatever its case, underscores and hyphens`(name: String) {
        #expect(Redactor.isSecret(name: name))
    }

    @Test(arguments: ["username", "passwords", "cookie_jar", "tokenizer", "", "Pässword"])
    func `other names are not secrets`(name: String) {
        #expect(!Redactor.isSecret(name: name))
    }

    @Test func `a name beyond ASCII folds by Unicode's rules: the Kelvin sign lowercases to k`() {
        #expect(Redactor.isSecret(name: "Coo\u{212A}ie"))
    }
}
