import Foundation

/// The Slurm job scripts of a sharded sweep (`ccsim sweep slurm`): a job array whose task K runs
/// shard K/N into its own store, and a merge job that starts once every task succeeded
/// (`--dependency=afterok`), merges the shard stores and writes the summary.
///
/// The scripts use absolute paths (the ccsim binary, the working directory, the results): a
/// cluster's compute nodes see the same shared file system as the node that submits.
public struct SlurmScript: Sendable {
    public var name: String
    public var sweepFile: String
    public var shards: Int
    public var partition: String?
    public var time: String
    public var cpus: Int
    public var ccsim: String
    public var workingDirectory: String
    /// The merged store's folder; shard K writes to `outputDirectory/shards/K-of-N`.
    public var outputDirectory: String

    public init(name: String, sweepFile: String, shards: Int, partition: String?, time: String, cpus: Int,
                ccsim: String, workingDirectory: String, outputDirectory: String) {
        self.name = name
        self.sweepFile = sweepFile
        self.shards = shards
        self.partition = partition
        self.time = time
        self.cpus = cpus
        self.ccsim = ccsim
        self.workingDirectory = workingDirectory
        self.outputDirectory = outputDirectory
    }

    /// Where shard K's store goes.
    public static func shardDirectory(_ output: String, _ shard: Shard) -> String {
        "\(output)/shards/\(shard.index)-of-\(shard.count)"
    }

    public var slurmDirectory: String { outputDirectory + "/slurm" }

    /// Single-quoted for the shell.
    static func q(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    private var header: [String] {
        (partition.map { ["#SBATCH --partition=\($0)"] } ?? []) + ["#SBATCH --time=\(time)"]
    }

    public var arrayScript: String {
        ([
            "#!/bin/bash",
            "# ccsim sweep \(name): shard ${SLURM_ARRAY_TASK_ID} of \(shards). Written by `ccsim sweep slurm`.",
            "#SBATCH --job-name=ccsim-\(name)",
            "#SBATCH --array=1-\(shards)",
            "#SBATCH --ntasks=1",
            "#SBATCH --cpus-per-task=\(cpus)",
        ] + header + [
            "#SBATCH --output=\(slurmDirectory)/logs/shard-%a.out",
            "set -euo pipefail",
            "cd \(Self.q(workingDirectory))",
            "exec \(Self.q(ccsim)) sweep \(Self.q(sweepFile)) --shard \"${SLURM_ARRAY_TASK_ID}/\(shards)\" \\",
            "    --jobs \"${SLURM_CPUS_PER_TASK:-\(cpus)}\" --out \(Self.q(outputDirectory + "/shards"))\"/${SLURM_ARRAY_TASK_ID}-of-\(shards)\"",
        ]).joined(separator: "\n") + "\n"
    }

    public var mergeScript: String {
        let stores = (1...shards).map { Self.q(Self.shardDirectory(outputDirectory, Shard(index: $0, count: shards))) }
        return ([
            "#!/bin/bash",
            "# ccsim sweep \(name): merges the \(shards) shard stores, then summarises. Written by `ccsim sweep slurm`.",
            "#SBATCH --job-name=ccsim-\(name)-merge",
            "#SBATCH --ntasks=1",
            "#SBATCH --cpus-per-task=1",
        ] + header + [
            "#SBATCH --output=\(slurmDirectory)/logs/merge.out",
            "set -euo pipefail",
            "cd \(Self.q(workingDirectory))",
            "\(Self.q(ccsim)) sweep merge \(Self.q(outputDirectory)) \\",
            "    " + stores.joined(separator: " \\\n    "),
            "\(Self.q(ccsim)) sweep summarize \(Self.q(outputDirectory)) > /dev/null",
        ]).joined(separator: "\n") + "\n"
    }

    public var submitScript: String {
        [
            "#!/bin/bash",
            "# Submits the sweep's job array, then its merge job to run once every shard succeeded.",
            "set -euo pipefail",
            "here=$(cd \"$(dirname \"$0\")\" && pwd)",
            "mkdir -p \"$here/logs\"",
            "array=$(sbatch --parsable \"$here/array.sbatch\")",
            "array=${array%%;*}",
            "merge=$(sbatch --parsable --dependency=afterok:\"$array\" \"$here/merge.sbatch\")",
            "merge=${merge%%;*}",
            "echo \"submitted job array $array (\(shards) shards) and merge job $merge\"",
            "echo \"$array $merge\" > \"$here/job-ids\"",
        ].joined(separator: "\n") + "\n"
    }
}
