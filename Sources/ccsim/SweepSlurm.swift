import ArgumentParser
import Experiments
import Foundation
import ResultsSchema
import Sweeps

/// `ccsim sweep slurm SWEEP.yaml --shards N`: job scripts to run a sweep on a Slurm cluster.
struct SweepSlurm: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm",
        abstract: "Write an sbatch job array (one task per shard) and a dependent merge job for a sweep.",
        usage: "ccsim sweep slurm <sweep> --shards <shards> [<options>]",
        discussion: """
        Writes OUT/slurm/array.sbatch, merge.sbatch and submit.sh (OUT: results/NAME or --out). \
        Submit with `bash OUT/slurm/submit.sh`. The scripts use absolute paths: the cluster's nodes \
        must see this folder and the ccsim binary (a shared file system).
        """
    )

    @Argument(help: "A sweep file (YAML).")
    var sweep: String

    @Option(help: "Number of shards (array tasks).")
    var shards: Int

    @Option(help: "Slurm partition (default: the cluster's default).")
    var partition: String?

    @Option(help: "Time limit per task, in Slurm's format (e.g. 30, 1:00:00, 1-00:00:00).")
    var time: String = "1:00:00"

    @Option(help: "CPUs per task (runs at once within a shard).")
    var cpus: Int = 1

    @Option(help: ArgumentHelp("Result folder (default: results/NAME).", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("The ccsim binary the jobs run (default: this one).", valueName: "path"))
    var ccsim: String?

    func validate() throws {
        if shards < 1 || shards > 100_000 { throw ValidationError("--shards must be between 1 and 100000, got \(shards)") }
        if cpus < 1 { throw ValidationError("--cpus must be at least 1, got \(cpus)") }
        if time.isEmpty || !time.allSatisfy({ $0.isNumber || $0 == ":" || $0 == "-" }) {
            throw ValidationError("--time must be in Slurm's format (minutes, H:MM:SS or D-HH:MM:SS), got '\(time)'")
        }
        if let partition, partition.isEmpty || partition.contains(where: { $0.isWhitespace || $0 == "'" || $0 == "\"" }) {
            throw ValidationError("--partition must be a partition name, got '\(partition)'")
        }
    }

    func run() throws {
        let plan = try reportingSweepErrors { try SweepPlanner.load(path: sweep) }
        let cwd = FileManager.default.currentDirectoryPath
        func absolute(_ path: String) -> String {
            (path.hasPrefix("/") ? path : (cwd as NSString).appendingPathComponent(path) as String).replacingOccurrences(of: "/./", with: "/")
        }
        let binary = ccsim ?? Self.executablePath()
        let script = SlurmScript(name: plan.name, sweepFile: absolute(sweep), shards: shards, partition: partition,
                                 time: time, cpus: cpus, ccsim: absolute(binary), workingDirectory: cwd,
                                 outputDirectory: absolute(out ?? "results/\(plan.name)"))
        try reportingSweepErrors {
            let directory = script.slurmDirectory
            try AtomicFile.write(script.arrayScript, to: directory + "/array.sbatch")
            try AtomicFile.write(script.mergeScript, to: directory + "/merge.sbatch")
            try AtomicFile.write(script.submitScript, to: directory + "/submit.sh")
            chmod(directory + "/submit.sh", 0o755)
            print("wrote \(directory)/array.sbatch (\(shards) tasks, \(plan.runCount) runs), merge.sbatch and submit.sh")
            print("submit with: bash \(directory)/submit.sh")
        }
    }

    /// This process's binary (Linux: /proc/self/exe), so the jobs run the same ccsim.
    static func executablePath() -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return CommandLine.arguments[0]
    }
}
