extension AdvancedSettings {
    /// Every broken rule, in id order; empty when the settings are consistent.
    ///
    /// - 131 must be the seed's JSON; when it turns `UpdateBlockedFlags` on, 32 must be `true`.
    /// - 32 is `true` or `false`; 105 is `0` or `1`; 81 is empty or `MULTIENVIRONMENT`.
    /// - Under `MULTIENVIRONMENT`, 8, 11 and 20 hold exactly two `|`-separated URLs, and 14, 17 and
    ///   88 one or two; otherwise no URL setting holds a `|`.
    /// - Every URL that is set is an absolute `http` or `https` URL.
    public func problems() -> [SettingsError] {
        var found: [SettingsError] = []
        do {
            if try updateBlockedFlags(), values[32]?.lowercased() != "true" {
                found.append(
                    SettingsError(id: 131, message: "turns UpdateBlockedFlags on, which needs advanced setting 32 set to true"))
            }
        } catch {
            found.append(error)
        }
        if let value = values[32], !["true", "false"].contains(value.lowercased()) {
            found.append(SettingsError(id: 32, message: "must be true or false, got \"\(value)\""))
        }
        if let value = values[81], !value.isEmpty, value != Self.multiEnvironment {
            found.append(SettingsError(id: 81, message: "must be empty or \(Self.multiEnvironment), got \"\(value)\""))
        }
        if let value = values[105], !["0", "1"].contains(value) {
            found.append(SettingsError(id: 105, message: "must be 0 or 1, got \"\(value)\""))
        }
        let urlIDs = IMTService.allCases.map { ($0.settingIDs.url, $0.isMultiEnvironment) } + [(88, false)]
        for (id, needsTwo) in urlIDs {
            guard let value = values[id], !value.isEmpty else { continue }
            let urls = value.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            if isMultiEnvironment && needsTwo && urls.count != 2 {
                found.append(
                    SettingsError(
                        id: id,
                        message: "must hold two URLs separated by '|' while 81 is \(Self.multiEnvironment), got \(urls.count)"))
            } else if urls.count > (isMultiEnvironment ? 2 : 1) {
                let why = isMultiEnvironment ? "a biller has two IMT environments" : "81 is not \(Self.multiEnvironment)"
                found.append(SettingsError(id: id, message: "holds \(urls.count) URLs separated by '|', but \(why)"))
            }
            for url in urls where !(url.hasPrefix("http://") || url.hasPrefix("https://")) || url.count < 9 {
                found.append(SettingsError(id: id, message: "\"\(url)\" is not an http or https URL"))
            }
        }
        return found.sorted { $0.id < $1.id }
    }

    /// The URL of setting `id` for an environment (0 or 1): the environment's part of a
    /// `|`-separated pair, or the single URL for both.
    func url(_ id: Int, environment: Int, _ meaning: String) throws(SettingsError) -> String {
        let urls = try required(id, meaning).split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        return urls.count == 1 ? urls[0] : urls[min(environment, urls.count - 1)]
    }
}
