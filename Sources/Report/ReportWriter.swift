import Foundation
import ResultsSchema

/// Reads a results folder of any kind and writes its report atomically (``AtomicFile``: temporary
/// file, then rename), so a browser never opens a half-written page. Returns the path written.
public enum ReportWriter {
    @discardableResult
    public static func write(folder: String, to output: String? = nil) throws -> String {
        let document = try ReportDocument.load(folder: folder)
        let path = output ?? (folder as NSString).appendingPathComponent("report.html")
        try AtomicFile.write(document.html(source: folder), to: path)
        return path
    }
}
