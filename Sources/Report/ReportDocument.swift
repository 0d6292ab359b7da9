import Foundation
import ResultsSchema

/// What a results folder holds, read and ready to render: the run of `ccsim run`, or one of the
/// other commands' results with, where the command simulated its plan, that run beside it.
public enum ReportDocument: Sendable {
    /// With the staffing-check.csv beside it, when the folder has one.
    case run(SummaryDocument, staffingCheck: StaffingCheckResults? = nil)
    case staffing(StaffingResults, run: SummaryDocument?)
    /// With the staffing.csv the requirement came from, when it sits in the same folder.
    case schedule(ScheduleResults, staffing: StaffingResults?, run: SummaryDocument?)
    case roi(RoiResults)
    case sweep(SweepResults)

    public var kind: ReportKind {
        switch self {
        case .run: .run
        case .staffing: .staffing
        case .schedule: .schedule
        case .roi: .roi
        case .sweep: .sweep
        }
    }

    /// Detects the folder's kind by its files and reads what that kind needs.
    public static func load(folder: String) throws -> ReportDocument {
        let results = ResultsFolder(path: folder)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            // A file inside a results folder (its summary.json, say): name the folder to give.
            let parent = (folder as NSString).deletingLastPathComponent
            if FileManager.default.fileExists(atPath: folder),
               ReportKind.detect(files: Set((try? FileManager.default.contentsOfDirectory(atPath: parent.isEmpty ? "." : parent)) ?? [])) != nil {
                throw ReportError.fileOfFolder(file: folder, folder: parent.isEmpty ? "." : parent)
            }
            throw ReportError.notADirectory(folder)
        }
        let files = Set((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        guard let kind = ReportKind.detect(files: files) else {
            if files.contains("sweep.sqlite") { throw ReportError.sweepNotSummarized(folder: folder) }
            throw ReportError.missingSummary(folder: folder)
        }
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        func table(_ name: String) throws -> CSVTable? {
            guard files.contains(name) else { return nil }
            let text: String
            do { text = try String(contentsOfFile: path(name), encoding: .utf8) } catch {
                throw ReportError.unreadableFile(path: path(name), reason: "cannot read: \(error.localizedDescription)")
            }
            let parsed: CSVTable?
            do { parsed = try CSVTable(text: text) } catch {
                throw ReportError.unreadableFile(path: path(name), reason: error.description)
            }
            guard let table = parsed else { throw ReportError.unreadableFile(path: path(name), reason: "empty, expected a CSV header") }
            return table
        }
        /// The run part beside a staffing or schedule plan: optional, but if present it must read.
        func run() throws -> SummaryDocument? { files.contains("summary.json") ? try results.load() : nil }
        do {
            switch kind {
            case .run:
                return .run(try results.load(), staffingCheck: try table("staffing-check.csv").map(StaffingCheckResults.init(table:)))
            case .staffing:
                return .staffing(try StaffingResults(table: try table("staffing.csv")!), run: try run())
            case .schedule:
                return .schedule(try ScheduleResults(schedule: try table("schedule.csv"), coverage: try table("coverage.csv")),
                                 staffing: try table("staffing.csv").map(StaffingResults.init(table:)), run: try run())
            case .roi:
                let file = path("roi.json")
                do {
                    return .roi(try RoiResults.decode(Data(contentsOf: URL(fileURLWithPath: file))))
                } catch let error as DecodingError {
                    throw ReportError.unreadableFile(path: file, reason: "cannot read as ccsim roi results: " + ResultsFolder.explain(error))
                }
            case .sweep:
                let name = ((folder as NSString).standardizingPath as NSString).lastPathComponent
                var results = try SweepResults(name: name, table: try table("summary.csv")!)
                if let analysis = try table("analysis.csv") { results.readAnalysis(analysis) }
                if let intervals = try table("summary-intervals.csv") { results.readIntervals(intervals) }
                return .sweep(results)
            }
        } catch let error as StaffingResults.LayoutError {
            guard case .notAStaffingTable(let reason) = error else { throw error }
            throw ReportError.unreadableFile(path: path("staffing.csv"), reason: reason)
        } catch let error as ScheduleResults.LayoutError {
            guard case .notASchedule(let reason) = error else { throw error }
            throw ReportError.unreadableFile(path: folder, reason: reason)
        } catch let error as StaffingCheckResults.LayoutError {
            guard case .notAStaffingCheck(let reason) = error else { throw error }
            throw ReportError.unreadableFile(path: path("staffing-check.csv"), reason: reason)
        } catch let error as SweepResults.LayoutError {
            guard case .notASweepSummary(let reason) = error else { throw error }
            throw ReportError.unreadableFile(path: path("summary.csv"), reason: reason)
        }
    }

    /// The whole page; `source` is shown in its footer.
    public func html(source: String) -> String {
        switch self {
        case .run(let results, let check): ReportPage(results: results, source: source, staffingCheck: check).html()
        case .staffing(let staffing, let run): StaffingPage(staffing: staffing, run: run).html(source: source)
        case .schedule(let schedule, let staffing, let run): SchedulePage(schedule: schedule, staffing: staffing, run: run).html(source: source)
        case .roi(let results): RoiPage(results: results).html(source: source)
        case .sweep(let results): SweepPage(results: results).html(source: source)
        }
    }
}
