import Testing
import Wire

/// `JSONValueEncoder`: results written as JSON in declaration order, never through floating point.
@Suite struct JSONValueEncoderTests {
    struct Result: Encodable {
        var step = "rtdr"
        var count = 3
        var balance = JSONValue.number("1675.00")
        var missing: String?
        var nested = [Inner(flag: true)]
    }

    struct Inner: Encodable {
        var flag: Bool
    }

    /// Writes `base`'s members, then its own into the same object.
    struct Flattened: Encodable {
        enum CodingKeys: String, CodingKey { case status }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("ok", forKey: .status)
            try JSONValue.object(["extra": .null]).encodeMembers(to: encoder)
        }
    }

    @Test func `members keep declaration order, integers are numbers, JSON values pass through, nil is left out`() throws {
        let json = try JSONValueEncoder.encode(Result())
        #expect(
            json
                == .object([
                    "step": "rtdr", "count": .number("3"), "balance": .number("1675.00"),
                    "nested": [.object(["flag": true])],
                ]))
    }

    @Test func `a type may flatten an object's members into its own, and encodeNil writes null`() throws {
        #expect(try JSONValueEncoder.encode(Flattened()) == .object(["status": "ok", "extra": .null]))
    }

    @Test func `a floating-point value is refused: money is decimal`() {
        struct Bad: Encodable { var amount = 12.5 }
        #expect(throws: EncodingError.self) { try JSONValueEncoder.encode(Bad()) }
    }
}
