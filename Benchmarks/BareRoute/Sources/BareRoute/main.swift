// bare-route: the benchmark's baseline. Serves the bytes of one file, with one
// Content-Type, on every GET path, through a plain Hummingbird 2 router and nothing
// else: no middleware, no request logging, no parsing of the request.
//
//   bare-route --port 8081 --body payments-due.json --content-type application/vnd.api+json
//
// `--port 0` binds any free port. The bound address is printed on one line once the
// server listens; SIGINT or SIGTERM stop it gracefully.

import Foundation
import Hummingbird

struct Options {
    var host = "127.0.0.1"
    var port = 8081
    var body = ""
    var contentType = "application/octet-stream"

    static let usage = "usage: bare-route --port P --body FILE --content-type TYPE [--host H]"

    init(arguments: [String]) throws(UsageError) {
        var rest = arguments[...]
        var sawBody = false
        while let name = rest.popFirst() {
            guard let value = rest.popFirst() else { throw UsageError("\(name) needs a value") }
            switch name {
            case "--host": host = value
            case "--port":
                guard let number = Int(value), (0...65535).contains(number) else {
                    throw UsageError("--port must be a number from 0 to 65535, got \(value)")
                }
                port = number
            case "--body": (body, sawBody) = (value, true)
            case "--content-type": contentType = value
            default: throw UsageError("unknown option \(name)")
            }
        }
        guard sawBody else { throw UsageError("--body is required") }
    }
}

struct UsageError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

let options: Options
do {
    options = try Options(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("bare-route: \(error.message)\n\(Options.usage)\n".utf8))
    exit(2)
}
guard let bytes = FileManager.default.contents(atPath: options.body) else {
    FileHandle.standardError.write(Data("bare-route: cannot read \(options.body)\n".utf8))
    exit(2)
}
guard !options.contentType.isEmpty else {
    FileHandle.standardError.write(Data("bare-route: --content-type must not be empty\n".utf8))
    exit(2)
}

// One buffer for every response: ByteBuffer is copy-on-write, so a response shares it.
let body = ByteBuffer(bytes: bytes)
let headers: HTTPFields = [.contentType: options.contentType]

let router = Router()
router.get("/") { _, _ in Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body)) }
router.get("**") { _, _ in Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body)) }

let app = Application(
    router: router,
    configuration: .init(address: .hostname(options.host, port: options.port)),
    onServerRunning: { channel in
        let port = channel.localAddress?.port ?? options.port
        FileHandle.standardOutput.write(Data("bare-route listening on \(options.host):\(port)\n".utf8))
    }
)
try await app.runService()
