import Testing
import Wire

/// The byte-for-byte replacement the secret scrubber and the origin placeholders use.
@Suite struct ReplacingBytesTests {
    @Test func `every occurrence is replaced, left to right, without overlaps`() {
        #expect("a-xx-b-xx".replacingBytes(of: "xx", with: "<redacted>") == "a-<redacted>-b-<redacted>")
        #expect("aaaa".replacingBytes(of: "aa", with: "b") == "bb")
        #expect("aaa".replacingBytes(of: "aa", with: "b") == "ba")
        #expect("http://127.0.0.1:4000/x".replacingBytes(of: "http://127.0.0.1:4000", with: "{imt.origin}") == "{imt.origin}/x")
    }

    @Test func `a text without the target, a longer target or an empty one come back as they are`() {
        #expect("secret-free".replacingBytes(of: "s3cr3t", with: "<redacted>") == "secret-free")
        #expect("ab".replacingBytes(of: "abc", with: "x") == "ab")
        #expect("abc".replacingBytes(of: "", with: "x") == "abc")
        #expect("".replacingBytes(of: "a", with: "x") == "")
    }

    @Test func `an empty replacement removes, and a match at either end is found`() {
        #expect("{imt.auth}/sessions/".replacingBytes(of: "{imt.auth}", with: "") == "/sessions/")
        #expect("pass-pass".replacingBytes(of: "pass", with: "") == "-")
        #expect("x".replacingBytes(of: "x", with: "yz") == "yz")
    }

    @Test func `non-ASCII text is matched byte for byte, never split inside a character`() {
        #expect("mot de passe: été€".replacingBytes(of: "été€", with: "<redacted>") == "mot de passe: <redacted>")
        #expect("€uro".replacingBytes(of: "uro", with: "UR") == "€UR")
        // A composed é is not its decomposed form: no normalization.
        #expect("caf\u{E9}".replacingBytes(of: "cafe\u{301}", with: "x") == "caf\u{E9}")
    }
}
