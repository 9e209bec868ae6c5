import Testing
import Wire

@Suite struct JSONParserTests {
    @Test func `numbers keep their literal text, so money never passes through floating point`() throws {
        let value = try JSONParser.parse(#"{"a": 1675.10, "b": -0.5e3}"#)
        #expect(value["a"] == .number("1675.10"))
        #expect(value["b"] == .number("-0.5e3"))
    }

    @Test func `object members keep document order when written`() throws {
        let text = #"{"z":1,"a":[true,null,"x\n"],"m":{}}"#
        #expect(try JSONParser.parse(text).compactText == text)
    }

    @Test func `a syntax error names its line and column`() {
        #expect(throws: JSONParser.SyntaxError(line: 3, column: 10, message: "expected ',' or '}' in an object")) {
            try JSONParser.parse("{\n  \"a\": 1,\n  \"b\": 2 \"c\": 3}")
        }
    }

    @Test(arguments: ["", "{", "[1,]", "01", "1.", "\"\\x\"", "tru", "{\"a\":1} x", "\"\u{01}\""])
    func `malformed text is rejected`(text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(text) }
    }

    @Test func `a duplicate key is an error at that key`() {
        #expect(throws: JSONParser.SyntaxError(line: 1, column: 10, message: "duplicate key \"a\"")) {
            try JSONParser.parse(#"{"a": 1, "a": 2}"#)
        }
    }

    @Test func `escapes and surrogate pairs decode, and write back escaped`() throws {
        let value = try JSONParser.parse(#""tab\t quote\" \u00e9 \ud83d\ude00""#)
        #expect(value == .string("tab\t quote\" é 😀"))
        #expect(value.compactText == #""tab\t quote\" é 😀""#)
    }

    @Test func `nesting beyond the limit is refused instead of exhausting the stack`() {
        let deep = String(repeating: "[", count: JSONParser.maximumDepth + 1)
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(deep) }
    }
}
