/// Why a results folder cannot be reported, phrased for the person who typed the path.
public enum ReportError: Error, CustomStringConvertible, Equatable {
    case notADirectory(String)
    /// A file of a results folder given instead of the folder (`ccsim report out/summary.json`).
    case fileOfFolder(file: String, folder: String)
    case missingSummary(folder: String)
    case unreadableSummary(path: String, reason: String)
    /// A sweep folder whose summary.csv has not been written yet.
    case sweepNotSummarized(folder: String)
    /// Any other results file (CSV or JSON) that is not in the expected layout.
    case unreadableFile(path: String, reason: String)

    public var description: String {
        switch self {
        case .notADirectory(let path):
            return "\(path): no such results folder (expected the folder written by `ccsim run`, `staff`, `schedule` or `roi` with --out, or a sweep's results folder)"
        case .fileOfFolder(let file, let folder):
            return "\(file): a file of a results folder; report the folder: ccsim report \(folder)"
        case .missingSummary(let folder):
            return "\(folder): summary.json is missing — this is not a complete results folder (summary.json, roi.json, staffing.csv, schedule.csv or a sweep's summary.csv; summary.json is written last, so an interrupted run has none)"
        case .unreadableSummary(let path, let reason):
            return "\(path): cannot read as a ccsim summary: \(reason)"
        case .sweepNotSummarized(let folder):
            return "\(folder): a sweep without summary.csv — run `ccsim sweep summarize \(folder)` first"
        case .unreadableFile(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}
