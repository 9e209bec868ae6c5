internal import CCurl
import Foundation
import Synchronization

/// One libcurl easy handle, owned for one transfer.
///
/// Its `perform()` blocks: callers run it on the blocking pool (`BlockingPool`), never on a
/// dispatch queue or Swift concurrency's cooperative threads.
///
/// A handle that carried an HTTP transfer goes back to a small pool when the transfer ends, and the
/// next transfer takes it reset (`curl_easy_reset`): libcurl then keeps its internal multi handle
/// and caches instead of building them again (docs/performance.md has the figure). Nothing carries
/// over that changes a transfer: every option is set again, connections are closed after each
/// transfer and never reused (`CURLOPT_FORBID_REUSE`, `CURLOPT_FRESH_CONNECT`, as with a new handle),
/// TLS sessions are not cached, and the cookie engine is never on. SFTP handles are freed.
final class CurlEasy {
    let handle: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let sink = ResponseSink()
    /// Whether the handle may go back to the pool: set by `prepare` for HTTP.
    private var reusable = false

    /// libcurl needs `curl_global_init` once before any handle; a static let runs it once.
    private static let globalInit: CURLcode = bifrost_curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    /// Opens libcurl and runs its global init (a few milliseconds), blocking the calling thread;
    /// later calls return at once, and a transfer meanwhile waits for the one init.
    static func load() { _ = globalInit }

    /// A libcurl handle between two transfers.
    private struct IdleHandle: @unchecked Sendable {
        let pointer: UnsafeMutableRawPointer
    }

    /// Handles between transfers; at most `poolSize` are kept.
    private static let pool = Mutex<[IdleHandle]>([])
    private static let poolSize = 16

    init() throws(TransportError) {
        if let idle = Self.pool.withLock({ $0.popLast() }) {
            bifrost_curl_easy_reset(idle.pointer)
            handle = idle.pointer
            return
        }
        guard Self.globalInit == CURLE_OK, let handle = bifrost_curl_easy_init() else {
            let message = bifrost_curl_load_error().map { "libcurl could not be loaded: \(String(cString: $0))" }
            throw TransportError(code: .other, message: message ?? "libcurl could not be initialised", curlCode: -1)
        }
        self.handle = handle
    }

    deinit {
        bifrost_curl_slist_free_all(headerList)
        let idle = IdleHandle(pointer: handle)
        let kept =
            reusable
            && Self.pool.withLock { pool in
                guard pool.count < Self.poolSize else { return false }
                pool.append(idle)
                return true
            }
        if !kept { bifrost_curl_easy_cleanup(handle) }
    }

    /// Sets up the transfer of `request` under `configuration`.
    func prepare(_ request: ClientRequest, configuration: HTTPClient.Configuration) throws(TransportError) {
        try set(CURLOPT_URL, request.url)
        try set(CURLOPT_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_FORBID_REUSE, 1)
        try set(CURLOPT_FRESH_CONNECT, 1)
        try set(CURLOPT_SSL_SESSIONID_CACHE, 0)
        reusable = true
        try set(CURLOPT_FOLLOWLOCATION, 0)
        try set(CURLOPT_CONNECTTIMEOUT_MS, Int(configuration.connectTimeout.milliseconds))
        try set(CURLOPT_TIMEOUT_MS, Int(configuration.totalTimeout.milliseconds))
        try set(CURLOPT_SSL_VERIFYPEER, configuration.verifyTLS ? 1 : 0)
        try set(CURLOPT_SSL_VERIFYHOST, configuration.verifyTLS ? 2 : 0)
        if let caFile = configuration.caFile { try set(CURLOPT_CAINFO, caFile) }
        if let certificate = configuration.clientCertificate {
            try set(CURLOPT_SSLCERT, certificate)
            try set(CURLOPT_SSLCERTTYPE, "PEM")
        }
        if let key = configuration.clientKey { try set(CURLOPT_SSLKEY, key) }
        if let proxy = configuration.proxy { try set(CURLOPT_PROXY, proxy) }
        if let limit = configuration.maximumResponseSize {
            // A declared Content-Length over the limit is refused before the body comes; the sink stops the rest.
            try check(bifrost_curl_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(limit)))
            sink.limit = limit
        }

        switch request.method {
        case "GET": try set(CURLOPT_HTTPGET, 1)
        case "HEAD": try set(CURLOPT_NOBODY, 1)
        default: try set(CURLOPT_CUSTOMREQUEST, request.method)
        }
        if let body = request.body {
            try check(bifrost_curl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
            let code = body.withUnsafeBufferPointer { buffer in
                bifrost_curl_setopt_pointer(
                    handle, CURLOPT_COPYPOSTFIELDS,
                    UnsafeMutableRawPointer(mutating: buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!))
            }
            try check(code)
        }
        // "Expect:" with no value stops libcurl waiting for a 100-continue.
        for header in request.headers + [HTTPHeader("Expect", "")] {
            let line = header.value.isEmpty ? "\(header.name):" : "\(header.name): \(header.value)"
            headerList = bifrost_curl_slist_append(headerList, line)
        }
        try check(bifrost_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList))

