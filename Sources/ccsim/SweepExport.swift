import ArgumentParser
import Experiments
import Foundation
import ResultsSchema
import Sweeps

/// `ccsim sweep export DIR`: every stored run as CSV, wide (a column per metric) or long
/// (a row per run × metric, with snake_case parameter columns and their mapping).
struct SweepExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every stored run as CSV (runs.csv beside the store, or --out FILE; '-' for stdout).",
        discussion: """
        --long writes one row per run × metric (runs-long.csv), its parameter columns under \
        snake_case names (teams.phones.shifts[*].agents → teams_phones_shifts_all_agents; a scale \
        parameter gives NAME, the resulting value, and NAME_factor), and the mapping from column \
        to path beside it (runs-long-parameters.csv; with --out FILE.csv, FILE-parameters.csv).

        --intervals writes the per-interval series the sweep recorded (its `series:` field) in \
        the same tidy form, one row per run × series × interval (runs-intervals.csv), with the \
        same parameter columns and mapping (runs-intervals-parameters.csv).
        """
    )

    @Argument(help: "A sweep's result folder (or its sweep.sqlite).")
    var store: String

    @Option(help: ArgumentHelp("Where to write the CSV (default: runs.csv, or runs-long.csv, beside the store; '-' for stdout).", valueName: "file"))
    var out: String?

    @Flag(help: "Tidy form: one row per run × metric, snake_case parameter columns, and the column-to-path mapping.")
    var long = false

    @Flag(help: "The recorded per-interval series, tidy: one row per run × series × interval, snake_case parameter columns, and the mapping.")
    var intervals = false

    func validate() throws {
        if long && intervals { throw ValidationError("--long and --intervals write different tables; give one (run the command twice for both)") }
    }

    func run() throws {
        try reportingSweepErrors {
            let store = try SweepStore.openExisting(store)
            let contents = try store.contents()
            if intervals, contents.meta.series.isEmpty {
                throw SweepError("\(store.path) records no per-interval series; list them in the sweep file's 'series' field (e.g. series: [voice.service_level]) and run it again into a new store")
            }
            let stored = intervals ? try store.intervalValues() : []
            let csv = intervals ? RunsExport.intervalsCSV(contents, stored) : long ? RunsExport.longCSV(contents) : RunsExport.csv(contents)
            if out == "-" {
                print(csv, terminator: "")
                return
            }
            let folder = (store.path as NSString).deletingLastPathComponent
            let path = out ?? (folder as NSString).appendingPathComponent(intervals ? "runs-intervals.csv" : long ? "runs-long.csv" : "runs.csv")
            if long || intervals {
                let mapping = ((path as NSString).deletingPathExtension) + "-parameters.csv"
                try AtomicFile.write(RunsExport.parameterColumnsCSV(contents), to: mapping)
                try AtomicFile.write(csv, to: path)
                let what = intervals ? "\(stored.count) run × series × interval rows" : "\(contents.runs.count) runs × \(contents.meta.metrics.count) metrics"
                printError("wrote \(path) (\(what)) and \(mapping)")
            } else {
                try AtomicFile.write(csv, to: path)
                printError("wrote \(path) (\(contents.runs.count) runs)")
            }
        }
    }
}
