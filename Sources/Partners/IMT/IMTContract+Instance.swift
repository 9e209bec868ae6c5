import Wire

extension IMTContract {
    /// What the document says of one running mock: the keys of its state that its rules read (the
    /// policies a payment may name, the policies with settings and with a bill), examples built from
    /// them, and where its auth API is served when that is another origin than the document's.
    ///
    /// A fuzzer driven by the document then draws the policy numbers the mock knows, so a request the
    /// schema calls valid is one the mock accepts; a value outside them is one it refuses.
    public struct Instance: Sendable, Hashable {
        public var billerID: String
        /// The first username of the state, for the sessions example (its password is never shown).
        public var username: String?
        /// Policy numbers, distinct, in the state's order.
        public var policies: [String]
        /// Policies with settings (every policy has some), sorted.
        public var settings: [String]
        /// Policies with a bill, sorted.
        public var bills: [String]
        /// The auth API's origin (`http://127.0.0.1:8079`), when it is not the origin serving the document.
        public var authOrigin: String?

        public init(
            billerID: String = "3401", username: String? = nil, policies: [String] = [], settings: [String] = [],
            bills: [String] = [], authOrigin: String? = nil
        ) {
            self.billerID = billerID
            self.username = username
            self.policies = policies
            self.settings = settings
            self.bills = bills
            self.authOrigin = authOrigin
        }

        /// The most keys a schema lists as its `enum`; a larger state's keys are described, not listed.
        static let largestEnum = 1000

        /// The policy the examples use: the state's first, else the seed's.
        var examplePolicy: String { policies.first ?? "20240903" }

        /// The dynamic members of `components.schemas`: the keys the routes accept.
        var schemas: String {
            [
                (
                    "PolicyNumber", policies,
                    "A policy of the mock's state: payments/ answers 422 (unknown-policy) for another."
                ),
                ("SettingsAccount", settings, "A policy with settings in the mock's state: settings/ answers 404 for another."),
                ("BillPolicy", bills, "A policy with a bill in the mock's state: bills/ answers 404 for another."),
            ].map { name, keys, description in
                var members: [JSONValue.Member] = [
                    .init("type", .string("string")), .init("minLength", .number("1")),
                    .init("description", .string(description)),
                ]
                if !keys.isEmpty, keys.count <= Self.largestEnum {
                    members.append(.init("enum", .array(keys.map(JSONValue.string))))
                }
                return JSONValue.string(name).compactText + ": " + JSONValue.object(members).compactText
            }.joined(separator: ", ") + #", "FaultRoute": "# + Self.faultRoute
        }

        /// The routes a fault may name, relative to the API's base: a route of `IMTMock.routes`, a path
        /// parameter as any one segment, the trailing slash optional (as `IMTMock.knows(route:)` reads them).
        static var faultRoute: String {
            let alternatives = IMTMock.routes.routes.map { route in
                let segments = route.path.split(separator: "/").map { segment in
                    segment.hasPrefix("{") ? "[^/]+" : String(segment).replacingBytes(of: ".", with: "[.]")
                }
                return route.method + " /" + segments.joined(separator: "/") + "/?"
            }
            return JSONValue.object([
                .init("type", .string("string")), .init("pattern", .string("^(" + alternatives.joined(separator: "|") + ")$")),
                .init("description", .string("A method and a path of the mock IMT, relative to the API's base.")),
                .init("examples", .array([.string("POST /payments/"), .string("GET /bills/20240903/")])),
            ]).compactText
        }

        /// `components.examples`: one accepted request body per route that takes one (the sessions
        /// example names a user of the state, not its password).
        var examples: String {
            let payment = PaymentPost(
                account: examplePolicy, method: .creditCard, billAmountPaid: Money(parsing: "100.00") ?? .zero,
                totalPaid: Money(parsing: "102.95") ?? .zero, approvalCode: "APPROVED", transactionID: "\(billerID)&EXAMPLE-1",
                firstName: "JESSICA", lastName: "SMITH", address1: "1 MAIN ST", address2: "", city: "BOULDER", state: "CO",
                zipCode: "80301", phone: "3035550100", email: "jessica@example.com")
            let session = SessionRequest(username: username ?? "icuser", password: "<password>")
            let settingsAccount = settings.first ?? examplePolicy
            return JSONValue.object([
                .init(
                    "PolicyNumber",
                    .object([.init("summary", .string("The state's first policy.")), .init("value", .string(examplePolicy))])),
                .init(
                    "Session",
                    .object([
                        .init("summary", .string("A user of the state; the password is the state's (not shown here).")),
                        .init("value", session.document),
                    ])),
                .init(
                    "Payment",
                    .object([
                        .init("summary", .string("A card payment of the state's first policy; its transaction_id once.")),
                        .init("value", payment.document),
                    ])),
                .init(
                    "Paperless",
                    .object([
                        .init("summary", .string("Paperless enrollment, as IC sends it.")),
                        .init("value", PolicySettings.Change.paperless(true).document(account: settingsAccount)),
                    ])),
            ]).compactText
        }

        /// The links of `POST sessions/`'s 201: the session cookie (a regex extractor on `Set-Cookie`,
        /// as schemathesis reads them) to every data operation, with the state's keys for its parameters.
        var sessionLinks: String {
            let cookie = JSONValue.Member(
                "cookie.\(IMTMock.sessionCookie)",
                .string("$response.header.Set-Cookie#regex:\(IMTMock.sessionCookie)=([0-9a-f]+)"))
            func link(_ operation: String, _ description: String, _ parameters: [JSONValue.Member]) -> JSONValue.Member {
                .init(
                    operation,
                    .object([
                        .init("operationId", .string(operation)), .init("description", .string(description)),
                        .init("parameters", .object([cookie] + parameters)),
                    ]))
            }
            return JSONValue.object([
                link(
                    "paymentsDue", "The balance of a policy, in this session.",
                    [.init("query.filter[policy_number]", .string(examplePolicy))]),
                link("postPayment", "A payment, in this session.", []),
                link(
                    "patchSettings", "A change of a policy's settings, in this session.",
                    [.init("path.account", .string(settings.first ?? examplePolicy))]),
                link(
                    "bill", "A policy's bill, in this session.",
                    [.init("path.policy_number", .string(bills.first ?? examplePolicy))]),
                link(
                    "closeSession", "Closes this session.",
                    [.init("path.username", .string("$response.body#/data/attributes/username"))]),
            ]).compactText
        }
    }
}
