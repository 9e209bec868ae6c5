import Foundation
import Transport

/// Remote PDF linking: IC fetches a bill's PDF from IMT (seed 000, "Data: Remote PDF Linking").
///
/// `GET bills/{policy_number}/` on the Remote PDF URL (settings 20-22), in a session
/// opened and closed as for every IMT call. The answer must be 200, `application/pdf`,
/// and start with `%PDF-`; anything else is a failure, never a bill shown broken.
public struct PDFLinking: Sendable {
    public var caller: IMTCaller

    public init(_ caller: IMTCaller) { self.caller = caller }

    /// The bill IMT returned.
    public struct Bill: Sendable, Hashable {
        public var bytes: [UInt8]
        /// The header line, e.g. `%PDF-1.4`.
        public var version: String
    }

    public func fetch(account: String, invoiceTypeID: String? = nil) async -> IMTCallResult<Bill> {
        await caller.call(.pdf, account: account, invoiceTypeID: invoiceTypeID) { session in
            switch await session.send(.bill, method: "GET", path: "bills/\(IMTSession.pathSegment(account))/") {
            case .failure(let failure):
                return .failure(failure)
            case .success(let response):
                return Self.check(response)
            }
        }
    }

    static func check(_ response: ClientResponse) -> Result<Bill, IMTFailure> {
        func invalid(_ message: String) -> Result<Bill, IMTFailure> {
            .failure(.init(stage: .bill, kind: .invalidResponse, status: response.status, message: message))
        }
        let type = response.headers.first(named: "Content-Type") ?? "none"
        guard type.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() == "application/pdf" else {
            return invalid("Content-Type is \(type), not application/pdf")
        }
        guard response.body.starts(with: Array("%PDF-".utf8)) else {
            return invalid("the body does not start with %PDF- (\(response.body.count) bytes)")
        }
        let header = response.body.prefix { $0 != 0x0A && $0 != 0x0D }.prefix(16)
        return .success(Bill(bytes: response.body, version: String(decoding: header, as: UTF8.self)))
    }
}
