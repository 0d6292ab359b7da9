/// Which command wrote a results folder, told by the files it holds (each command writes its
/// own file besides, or instead of, summary.json): the report shows what fits that kind.
public enum ReportKind: String, Sendable, CaseIterable {
    /// `ccsim run --out`: summary.json (and intervals.csv).
    case run
    /// `ccsim staff --out`: staffing.csv, plus the run of the final plan in summary.json.
    case staffing
    /// `ccsim schedule --out`: schedule.csv and coverage.csv, plus the run of the schedule.
    case schedule
    /// `ccsim roi --out`: roi.json (with weekly.csv, replications.csv, tornado.csv).
    case roi
    /// `ccsim sweep summarize`: summary.csv beside the sweep's store.
    case sweep

    /// The kind for a folder holding these file names; nil when none fits. The most specific
    /// file wins: a schedule folder also has summary.json, a staffing folder too.
    public static func detect(files: Set<String>) -> ReportKind? {
        if files.contains("roi.json") { return .roi }
        if files.contains("schedule.csv") || files.contains("coverage.csv") { return .schedule }
        if files.contains("staffing.csv") { return .staffing }
        if files.contains("summary.csv") { return .sweep }
        if files.contains("summary.json") { return .run }
        return nil
    }
}
