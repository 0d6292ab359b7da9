import Foundation

/// Reads a results folder of any kind and writes its report atomically (temporary file, then
/// rename), so a browser never opens a half-written page. Returns the path written.
public enum ReportWriter {
    @discardableResult
    public static func write(folder: String, to output: String? = nil) throws -> String {
        let document = try ReportDocument.load(folder: folder)
        let path = output ?? (folder as NSString).appendingPathComponent("report.html")
        try Data(document.html(source: folder).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        return path
    }
}
