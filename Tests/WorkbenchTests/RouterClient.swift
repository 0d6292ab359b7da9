import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOEmbedded
import Workbench

/// Sends requests straight to the workbench's router (its middleware, routes and responses), the
/// way HummingbirdTesting's `.router` mode does, without a socket. HummingbirdTesting itself is not
/// used: it links AsyncHTTPClient and with it NIOSSL, BoringSSL, swift-crypto and swift-certificates,
/// whose first build alone took longer than this whole test target on the project's 2-core CI.
struct RouterClient: Sendable {
    let responder: RouterResponder<BasicRequestContext>
    let logger = Logger(label: "workbench-tests")

    struct Reply {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: ByteBuffer
    }

    func execute<Return>(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil,
                         testCallback: (Reply) async throws -> Return = { $0 }) async throws -> Return {
        var headers = headers
        if let body { headers[.contentLength] = String(body.readableBytes) }
        let request = Request(head: HTTPRequest(method: method, scheme: "http", authority: "localhost", path: uri, headerFields: headers),
                              body: RequestBody(buffer: body ?? ByteBuffer()))
        let context = BasicRequestContext(source: .init(channel: NIOAsyncTestingChannel(), logger: logger))
        let response: Response
        do {
            response = try await responder.respond(to: request, context: context)
        } catch let error as any HTTPResponseError {
            return try await testCallback(Reply(status: error.status, headers: [:], body: ByteBuffer()))
        }
        let collector = Collector()
        try await response.body.write(collector)
        return try await testCallback(Reply(status: response.status, headers: response.headers, body: collector.body.withLockedValue { $0 }))
    }

    /// Collects a streamed response body.
    final class Collector: ResponseBodyWriter, Sendable {
        let body = NIOLockedValueBox(ByteBuffer())
        func write(_ buffer: ByteBuffer) async throws { body.withLockedValue { $0.writeImmutableBuffer(buffer) } }
        func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}

extension WorkbenchServer {
    /// Runs `test` with a client of this server's router (loopback-only, as served by default).
    func withClient<T>(_ test: (RouterClient) async throws -> T) async throws -> T {
        try await test(RouterClient(responder: router().buildResponder()))
    }
}
