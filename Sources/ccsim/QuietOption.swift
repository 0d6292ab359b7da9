import ArgumentParser
import Experiments

/// `--quiet`, shared by every command that shows progress (run, staff, schedule, roi, sweep):
/// no progress bar, progress lines or search steps on standard error. Errors, warnings and the
/// files written still go there, and standard output is the same.
struct QuietOption: ParsableArguments {
    @Flag(help: "No progress on standard error (errors and warnings still go there).")
    var quiet = false

    /// The progress style of `ProgressLine`: nothing when quiet, else its own choice (a bar on a terminal).
    var progressStyle: ProgressLine.Style? { quiet ? ProgressLine.Style.none : nil }
}
