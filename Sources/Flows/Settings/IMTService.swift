/// An IMT endpoint IC calls, with the advanced settings that configure it (seed 000, "Advanced Settings").
public enum IMTService: String, Sendable, CaseIterable {
    case rtdr
    case payments
    case paperless
    case autopay
    case pdf

    /// The settings holding the URL, the username and the password.
    public var settingIDs: (url: Int, username: Int, password: Int) {
        switch self {
        case .rtdr: (8, 9, 10)
        case .payments: (11, 12, 13)
        case .paperless: (14, 15, 16)
        case .autopay: (17, 18, 19)
        case .pdf: (20, 21, 22)
        }
    }

    /// Whether the URL setting must hold two `|`-separated URLs under setting 81 `MULTIENVIRONMENT`:
    /// the seed says so of 8, 11 and 20 only.
    public var isMultiEnvironment: Bool { [.rtdr, .payments, .pdf].contains(self) }

    /// The service's name in messages.
    public var title: String {
        switch self {
        case .rtdr: "RTDR"
        case .payments: "DataPump Payments"
        case .paperless: "DataPump Paperless"
        case .autopay: "DataPump AutoPay"
        case .pdf: "Remote PDF"
        }
    }
}
