import ArgumentParser
import Experiments
import Foundation
import ResultsSchema
import Sweeps

/// `ccsim sweep analyze DIR`: which parameters matter, per metric.
struct SweepAnalyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Rank the parameters by what they do to each metric: main effects and two-way interactions (grid) or partial rank correlation coefficients (Latin hypercube), with bootstrap CIs.",
        discussion: """
        A main effect is the change of the metric's mean from a parameter's lowest to its highest \
        level, averaged over the other parameters; a pair's interaction is the difference of \
        differences at the corners of their table: how much one's effect changes between the \
        other's lowest and highest level (0 when the effects just add up). A PRCC (−1…1) is the \
        correlation of a parameter's ranks with the metric's once the other parameters' ranks are \
        regressed out. Intervals: percentile bootstrap over runs within points (grid) or over \
        points (hypercube); 'matters' when the interval excludes 0.

        For a Latin hypercube, a quadratic response surface is also fitted per metric by least \
        squares on every run, in coded units (−1 at a parameter's lowest value swept, +1 at its \
        highest): R², adjusted R², and each coefficient with a Student-t interval. With too few \
        distinct points for every cross term it drops them (linear + squares), then the squares.
        """
    )

    @Argument(help: "A sweep's result folder (or its sweep.sqlite).")
    var store: String

    @Option(help: "Only this metric (default: every metric the sweep kept).")
    var metric: String?

    @Option(help: "Bootstrap resamples.")
    var resamples: Int = 400

    func validate() throws {
        if resamples < 50 || resamples > 100_000 { throw ValidationError("--resamples must be between 50 and 100000, got \(resamples)") }
    }

    func run() throws {
        try reportingSweepErrors {
            let store = try SweepStore.openExisting(store)
            let contents = try store.contents()
            let metrics = metric.map { [$0] } ?? contents.meta.metrics
            if let metric, !contents.meta.metrics.contains(metric) {
                throw SweepError("the store has no metric '\(metric)'; it kept: \(contents.meta.metrics.joined(separator: ", "))")
            }
            let grid = contents.meta.design == "grid"
            print("sweep \(contents.meta.name): \(grid ? "grid: main effects and two-way interactions" : "Latin hypercube: partial rank correlation coefficients and a quadratic response surface"), 95% bootstrap CIs (\(resamples) resamples)\n")
            var analyses: [SweepAnalysis] = []
            for name in metrics {
                guard let analysis = SweepAnalysis.analyze(contents, metric: name, grid: grid, resamples: resamples) else {
                    print("\(name): not enough values to analyze\n")
                    continue
                }
                print(analysis.table)
                analyses.append(analysis)
            }
            let path = ((store.path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("analysis.csv")
            try AtomicFile.write(SweepAnalysis.csv(analyses), to: path)
            printError("wrote \(path) (shown by `ccsim report` after `ccsim sweep summarize`)")
        }
    }
}
