import ArgumentParser
import Dispatch
import Experiments
import Foundation
import Sweeps

/// `ccsim sweep SWEEP.yaml`: validates the sweep, then runs what its store does not hold yet.
struct SweepRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a sweep file (the default: `ccsim sweep SWEEP.yaml`); re-running resumes.",
        usage: "ccsim sweep run <sweep> [<options>]",
        discussion: """
        Results go to results/NAME/sweep.sqlite (NAME: the sweep's name), or DIR/sweep.sqlite with \
        --out DIR; with --shard K/N, to results/NAME/shards/K-of-N/. Every run is stored as it \
        finishes, so an interrupted sweep (Ctrl-C, a killed job) resumes where it stopped when the \
        same command is run again. Results do not depend on --jobs.
        """
    )

    @Argument(help: "A sweep file (YAML). See README.md, \"Parameter sweeps\".")
    var sweep: String

    @Option(help: "Runs at once, each single-threaded; the default is the number of cores here.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Folder of the result store (default: results/NAME).", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Run only the K-th of N deterministic slices of the runs, into its own store.", valueName: "K/N"))
    var shard: String?

    @Flag(name: .customLong("force-new"), help: "Start over: delete the existing store, whether it holds this sweep's runs or another sweep's (an emptied or corrupt one is kept aside as sweep.sqlite.damaged-TIME instead).")
    var forceNew = false

    @Flag(name: .customLong("dry-run"), help: "Validate the sweep and say what would run, without running.")
    var dryRun = false

    @OptionGroup var progressOptions: QuietOption
    var quiet: Bool { progressOptions.quiet }

    @OptionGroup var budget: BudgetOption

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N, e.g. 2/8, got '\(shard)'") }
    }

    func run() throws {
        let plan = try reportingSweepErrors { try SweepPlanner.load(path: sweep) }
        let shard = self.shard.flatMap(Shard.init)
        let directory = out ?? shard.map { SlurmScript.shardDirectory("results/\(plan.name)", $0) } ?? "results/\(plan.name)"
        let runs = plan.runs(shard: shard)
        // Every point within the budget (all its replications) before any run starts.
        for point in plan.points {
            try budget.check(point.scenario, replications: plan.replications, what: "sweep point \(point.id) (\(point.label))")
        }
        // Points whose queue only grows: their figures measure a backlog, not a steady state (said, not refused:
        // a sweep may mean to cross the edge of stability).
        let unstable = plan.points.compactMap { point in ResourceBudget.unstableQueues(point.scenario).first.map { (point, $0) } }
        for (point, queue) in unstable.prefix(10) { printError("warning: sweep point \(point.id) (\(point.label)): \(queue.summary)") }
        if unstable.count > 10 { printError("warning: … and \(unstable.count - 10) more points whose queue grows for the whole run") }
        let design: String = switch plan.design {
        case .grid: "grid"
        case .latinHypercube(let n, let seed): "Latin hypercube of \(n) points, design seed \(seed)"
        }
        let what = "sweep \(plan.name): \(plan.points.count) points × \(plan.replications) replications = \(plan.runCount) runs (\(design), seed \(plan.seed), \(plan.seeding.rawValue) random numbers)"
            + (shard.map { "; shard \($0): \(runs.count) runs" } ?? "")
        if dryRun {
            print(what)
            print("store: \(SweepStore.storePath(directory))")
            for point in plan.points.prefix(20) { print("  point \(point.id): \(point.label)") }
            if plan.points.count > 20 { print("  … \(plan.points.count - 20) more points") }
            return
        }

        let store = try reportingSweepErrors { try SweepStore.open(for: plan, directory: directory, shard: shard, forceNew: forceNew) }
        let stored = try reportingSweepErrors { try store.storedRuns() }
        let todo = runs.filter { !stored.contains($0) }
        let already = runs.count - todo.count
        if !quiet {
            printError(what)
            printError(todo.isEmpty
                ? "all \(runs.count) runs are already in \(store.path)"
                : "\(already > 0 ? "resuming: \(already) runs already stored, " : "")running \(todo.count) on \(min(jobs, todo.count)) jobs → \(store.path)")
        }

        let cancel = CancelFlag()
        let interrupts = Interrupts(cancel: cancel, quiet: quiet)
        let progress = quiet ? nil : ProgressLine(total: runs.count, alreadyDone: already, style: ProgressLine.stderrIsTerminal ? .bar : .lines, quietFor: 0)
        let report = SweepExecutor.execute(plan, runs: todo, store: store, jobs: jobs, progress: progress, cancel: cancel)
        interrupts.stop()

        if let failure = report.storeError {
            printError("error: \(failure)")
            throw ExitCode(1)
        }
        if !quiet, report.attempted > 0 {
            let rate = report.wallSeconds > 0 ? Double(report.stored) / report.wallSeconds : 0
            printError(String(format: "%d runs in %.2f s: %.1f runs/s on %d jobs; storing took %.1f%% of run time",
                              report.stored, report.wallSeconds, rate, min(jobs, todo.count), report.storeShare * 100))
        }
        if report.failed > 0 { printError("warning: \(report.failed) runs failed; their errors are in the store's runs.error column") }
        if report.cancelled {
            printError("interrupted: \(already + report.stored) of \(runs.count) runs stored; run the same command again to resume")
            throw ExitCode(130)
        }
        if !quiet {
            let next = shard == nil ? "ccsim sweep summarize \(directory)" : "ccsim sweep merge results/\(plan.name) <every shard's folder>"
            printError("next: \(next)")
        }
    }
}

/// Ctrl-C stops a sweep gracefully: no new run starts, in-flight runs finish and are stored.
/// A second Ctrl-C exits at once (stored runs are safe either way: each is one transaction).
final class Interrupts: @unchecked Sendable {
    private let source: DispatchSourceSignal
    private var count = 0

    init(cancel: CancelFlag, quiet: Bool) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [unowned self] in
            self.count += 1
            if self.count == 1 {
                if !quiet { printError("\ninterrupt: finishing the runs in progress (Ctrl-C again to stop at once)") }
                cancel.set()
            } else {
                _exit(130)
            }
        }
        source.resume()
    }

    func stop() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
