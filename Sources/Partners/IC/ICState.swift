public import Wire

/// What the mock IC knows: the billers allowed to call it, with their keys and BIF rules.
public struct ICState: Sendable {
    /// A biller as IC's web services authenticate it.
    public struct Biller: Sendable, Hashable {
        public var guid: String
        public var webServiceKey: String
        /// The rules its uploads are validated with.
        public var profile: BIFProfile

        public init(guid: String, webServiceKey: String, profile: BIFProfile) {
            self.guid = guid
            self.webServiceKey = webServiceKey
            self.profile = profile
        }
    }

    public var billers: [Biller]

    public init(billers: [Biller] = []) { self.billers = billers }
}
