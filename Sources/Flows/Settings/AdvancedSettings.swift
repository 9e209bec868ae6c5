public import Wire

/// A biller's IC advanced settings, by id, as IC stores them: text values.
///
/// Seed 000, "Advanced Settings": 8 is the RTDR (data) API URL, 9 and 10 the
/// RTDR username and password, 88 the URL that authenticates (the `sessions/`
/// endpoint), 131 the RTDR JSON config, 32 makes the block flags read-only.
public struct AdvancedSettings: Sendable, Hashable {
    public var values: [Int: String]

    public init(_ values: [Int: String] = [:]) { self.values = values }

    public subscript(id: Int) -> String? { values[id] }

    /// The ids whose values are secrets (passwords), never to be shown.
    public static let secretIDs: Set<Int> = [10, 13, 16, 19, 22]

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
