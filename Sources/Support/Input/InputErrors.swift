/// Several input errors, reported together, at most ``limit`` of them.
public struct InputErrors: Error, Sendable, CustomStringConvertible {
    /// The most errors kept: past it, the rest of a broken file adds nothing a reader needs.
    public static let limit = 20

    public private(set) var errors: [InputError] = []
    /// How many errors were left out past the limit.
    public private(set) var omitted = 0

    public init(errors: [InputError] = []) {
        for error in errors { append(error) }
    }

    public var isEmpty: Bool { errors.isEmpty }

    public var description: String {
        (errors.map(\.description) + (omitted > 0 ? ["… and \(omitted) more"] : [])).joined(separator: "\n")
    }

    public mutating func append(_ error: InputError) {
        if errors.count < Self.limit { errors.append(error) } else { omitted += 1 }
    }

    public mutating func append(contentsOf other: InputErrors) {
        for error in other.errors { append(error) }
        omitted += other.omitted
    }

    /// The value `body` returns, or nil with its error recorded.
    public mutating func attempt<T>(_ body: () throws(InputError) -> T) -> T? {
        do {
            return try body()
        } catch {
            append(error)
            return nil
        }
    }
}
