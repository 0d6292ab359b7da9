/// Why a results folder cannot be reported, phrased for the person who typed the path.
public enum ReportError: Error, CustomStringConvertible, Equatable {
    case notADirectory(String)
    case missingSummary(folder: String)
    case unreadableSummary(path: String, reason: String)

    public var description: String {
        switch self {
        case .notADirectory(let path):
            return "\(path): no such results folder (expected the folder written by `ccsim run SCENARIO --out DIR`)"
        case .missingSummary(let folder):
            return "\(folder): summary.json is missing — this is not a complete `ccsim run --out` folder (summary.json is written last, so an interrupted run has none)"
        case .unreadableSummary(let path, let reason):
            return "\(path): cannot read as a ccsim summary: \(reason)"
        }
    }
}
