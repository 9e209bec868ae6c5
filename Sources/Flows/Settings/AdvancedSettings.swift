import Wire

/// A biller's IC advanced settings, by id, as IC stores them: text values.
///
/// `AdvancedSettingDefinition.all` says what each id means. `problems()` checks the
/// rules between them; the flows refuse to call IMT while there is one.
public struct AdvancedSettings: Sendable, Hashable {
    public var values: [Int: String]

    public init(_ values: [Int: String] = [:]) { self.values = values }

    public subscript(id: Int) -> String? { values[id] }

    /// The ids whose values are secrets (passwords), never to be shown.
    public static let secretIDs = Set(AdvancedSettingDefinition.all.filter(\.isSecret).map(\.id))

    /// Setting 81's value that splits RTDR, payments and PDFs over two IMT instances (INT-3593).
    public static let multiEnvironment = "MULTIENVIRONMENT"

    /// Whether setting 81 is `MULTIENVIRONMENT`.
    public var isMultiEnvironment: Bool { values[81] == Self.multiEnvironment }

    /// Setting 131's `RTDRConfig.UpdateBlockedFlags`: false when 131 is absent.
    /// - Throws: `SettingsError` when 131 is not the seed's JSON shape.
    public func updateBlockedFlags() throws(SettingsError) -> Bool {
        guard let text = values[131] else { return false }
        let json: JSONValue
        do {
            json = try JSONParser.parse(text)
        } catch {
            throw SettingsError(
                id: 131, message: "is not JSON (\(error)); expected {\"RTDRConfig\": {\"UpdateBlockedFlags\": true|false}}")
        }
        guard let config = json["RTDRConfig"] else {
            throw SettingsError(id: 131, message: "has no RTDRConfig object")
        }
        guard let flag = config["UpdateBlockedFlags"] else { return false }
        guard let value = flag.boolValue else {
            throw SettingsError(id: 131, message: "RTDRConfig.UpdateBlockedFlags must be true or false, got \(flag.compactText)")
        }
        return value
    }

    /// The value of a setting that must be present and non-empty.
    public func required(_ id: Int, _ meaning: String) throws(SettingsError) -> String {
        guard let value = values[id], !value.isEmpty else {
            throw SettingsError(id: id, message: "(\(meaning)) is not set")
        }
        return value
    }
}

/// An advanced setting missing or malformed.
public struct SettingsError: Error, Sendable, Hashable, CustomStringConvertible {
    public var id: Int
    public var message: String
    public var description: String { "advanced setting \(id) \(message)" }
}
