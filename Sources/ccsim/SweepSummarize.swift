import ArgumentParser
import Experiments
import Foundation
import ResultsSchema
import Sweeps

/// `ccsim sweep summarize DIR`: per point, each metric's mean, sd and confidence interval.
struct SweepSummarize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Print per-point means with Student-t confidence intervals, and write summary.csv next to the store.",
        discussion: """
        When the sweep records per-interval series (its `series:` field), their per-point means \
        by interval, with confidence intervals, go to summary-intervals.csv beside summary.csv \
        (with --out FILE.csv, FILE-intervals.csv); the sweep report draws them.
        """
    )

    @Argument(help: "A sweep's result folder (or its sweep.sqlite).")
    var store: String

    @Option(help: "Confidence level of the intervals, e.g. 0.95 or 95%.")
    var level: String = "0.95"

    @Option(help: ArgumentHelp("Where to write the CSV (default: summary.csv beside the store).", valueName: "file"))
    var out: String?

    /// `0.95` or `95%` as a share, nil unless strictly between 0 and 1.
    var share: Double? {
        let percent = level.hasSuffix("%")
        guard let number = Double(percent ? String(level.dropLast()) : level) else { return nil }
        let value = percent ? number / 100 : number
        return value > 0 && value < 1 ? value : nil
    }

    func validate() throws {
        if share == nil { throw ValidationError("--level must be between 0 and 1 (or 0% and 100%), got '\(level)'") }
    }

    func run() throws {
        let value = share ?? 0.95
        try reportingSweepErrors {
            let store = try SweepStore.openExisting(store)
            let contents = try store.contents()
            let summary = SweepSummary(contents, level: value)
            let path = out ?? ((store.path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("summary.csv")
            try AtomicFile.write(summary.csv, to: path)
            var intervalsPath: String?
            if !summary.meta.series.isEmpty {
                let byInterval = IntervalSummary(contents, intervals: try store.intervalValues(), level: value)
                let target = (path as NSString).deletingPathExtension + "-intervals.csv"
                try AtomicFile.write(byInterval.csv, to: target)
                intervalsPath = target
            }
            let meta = summary.meta
            print("sweep \(meta.name): \(summary.storedRuns) of \(meta.plannedRuns) runs stored\(meta.shard.map { " (shard \($0))" } ?? ""); mean [\(Formatting.percent(value, digits: 0)) CI]")
            print(summary.table, terminator: "")
            if summary.failedRuns > 0 { printError("warning: \(summary.failedRuns) failed runs are left out") }
            if summary.storedRuns < meta.plannedRuns && meta.shard == nil {
                printError("note: the sweep is incomplete (\(summary.storedRuns) of \(meta.plannedRuns) runs); run it again to finish")
            }
            printError("wrote \(path)" + (intervalsPath.map { " and \($0) (series by interval: \(summary.meta.series.joined(separator: ", ")))" } ?? ""))
        }
    }
}
