import Foundation
import Partners
import Support
import Transport
import Yams

/// A long-running program under test (`services:`): started once the mocks serve, before
/// the steps; ready when its port accepts connections or its URL answers; stopped after the
/// steps, with its whole process group.
///
/// ```yaml
/// services:
///   - name: poller
///     command: ./poller.py
///     ready: /health        # GET http://127.0.0.1:$BIFROST_SERVICE_PORT/health answers 2xx; default: the port accepts
///     ready_timeout: 5s
/// ```
///
/// Bifrost picks a free loopback port for each service and passes it as `BIFROST_SERVICE_PORT`;
/// steps reach it through `BIFROST_SERVICE_<NAME>_URL`.
public struct ServiceUnderTest: Sendable, Hashable {
    var name: String
    var program: ExternalProgram
    /// The path whose GET must answer 2xx, or nil to wait for the port only.
    var readyPath: String?
    var readyTimeout: Duration

    static let schema = MappingSchema(
        "A long-running program under test, started before the steps and stopped after them.",
        [.required("name", .text, "Its name: letters, digits and -, unique in the scenario.")] + ExternalProgram.members + [
            .optional(
                "ready", .text,
                "port (default): ready once $BIFROST_SERVICE_PORT accepts connections; a path such as /health: once GET on it answers 2xx."
            ),
            .optional(
                "ready_timeout", .formatted(.duration), "How long it may take to become ready, e.g. 500ms or 5s (default 10s)."),
        ])

    static func load(_ node: Node, _ reader: YAMLReader) throws(InputError) -> [ServiceUnderTest] {
        var services: [ServiceUnderTest] = []
        for element in try reader.sequence(node, what: "services") {
            let fields = try reader.mapping(element, what: "a service", schema: schema)
            let nameNode = try reader.required("name", in: fields, at: element)
            let name = try reader.nonEmptyText(nameNode, what: "name")
            guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
                throw reader.error("a service's name has letters, digits and - only", at: nameNode)
            }
            guard !services.contains(where: { $0.name == name }) else {
                throw reader.error("a second service named '\(name)'", at: nameNode)
            }
            var readyPath: String?
            if let ready = fields["ready"] {
                let text = try reader.nonEmptyText(ready, what: "ready")
                guard text == "port" || text.hasPrefix("/") else {
                    throw reader.error("ready is port, or a path starting with / such as /health", at: ready)
                }
                readyPath = text == "port" ? nil : text
            }
            services.append(
                ServiceUnderTest(
                    name: name,
                    program: try ExternalProgram.load(fields, at: element, reader, timeout: .zero),
                    readyPath: readyPath,
                    readyTimeout: try fields["ready_timeout"].map { node throws(InputError) in
                        try ScenarioLoader.duration(node, reader, what: "ready_timeout")
                    } ?? .seconds(10)))
        }
        return services
    }
}
