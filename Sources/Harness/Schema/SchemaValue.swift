/// What a YAML value may be: the kinds of value the scenario loader reads.
public indirect enum SchemaValue: Sendable {
    /// Any scalar, read as written: `1675.00` and `"1675.00"` are the same text.
    case text
    /// Text of a shape the loader checks: a clock, a duration, an amount, a BIF date.
    case formatted(TextFormat)
    /// A whole number, written without quotes.
    case integer
    /// A whole number from `minimum` up to `maximum` (no upper bound when nil), as the loader checks it.
    case boundedInteger(minimum: Int, maximum: Int? = nil)
    /// `true` or `false`, written without quotes.
    case boolean
    /// One of these names; a name YAML reads as a number or boolean (`1.2`) may go without quotes.
    case choice([String])
    /// A list, every element of this kind.
    case list(SchemaValue)
    /// A mapping whose keys the scenario chooses, every value of this kind.
    case dictionary(SchemaValue)
    /// A mapping of known members.
    case mapping(MappingSchema)
    /// Exactly one of these kinds.
    case oneOf([SchemaValue])
    /// Any YAML value (a row of `examples:`).
    case any

    /// One of the names of `T`'s cases.
    public static func choice<T: RawRepresentable & CaseIterable>(of type: T.Type) -> SchemaValue where T.RawValue == String {
        .choice(T.allCases.map(\.rawValue))
    }
}
