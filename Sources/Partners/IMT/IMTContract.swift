import Wire

/// The mock IMT's contract as an OpenAPI 3.1 document: the JSON:API routes IC calls and the admin API.
///
/// `GET /__admin/openapi.json` serves it. Its paths and methods are those of the route tables
/// (`IMTMock.routes`, `AdminAPI.routes`), each method's operation the one its row's contract entry
/// names in `operations`, written by hand next to the code it describes, so a change of a route, a
/// status or an attribute changes this document in the same commit. What the
/// seeds leave open (the cookie name, 422 for an invalid attribute, the admin API) reads here as the
/// mock implements it. Every JSON:API answer, errors included, is `application/vnd.api+json`.
public enum IMTContract {
    /// The document for a mock whose auth and data APIs live under `authPath` and `apiPath`.
    ///
    /// ```swift
    /// let json = IMTContract.openAPI(authPath: mock.authPath, apiPath: mock.apiPath, instance: mock.contractInstance())
    /// ```
    /// - Parameters:
    ///   - authPath: the auth API's path without a trailing slash, e.g. `/auth/3401/api`.
    ///   - apiPath: the data API's path without a trailing slash, e.g. `/webpayments/3401/api`.
    ///   - instance: the state's keys the rules read, and the auth API's origin when it has its own.
    public static func openAPI(authPath: String, apiPath: String, instance: Instance = Instance()) -> String {
        #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Bifrost mock IMT", "version": "1.0.0",
            "description": "The IMT JSON:API routes IC calls (seed 000), as the Bifrost mock serves them, and its admin API."
          },
          "tags": [
            {"name": "auth", "description": "The auth API (IC advanced setting 88)."},
            {"name": "data", "description": "The data API (IC advanced setting 8)."},
            {"name": "admin", "description": "The mock's own control API; no authentication."}
          ],
          "security": [
            {"sessionCookie": []}
          ],
          "paths": {\#(paths(authPath: authPath, apiPath: apiPath, instance: instance))},
          "components": \#(components(instance))
        }
        """#
    }

    /// The members of `paths`: one per path of the route tables in table order, its methods in table order.
    static func paths(authPath: String, apiPath: String, instance: Instance) -> String {
        let bases = ["auth": authPath, "data": apiPath]
        var order: [String] = []
        var entries: [String: (servers: [String], parameters: [String], methods: [String])] = [:]
        func add(path: String, servers: [String], parameters: [String], method: String, entry: ContractEntry) {
            if entries[path] == nil {
                order.append(path)
                entries[path] = (servers, parameters, [])
            }
            entries[path]?.methods.append("\"\(method.lowercased())\": \(operation(entry, instance))")
        }
        let parameterTexts = pathParameters(instance)
        for route in IMTMock.routes.routes {
            let captures = route.pattern.indices.compactMap { route.captures[$0] }
            let parameters = captures.map { parameterTexts[$0] ?? Self.pathParameter($0) } + signingParameters
            // The auth API on an origin of its own: its paths say where (OpenAPI 3.1, path item servers).
            let servers = route.base == "auth" ? instance.authOrigin.map { [JSONValue.string($0).compactText] } ?? [] : []
            add(
                path: (bases[route.base] ?? "") + "/" + route.path, servers: servers, parameters: parameters,
                method: route.method, entry: route.contract)
        }
        for route in AdminAPI.routes(contract: ("openapi.json", .openAPI(operationID: "openAPI"))).routes {
            add(
                path: AdminAPI.prefix + "/" + route.path, servers: [], parameters: [], method: route.method,
                entry: route.contract)
        }
        return order.map { path in
            let entry = entries[path] ?? ([], [], [])
            let servers =
                entry.servers.isEmpty
                ? [] : [#""servers": [\#(entry.servers.map { #"{"url": \#($0)}"# }.joined(separator: ", "))]"#]
            let parameters = entry.parameters.isEmpty ? [] : [#""parameters": [\#(entry.parameters.joined(separator: ", "))]"#]
            return "\"\(path)\": {" + (servers + parameters + entry.methods).joined(separator: ", ") + "}"
        }.joined(separator: ", ")
    }

    /// The operation object a contract entry names; one without a written operation only points at the
    /// error response. `POST sessions/` gets the instance's links to the data operations.
    static func operation(_ entry: ContractEntry, _ instance: Instance) -> String {
        guard case .openAPI(let id) = entry, let text = operations[id] else {
            return ##"{"responses": {"default": {"$ref": "#/components/responses/Error"}}}"##
        }
        return id == "openSession" ? text.replacingBytes(of: #""links": {}"#, with: #""links": "# + instance.sessionLinks) : text
    }

    /// IMT's request-signing parameters, on every partner path.
    static let signingParameters = [
        ##"{"$ref": "#/components/parameters/ClientID"}"##, ##"{"$ref": "#/components/parameters/Signature"}"##,
    ]

    /// The path parameters the routes capture, by name: the policy ones are keys of the state.
    static func pathParameters(_ instance: Instance) -> [String: String] {
        [
            "username": pathParameter("username"),
            "account": pathParameter(
                "account", schema: "SettingsAccount", example: instance.settings.first ?? instance.examplePolicy),
            "policy_number": pathParameter(
                "policy_number", schema: "BillPolicy", example: instance.bills.first ?? instance.examplePolicy),
        ]
    }

    static func pathParameter(_ name: String, schema: String? = nil, example: String? = nil) -> String {
        let schemaText = schema.map { ##"{"$ref": "#/components/schemas/\##($0)"}"## } ?? #"{"type": "string", "minLength": 1}"#
        return #"{"name": "\#(name)", "in": "path", "required": true, "schema": \#(schemaText)"#
            + (example.map { #", "example": \#(JSONValue.string($0).compactText)"# } ?? "") + "}"
    }
}
