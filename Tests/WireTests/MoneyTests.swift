import Testing
import Wire

@Suite struct MoneyTests {
    @Test(arguments: [("1675.00", "1675.00"), ("686.7", "686.70"), ("0", "0.00"), ("-12.345", "-12.345"), ("0.10", "0.10")])
    func `amounts print with at least two fraction digits and are never rounded`(input: String, printed: String) throws {
        let money = try #require(Money(parsing: input))
        #expect(money.description == printed)
    }

    @Test(arguments: ["", "-", "1.", ".5", "1,000.00", " 1", "1e3", "NaN", "12abc", "+1"])
    func `anything but plain decimal text is refused`(input: String) {
        #expect(Money(parsing: input) == nil)
    }

    @Test func `arithmetic is exact in decimal`() throws {
        let a = try #require(Money(parsing: "0.10"))
        let b = try #require(Money(parsing: "0.20"))
        #expect((a + b).description == "0.30")
        #expect((a - b).description == "-0.10")
    }
}
