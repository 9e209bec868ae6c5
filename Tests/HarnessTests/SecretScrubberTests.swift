import Support
import Testing
import Wire

/// A declared secret is scrubbed where it stands as a value or a token, not where its letters are a word of prose.
@Suite struct SecretScrubberTests {
    @Test func `a password that is a word is scrubbed as a value, in quotes, after = or :, not in a sentence`() {
        let scrubber = SecretScrubber(secrets: ["wrong"])
        #expect(scrubber.scrub("unknown username or wrong password") == "unknown username or wrong password")
        #expect(scrubber.scrub("wrong is not right") == "wrong is not right")
        #expect(scrubber.scrub("the password was wrong") == "the password was wrong")
        #expect(scrubber.scrub("wrong") == "<redacted>")
        #expect(scrubber.scrub(#"{"password":"wrong"}"#) == #"{"password":"<redacted>"}"#)
        #expect(scrubber.scrub("password=wrong&user=u") == "password=<redacted>&user=u")
        #expect(scrubber.scrub("https://u:wrong@host/") == "https://u:<redacted>@host/")
        #expect(scrubber.scrub("wrongful, wrong-headed, headstrong") == "wrongful, wrong-headed, headstrong")
        #expect(
            scrubber.scrub(.object(["detail": "unknown username or wrong password", "value": "wrong"]))
                == .object(["detail": "unknown username or wrong password", "value": "<redacted>"]))
    }

    @Test func `a password with digits or symbols is scrubbed wherever it stands as a token, prose included`() {
        let scrubber = SecretScrubber(secrets: ["s3cr3t-pass", "9f8e7d6c-5b4a"])
        #expect(scrubber.scrub("login with s3cr3t-pass failed") == "login with <redacted> failed")
        #expect(scrubber.scrub("password: s3cr3t-pass\n") == "password: <redacted>\n")
        #expect(scrubber.scrub("user%3As3cr3t-pass%40host") == "user%3A<redacted>%40host")
        #expect(scrubber.scrub("key=9f8e7d6c-5b4a;") == "key=<redacted>;")
        #expect(scrubber.scrub("xs3cr3t-pass s3cr3t-passy s3cr3t-pass2") == "xs3cr3t-pass s3cr3t-passy s3cr3t-pass2")
        #expect(SecretScrubber(secrets: ["pw"]).scrub("pw") == "pw", "too short to scrub by value")
    }

    @Test func `members named as secrets are redacted whole, whatever their value`() {
        let scrubber = SecretScrubber(secrets: [])
        #expect(scrubber.scrub(.object(["password": "a"])) == .object(["password": "<redacted>"]))
    }
}
