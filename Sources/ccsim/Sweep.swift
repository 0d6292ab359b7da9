import ArgumentParser
import Foundation
import Scenarios
import Sweeps

/// `ccsim sweep`: run a parameter sweep (the default), or summarise, export, merge and
/// distribute one. See README.md, "Parameter sweeps".
struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a scenario over a grid or Latin hypercube of parameter values, with a resumable result store.",
        discussion: """
        Examples:
          ccsim sweep scenarios/sweeps/mmc-staffing.yaml
          ccsim sweep summarize results/mmc-staffing
          ccsim sweep export results/mmc-staffing
          ccsim sweep analyze results/mmc-staffing
          ccsim sweep slurm scenarios/sweeps/mmc-staffing.yaml --shards 4
          ccsim sweep merge results/mmc-staffing results/mmc-staffing/shards/*-of-4
        """,
        subcommands: [SweepRun.self, SweepSummarize.self, SweepExport.self, SweepAnalyze.self, SweepMerge.self, SweepSlurm.self],
        defaultSubcommand: SweepRun.self
    )
}

/// Writes to stderr.
func printError(_ text: String) {
    Console.note((text.hasSuffix("\n") ? text : text + "\n"))
}

/// Runs `body`, turning sweep problems into messages and exit codes instead of crashes:
/// located problems in the sweep file (one line each) exit with 2, store and file problems with 1.
func reportingSweepErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ScenarioError {
        let lines = error.issues.map { "error: \($0)" }
        let count = error.countLine(in: error.file).map { "\n" + $0 } ?? ""
        printError(lines.joined(separator: "\n") + count)
        throw ExitCode(2)
    } catch let error as SweepError {
        printError("error: \(error.message)")
        throw ExitCode(1)
    } catch let error as ExitCode {
        throw error
    } catch {
        printError("error: \(error)")
        throw ExitCode(1)
    }
}