        let context = Unmanaged.passUnretained(sink).toOpaque()
        try check(
            bifrost_curl_setopt_callback(
                handle, CURLOPT_WRITEFUNCTION,
                { data, size, count, context in
                    guard let data, let context else { return 0 }
                    let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
                    guard sink.body.count + size * count <= sink.limit else {
                        sink.overflowed = true
                        return 0  // libcurl ends the transfer with CURLE_WRITE_ERROR
                    }
                    sink.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: size * count))
                    return size * count
                }))
        try check(bifrost_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context))
        try check(
            bifrost_curl_setopt_callback(
                handle, CURLOPT_HEADERFUNCTION,
                { data, size, count, context in
                    guard let data, let context else { return 0 }
                    let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
                    sink.take(headerLine: UnsafeRawBufferPointer(start: data, count: size * count))
                    return size * count
                }))
        try check(bifrost_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, context))
    }

    /// Runs the transfer; blocks until it ends.
    func perform() throws(TransportError) -> ClientResponse {
        let code = bifrost_curl_easy_perform(handle)
        if sink.overflowed || code == CURLE_FILESIZE_EXCEEDED {
            throw TransportError(
                code: .responseTooLarge, message: "the response body is larger than \(sink.limit) bytes",
                curlCode: Int(code.rawValue))
        }
        guard code == CURLE_OK else { throw Self.error(for: code) }
        var status = 0
        _ = bifrost_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return ClientResponse(status: status, headers: sink.headers, body: sink.body, timings: timings())
    }

    private func timings() -> ClientResponse.Timings {
        func time(_ info: CURLINFO) -> Duration {
            var microseconds: curl_off_t = 0
            _ = bifrost_curl_getinfo_off_t(handle, info, &microseconds)
            return .microseconds(Int64(microseconds))
        }
        return .init(
            nameLookup: time(CURLINFO_NAMELOOKUP_TIME_T),
            connect: time(CURLINFO_CONNECT_TIME_T),
            tlsHandshake: time(CURLINFO_APPCONNECT_TIME_T),
            firstByte: time(CURLINFO_STARTTRANSFER_TIME_T),
            total: time(CURLINFO_TOTAL_TIME_T))
    }

    func set(_ option: CURLoption, _ value: Int) throws(TransportError) {
        try check(bifrost_curl_setopt_long(handle, option, value))
    }

    func set(_ option: CURLoption, _ value: String) throws(TransportError) {
        // libcurl copies string options (since 7.17), so a temporary C string is enough.
        try check(value.withCString { bifrost_curl_setopt_string(handle, option, $0) })
    }

    func check(_ code: CURLcode) throws(TransportError) {
        guard code == CURLE_OK else { throw Self.error(for: code) }
    }

    static func error(for code: CURLcode) -> TransportError {
        let message = String(cString: bifrost_curl_easy_strerror(code))
        let kind: TransportError.Code =
            switch code {
            case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL: .invalidURL
            case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_SEND_ERROR,
                CURLE_RECV_ERROR, CURLE_GOT_NOTHING:
                .connectionFailed
            case CURLE_OPERATION_TIMEDOUT: .timeout
            case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CACERT_BADFILE,
                CURLE_SSL_CIPHER, CURLE_SSL_ENGINE_NOTFOUND:
                .tls
            case CURLE_WEIRD_SERVER_REPLY, CURLE_PARTIAL_FILE, CURLE_BAD_CONTENT_ENCODING: .malformedResponse
            default: .other
            }
        return TransportError(code: kind, message: message, curlCode: Int(code.rawValue))
    }
}

/// Collects the headers and body libcurl hands to the callbacks.
private final class ResponseSink {
    var headers: [HTTPHeader] = []
    var body: [UInt8] = []
    /// The most body bytes taken, and whether the response went past it.
    var limit = Int.max
    var overflowed = false

    /// One header line as libcurl gives it (`Name: value\r\n`), split byte by byte: every response has a dozen.
    func take(headerLine bytes: UnsafeRawBufferPointer) {
        let newline = { (byte: UInt8) in byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") }
        let blank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var line = bytes[...]
        while let first = line.first, newline(first) { line = line.dropFirst() }
        while let last = line.last, newline(last) { line = line.dropLast() }
        if line.starts(with: "HTTP/".utf8) {
            headers = []  // a new response (after a 100 Continue, say) starts afresh
        } else if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
            var value = line[(colon + 1)...]
            while let first = value.first, blank(first) { value = value.dropFirst() }
            while let last = value.last, blank(last) { value = value.dropLast() }
            headers.append(
                HTTPHeader(String(decoding: line[..<colon], as: UTF8.self), String(decoding: value, as: UTF8.self)))
        }
    }
}

extension Duration {
    /// Whole milliseconds, for libcurl's `_MS` options.
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
