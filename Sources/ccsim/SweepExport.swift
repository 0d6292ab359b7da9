import ArgumentParser
import Experiments
import Foundation
import Sweeps

/// `ccsim sweep export DIR`: every stored run as CSV.
struct SweepExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every stored run as CSV (runs.csv beside the store, or --out FILE; '-' for stdout)."
    )

    @Argument(help: "A sweep's result folder (or its sweep.sqlite).")
    var store: String

    @Option(help: ArgumentHelp("Where to write the CSV (default: runs.csv beside the store; '-' for stdout).", valueName: "file"))
    var out: String?

    func run() throws {
        try reportingSweepErrors {
            let store = try SweepStore.openExisting(store)
            let contents = try store.contents()
            let csv = RunsExport.csv(contents)
            if out == "-" {
                print(csv, terminator: "")
                return
            }
            let path = out ?? ((store.path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("runs.csv")
            try AtomicFile.write(csv, to: path)
            printError("wrote \(path) (\(contents.runs.count) runs)")
        }
    }
}
