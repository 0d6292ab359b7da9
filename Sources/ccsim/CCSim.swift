import ArgumentParser
import Experiments
import Foundation
import ResultsSchema

/// The `ccsim` command: a thin layer over the Experiments, Analytics and Scenarios modules.
/// Public (with its configuration) so the CLI tests can render the help of every command with
/// `CCSim.helpMessage(for:columns:)`: release builds are not compiled for `@testable import`.
@main
public struct CCSim: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ccsim",
        abstract: "A discrete-event simulator of contact centers, driven by scenario files.",
        version: ResultsVersion.ccsim,
        subcommands: [Run.self, Erlang.self, Staff.self, Schedule.self, ROI.self, Validate.self, Sweep.self, Report.self, Fit.self, Serve.self]
    )

    public init() {}

    /// ArgumentParser's `main`, plus a check that everything printed reached stdout, the help and
    /// the version included (a full disk or `/dev/full` exits non-zero with `cannot write standard
    /// output: reason`).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
            try Console.finishStandardOutput()
        } catch let failure as Console.WriteFailure {
            Console.note("error: \(failure)")
            Foundation.exit(1)
        } catch let failure as ValidationFailure {
            Console.note("error: \(failure)")
            Foundation.exit(1)
        } catch let failure as OutputFolder.Problem {
            Console.note("error: \(failure)")
            Foundation.exit(1)
        } catch let failure as AtomicFile.WriteError {
            Console.note("error: \(failure)")
            Foundation.exit(1)
        } catch where exitCode(for: error).isSuccess {
            // `--help` and `--version`: their text goes to stdout, checked like any other output
            // (ArgumentParser's own `exit(withError:)` prints it unchecked and exits 0).
            let text = fullMessage(for: error)
            do {
                if !text.isEmpty { try Console.write(text + "\n") }
                try Console.finishStandardOutput()
            } catch {
                Console.note("error: \(error)")
                Foundation.exit(1)
            }
            Foundation.exit(ExitCode.success.rawValue)
        } catch {
            // Whatever was printed before the error is flushed; its failure changes nothing.
            _ = try? Console.finishStandardOutput()
            // A usage error reads like every other error (`error: …`, not ArgumentParser's `Error: …`).
            var text = fullMessage(for: error)
            if text.hasPrefix("Error: ") { text = "error: " + text.dropFirst(7) }
            if !text.isEmpty { Console.note(text) }
            Foundation.exit(exitCode(for: error).rawValue)
        }
    }
}
