import ResultsSchema

/// The machine-readable outputs of a run, documented in results/README.md:
/// `summary.json` (everything, by scope) and `intervals.csv` (per-interval
/// figures in tidy form), plus the whole-run CSV that `--format csv` prints.
public enum SummaryFiles {
    /// Writes `intervals.csv` then `summary.json` into `directory`, each atomically.
    /// `summary.json` goes last, so its presence says the run's output is complete.
    public static func write(_ summary: CenterSummary, to directory: String) throws {
        try AtomicFile.write(intervalsCSV(summary), to: "\(directory)/intervals.csv")
        try AtomicFile.write(json(summary), to: "\(directory)/summary.json")
    }

    /// Writes `intervals.csv` and `summary.json` into a results folder being staged; they
    /// appear with the rest of the folder at `folder.commit()`.
    public static func write(_ summary: CenterSummary, into folder: OutputFolder) throws {
        try folder.write(intervalsCSV(summary), named: "intervals.csv")
        try folder.write(json(summary), named: "summary.json")
    }
}
