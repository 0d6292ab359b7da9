import Foundation
import ResultsSchema

/// A `ccsim run --out` folder: finds and decodes its summary.json, with errors that name
/// the missing piece instead of a bare decoding failure.
public struct ResultsFolder {
    public let path: String

    public init(path: String) { self.path = path }

    public var summaryPath: String { (path as NSString).appendingPathComponent("summary.json") }
    public var intervalsPath: String { (path as NSString).appendingPathComponent("intervals.csv") }

    public func load() throws -> SummaryDocument {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ReportError.notADirectory(path)
        }
        guard FileManager.default.fileExists(atPath: summaryPath) else {
            throw ReportError.missingSummary(folder: path)
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: summaryPath)) } catch {
            throw ReportError.unreadableSummary(path: summaryPath, reason: "\(error.localizedDescription)")
        }
        do {
            return try SummaryDocument.decode(data)
        } catch let error as DecodingError {
            throw ReportError.unreadableSummary(path: summaryPath, reason: Self.explain(error) + Self.versionNote(data))
        } catch {
            throw ReportError.unreadableSummary(path: summaryPath, reason: "\(error.localizedDescription)")
        }
    }

    /// A decoding error as "field.path: problem", the path spelled as in the file (`channels[0].sla.verdict`).
    static func explain(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.reduce("") { path, key in
                if let index = key.intValue { return path + "[\(index)]" }
                return (path.isEmpty ? "" : path + ".") + snakeCase(key.stringValue)
            }
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])): missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(path(context.codingPath)): \(context.debugDescription)"
        case .dataCorrupted(let context) where !context.codingPath.isEmpty: return "\(path(context.codingPath)): \(context.debugDescription)"
        case .dataCorrupted(let context): return "not valid JSON (\(context.debugDescription))"
        @unknown default: return "\(error)"
        }
    }

    /// `startWeekday` → `start_weekday`: the decoder's key names back in the file's spelling.
    static func snakeCase(_ key: String) -> String {
        key.reduce(into: "") { text, character in
            if character.isUppercase {
                text += "_" + character.lowercased()
            } else {
                text.append(character)
            }
        }
    }

    /// When the file says another ccsim wrote it: which, so the reader knows to run it again.
    static func versionNote(_ data: Data) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let version = object["ccsim_version"] as? String, version != ResultsVersion.ccsim else { return "" }
        return " (the file was written by ccsim \(version), this is ccsim \(ResultsVersion.ccsim): run the scenario again to read it here)"
    }
}
