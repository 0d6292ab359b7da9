import HTTPTypes
import Hummingbird

/// Keeps other web sites and other machines' names out of the workbench.
///
/// - Every request that changes something (POST, PUT, PATCH, DELETE) must carry the session token
///   the server put in its own page (`X-CCSim-Token`); a page from another origin cannot read it,
///   and cannot send the header without a CORS preflight, which the server never grants. When an
///   `Origin` header is present it must also be the server's own.
/// - When bound to a loopback address, the `Host` header must name a loopback host, so a hostile
///   DNS name rebound to 127.0.0.1 cannot reach the server through the victim's browser.
package struct RequestGuard<Context: RequestContext>: RouterMiddleware {
    let token: String
    let loopbackOnly: Bool

    static var tokenHeader: HTTPField.Name { HTTPField.Name("X-CCSim-Token")! }

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let host = request.head.authority ?? ""
        if loopbackOnly, !host.isEmpty, !Self.isLoopback(host: host) {
            return JSONReply.error(.forbidden, "host '\(host)' is not this server's loopback address")
        }
        switch request.method {
        case .get, .head, .options:
            return try await next(request, context)
        default:
            if let origin = request.headers[.origin], origin != "http://\(host)" {
                return JSONReply.error(.forbidden, "cross-origin request from \(origin) refused")
            }
            guard request.headers[Self.tokenHeader] == token else {
                return JSONReply.error(.forbidden, "missing or wrong session token (reload the workbench page)")
            }
            return try await next(request, context)
        }
    }

    /// `localhost`, `127.x.y.z` or `[::1]`, with or without a port.
    package static func isLoopback(host: String) -> Bool {
        var name = host.lowercased()
        if name.hasPrefix("[") {
            return name.hasPrefix("[::1]")
        }
        if let colon = name.lastIndex(of: ":") { name = String(name[..<colon]) }
        let octets = name.split(separator: ".", omittingEmptySubsequences: false)
        let isIPv4 = octets.count == 4 && octets.allSatisfy { UInt8($0) != nil }
        return name == "localhost" || (isIPv4 && octets[0] == "127")
    }
}
