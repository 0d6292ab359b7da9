import ArgumentParser
import Foundation
import Sweeps

/// `ccsim sweep merge OUT STORE...`: one store from the shards of a sweep.
struct SweepMerge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the stores of one sweep (e.g. its shards) into OUT; runs already in OUT are skipped."
    )

    @Argument(help: "The merged store's folder (or .sqlite file); created if missing.")
    var output: String

    @Argument(help: "Stores to merge (folders or .sqlite files).")
    var stores: [String]

    func validate() throws {
        if stores.isEmpty { throw ValidationError("name at least one store to merge") }
    }

    func run() throws {
        try reportingSweepErrors {
            let report = try StoreMerge.merge(into: output, from: stores)
            print("merged \(stores.count) store\(stores.count == 1 ? "" : "s") into \(report.outputPath): \(report.added) runs added, \(report.duplicates) already there; \(report.storedRuns) of \(report.plannedRuns) runs stored")
        }
    }
}
