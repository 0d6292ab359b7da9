import ArgumentParser
import Foundation
import Report

/// `ccsim report DIR`: one self-contained HTML page from a results folder of any ccsim command.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a self-contained HTML report (inline CSS and SVG charts) of a results folder.",
        discussion: """
        Tells the kind of folder by its files and shows what fits:
          roi.json       ccsim roi: ROI distribution and CI, payback curve, tornado
          schedule.csv   ccsim schedule: shifts, coverage against the requirement
          staffing.csv   ccsim staff: requirement per interval, Erlang vs simulation
          summary.csv    ccsim sweep summarize: metrics against a parameter, CI bands
          summary.json   ccsim run: service level, volume, agents, occupancy, cost

        Writes one HTML file that needs no network and no JavaScript, and prints its \
        path. A folder that fits none is an error (exit status 2).

        Examples:
          ccsim run scenarios/mmc-basic.yaml --out results/mmc
          ccsim report results/mmc
          ccsim report results/mmc-staffing -o sweep.html
        """
    )

    @Argument(help: "A results folder written by `ccsim run`, `staff`, `schedule` or `roi` with --out, or a sweep folder after `ccsim sweep summarize`.")
    var resultsDir: String

    @Option(name: .shortAndLong, help: "Where to write the report (default: DIR/report.html).")
    var output: String?

    func run() throws {
        do {
            print(try ReportWriter.write(folder: resultsDir, to: output))
        } catch let error as ReportError {
            // Like a bad scenario file: one "error:" line naming what is missing, exit status 2.
            Console.note("error: \(error.description)\n")
            throw ExitCode(2)
        }
    }
}
