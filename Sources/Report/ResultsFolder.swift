import Foundation

/// A `ccsim run --out` folder: finds and decodes its summary.json, with errors that name
/// the missing piece instead of a bare decoding failure.
public struct ResultsFolder {
    public let path: String

    public init(path: String) { self.path = path }

    public var summaryPath: String { (path as NSString).appendingPathComponent("summary.json") }
    public var intervalsPath: String { (path as NSString).appendingPathComponent("intervals.csv") }

    public func load() throws -> RunResults {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ReportError.notADirectory(path)
        }
        guard FileManager.default.fileExists(atPath: summaryPath) else {
            throw ReportError.missingSummary(folder: path)
        }
        do {
            return try RunResults.decode(Data(contentsOf: URL(fileURLWithPath: summaryPath)))
        } catch let error as DecodingError {
            throw ReportError.unreadableSummary(path: summaryPath, reason: Self.explain(error))
        } catch {
            throw ReportError.unreadableSummary(path: summaryPath, reason: "\(error.localizedDescription)")
        }
    }

    /// A decoding error as "field.path: problem".
    static func explain(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String { keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".") }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])): missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(path(context.codingPath)): \(context.debugDescription)"
        case .dataCorrupted(let context): return "not valid JSON (\(context.debugDescription))"
        @unknown default: return "\(error)"
        }
    }
}
