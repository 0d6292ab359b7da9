import ArgumentParser
import Foundation
import Report

/// `ccsim report DIR`: one self-contained HTML page from a `ccsim run --out DIR` folder.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a self-contained HTML report (inline CSS and SVG charts) of a run's results folder.",
        discussion: "Reads DIR/summary.json, as written by `ccsim run SCENARIO --out DIR`, and writes one HTML file that needs no network and no JavaScript; prints its path. A folder without summary.json is an error (exit status 2)."
    )

    @Argument(help: "A results folder written by `ccsim run --out`.")
    var resultsDir: String

    @Option(name: .shortAndLong, help: "Where to write the report (default: DIR/report.html).")
    var output: String?

    func run() throws {
        do {
            print(try ReportWriter.write(folder: resultsDir, to: output))
        } catch let error as ReportError {
            // Like a bad scenario file: one "error:" line naming what is missing, exit status 2.
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
    }
}
