import Foundation

/// Reads a results folder and writes its report atomically (temporary file, then rename), so a
/// browser never opens a half-written page. Returns the path written.
public enum ReportWriter {
    @discardableResult
    public static func write(folder: String, to output: String? = nil) throws -> String {
        let results = try ResultsFolder(path: folder).load()
        let path = output ?? (folder as NSString).appendingPathComponent("report.html")
        let html = ReportPage(results: results, source: folder).html()
        try Data(html.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        return path
    }
}
