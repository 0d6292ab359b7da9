import Foundation
import Hummingbird

/// JSON answers: a value, or `{"error": "message"}` with the status that fits it.
package enum JSONReply {
    static func value<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data = (try? encoder.encode(value)) ?? Data(#"{"error":"cannot encode the answer"}"#.utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    package struct Failure: Codable {
        package var error: String
    }

    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        value(Failure(error: message), status: status)
    }
}
