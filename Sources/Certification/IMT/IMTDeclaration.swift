public import Support
import Yams

/// A partner's declaration of what its IMT integration supports: which flows, whether IC updates
/// block flags from `payment_types` (setting 131), further environments (setting 81), and test
/// accounts per case. It selects the checks that apply; the others are SKIP with the reason.
///
/// ```yaml
/// partner: Example Mutual
/// profile: imt-mips-apps
/// flows: [rtdr, pdf-linking, payments, paperless, autopay]
/// blocked_flags: true
/// accounts: {rtdr: "20240903", unknown: "99999999", cc_blocked: "20240904"}
/// environments:
///   - {auth_url: "https://auth2.example/3402/api", api_url: "https://api2.example/3402/api", account: "30240903"}
/// ```
public struct IMTDeclaration: Sendable, Hashable {
    /// Another IMT instance IC reaches under setting 81 `MULTIENVIRONMENT`, with the same credentials.
    public struct Environment: Sendable, Hashable {
        public var authURL: String
        public var apiURL: String
        public var account: String
    }

    public var partner: String?
    public var profile: String?
    public var flows: Set<IMTCertifiedFlow>
    public var blockedFlags: Bool
    public var accounts: [IMTTestAccount: String]
    public var environments: [Environment]
    /// Where it was read from, for the report; nil for the default.
    public var file: String?

    /// What a run without `--declaration` assumes: every flow, no block flags, no case accounts, one environment.
    public static let everything = IMTDeclaration(
        partner: nil, profile: nil, flows: Set(IMTCertifiedFlow.allCases), blockedFlags: false, accounts: [:], environments: [],
        file: nil)

    public init(
        partner: String?, profile: String?, flows: Set<IMTCertifiedFlow>, blockedFlags: Bool, accounts: [IMTTestAccount: String],
        environments: [Environment], file: String?
    ) {
        self.partner = partner
        self.profile = profile
        self.flows = flows
        self.blockedFlags = blockedFlags
        self.accounts = accounts
        self.environments = environments
        self.file = file
    }

    static let keys = ["partner", "profile", "flows", "blocked_flags", "multi_environment", "accounts", "environments"]

    /// Reads a declaration; every problem is `file:line:column: message`.
    public static func load(file: String) throws(InputError) -> IMTDeclaration {
        try load(text: try InputError.text(ofFile: file), file: file)
    }

    public static func load(text: String, file: String) throws(InputError) -> IMTDeclaration {
        let reader = YAMLReader(file: file)
        let root = try reader.root(of: text)
        let fields = try reader.mapping(root, what: "a partner declaration", allowed: keys)
        var declaration = IMTDeclaration.everything
        declaration.file = file
        declaration.partner = try fields["partner"].map { node throws(InputError) in
            try reader.nonEmptyText(node, what: "partner")
        }
        declaration.profile = try fields["profile"].map { node throws(InputError) in
            try reader.nonEmptyText(node, what: "profile")
        }
        if let node = fields["flows"] {
            var flows: Set<IMTCertifiedFlow> = []
            for element in try reader.sequence(node, what: "flows") {
                flows.insert(try reader.choice(element, what: "flow", of: IMTCertifiedFlow.self))
            }
            declaration.flows = flows
        }
        if let node = fields["blocked_flags"] { declaration.blockedFlags = try reader.bool(node, what: "blocked_flags") }
        if let node = fields["accounts"] {
            for (key, value) in try reader.pairs(node, what: "accounts") {
                let account = try reader.choice(key, what: "account case", of: IMTTestAccount.self)
                declaration.accounts[account] = try reader.nonEmptyText(value, what: "accounts.\(account.rawValue)")
            }
        }
        let multiNode = fields["multi_environment"]
        let multi = try multiNode.map { node throws(InputError) in
            try reader.bool(node, what: "multi_environment")
        }
        if let node = fields["environments"] {
            for element in try reader.sequence(node, what: "environments") {
                let members = try reader.mapping(
                    element, what: "an environment", allowed: ["auth_url", "api_url", "account"],
                    required: ["auth_url", "api_url", "account"])
                let urls = try ["auth_url", "api_url"].map { key throws(InputError) in
                    let urlNode = try reader.required(key, in: members, at: element)
                    let url = try reader.nonEmptyText(urlNode, what: key)
                    guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                        throw reader.error("\(key) must be an http:// or https:// URL", at: urlNode)
                    }
                    return url
                }
                declaration.environments.append(
                    Environment(
                        authURL: urls[0], apiURL: urls[1],
                        account: try reader.nonEmptyText(reader.required("account", in: members, at: element), what: "account"))
                )
            }
        }
        if let multiNode, multi == true && declaration.environments.isEmpty {
            throw reader.error("multi_environment: true needs the further environments under environments:", at: multiNode)
        }
        if let multiNode, multi == false && !declaration.environments.isEmpty {
            throw reader.error("environments are listed but multi_environment is false", at: multiNode)
        }
        return declaration
    }
}
