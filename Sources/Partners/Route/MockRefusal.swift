public import Wire

/// A refusal a mock can answer, as data: where it is written, what it answers, the rule it enforces and its sources.
///
/// Every 4xx answer and every `Sender` or `VersionMismatch` SOAP Fault of the mocks is one entry of
/// `MockRefusal.all`, found by the file it is written in and its status and code (a JSON:API error's
/// `code`, a REST error's `Code`, or a fault's reason with each interpolation written `…`). An entry
/// names the requirement whose quote states the rule, or the clause of a public specification.
/// A rule with no source is not a refusal: the mock accepts the request and journals a `warnings`
/// entry (`MockResponse.warned`), unless the state turns the refusal on (`refuse:` in `imt:`).
/// `CheckSourcesTests` finds every refusal written in the sources and fails on one without an entry,
/// and `bifrost requirements --sources` prints the list.
public struct MockRefusal: Sendable, Hashable {
    /// `imt` or `ic`.
    public var mock: String
    /// The file the refusal is written in: `IMTMock+Sessions.swift`.
    public var file: String
    /// The HTTP status; a SOAP Fault's is the one it is sent with.
    public var status: Int
    /// The JSON:API `code`, the REST `Code`, or `Client: ` and the fault's reason (`…` for each value).
    public var code: String
    /// How the code is written where it is not a literal (`problem.code`); nil for a literal.
    public var written: String?
    /// What the mock refuses, in one line.
    public var rule: String
    /// What makes the refusal binding; empty for a warning the mock journals while accepting the request.
    public var sources: [VerdictSource]
    /// For a rule without a source: the state's setting that turns the refusal on (off by default, the
    /// permissive reading), e.g. `imt.refuse: [duplicate-transaction]`.
    public var optIn: String?

    public init(
        _ mock: String, _ file: String, _ status: Int, _ code: String, written: String? = nil, rule: String,
        sources: [VerdictSource], optIn: String? = nil
    ) {
        self.mock = mock
        self.file = file
        self.status = status
        self.code = code
        self.written = written
        self.rule = rule
        self.sources = sources
        self.optIn = optIn
    }

    /// Whether the mock refuses: a refusal with a source. Without one the request is accepted with a warning.
    public var refuses: Bool { !sources.isEmpty }

    /// The key the source scan finds the refusal by: file, then status (a fault: `fault`), then code as written.
    public var key: String {
        let shownStatus = code.hasPrefix(Self.faultPrefix) || code.hasPrefix(Self.versionMismatchPrefix) ? "fault" : "\(status)"
        return "\(file) \(shownStatus) \(written ?? code)"
    }

    /// The code of a `Sender` fault starts so (SOAP 1.1 writes `Sender` as `Client`).
    public static let faultPrefix = "Client: "
    /// The code of a `VersionMismatch` fault starts so.
    public static let versionMismatchPrefix = "VersionMismatch: "

    /// Every refusal of both mocks, the mock IMT's first.
    public static var all: [MockRefusal] { IMTMock.refusals + ICMock.refusals }
}

extension VerdictSource {
    /// A 4xx status's meaning in RFC 9110, for a refusal whose only rule is the status's own.
    static func http(_ section: String, _ meaning: String) -> VerdictSource {
        .specification("RFC 9110 §\(section): \(meaning)")
    }
}
