import ContactCenter
import Foundation
import Scenarios
import Statistics
import Stochastics

/// The machine-readable outputs of a run: `summary.json` and the tidy
/// `intervals.csv` (one row per interval × metric), documented in results/README.md.
public enum SummaryFiles {
    public static let version = "0.1.0"

    /// Writes `intervals.csv` then `summary.json` into `directory`, each atomically.
    /// `summary.json` goes last, so its presence says the run's output is complete.
    public static func write(_ summary: RunSummary, to directory: String) throws {
        try AtomicFile.write(intervalsCSV(summary), to: "\(directory)/intervals.csv")
        try AtomicFile.write(json(summary), to: "\(directory)/summary.json")
    }

    // MARK: JSON

    struct Document: Encodable {
        var ccsimVersion: String
        var scenario: ScenarioEcho
        var run: RunEcho
        var theoryModel: String?
        var sla: SLA
        var metrics: [String: Entry]
        var intervals: [IntervalEntry]
        var simulated: Simulated
    }

    struct ScenarioEcho: Encodable {
        var name: String
        var file: String?
        var agents: Int
        var arrivalRatePerHour: Double
        var handleTime: DistributionEcho
        var patience: DistributionEcho?
    }

    struct DistributionEcho: Encodable {
        var family: String
        var meanSeconds: Double
        var cv: Double

        init(_ distribution: Distribution) {
            family = distribution.family
            meanSeconds = distribution.mean
            cv = distribution.cv
        }
    }

    struct RunEcho: Encodable {
        var seed: UInt64
        var replications: Int
        var horizonSeconds: Double
        var warmupSeconds: Double
        var intervalSeconds: Double
        var confidenceLevel: Double
    }

    struct SLA: Encodable {
        var answerWithinSeconds: Double
        var target: Double
        var convention: String
        var achieved: Double?
        var met: Bool?
    }

    struct Entry: Encodable {
        var mean: Double?
        var sd: Double?
        var ciLower: Double?
        var ciUpper: Double?
        var replications: Int
        var theory: Double?
    }

    struct IntervalEntry: Encodable {
        var index: Int
        var startSeconds: Double
        var lengthSeconds: Double
        var metrics: [String: Entry]
    }

    struct Simulated: Encodable {
        var arrivals: Int
        var events: Int
    }

    static func entry(_ item: MetricSummary, theory: Double?) -> Entry {
        Entry(mean: item.mean, sd: item.standardDeviation, ciLower: item.confidenceInterval?.lower,
              ciUpper: item.confidenceInterval?.upper, replications: item.replications, theory: theory)
    }

    public static func json(_ summary: RunSummary) throws -> Data {
        let scenario = summary.scenario
        let reference = ErlangReference(scenario)
        let sl = summary[.serviceLevel].mean
        let document = Document(
            ccsimVersion: version,
            scenario: ScenarioEcho(
                name: scenario.name, file: scenario.source, agents: scenario.team.agents,
                arrivalRatePerHour: scenario.arrivals.ratePerSecond * 3600,
                handleTime: DistributionEcho(scenario.handleTime), patience: scenario.patience.map(DistributionEcho.init)
            ),
            run: RunEcho(
                seed: scenario.run.seed, replications: summary.replications.count,
                horizonSeconds: scenario.run.horizon, warmupSeconds: scenario.run.warmup,
                intervalSeconds: scenario.run.interval, confidenceLevel: summary.confidenceLevel
            ),
            theoryModel: reference?.model.rawValue,
            sla: SLA(
                answerWithinSeconds: scenario.serviceLevel.answerWithin, target: scenario.serviceLevel.target,
                convention: scenario.serviceLevel.convention.rawValue, achieved: sl,
                met: sl.map { $0 >= scenario.serviceLevel.target }
            ),
            metrics: Dictionary(uniqueKeysWithValues: summary.metrics.map {
                ($0.metric.rawValue, entry($0, theory: reference?[$0.metric]))
            }),
            intervals: summary.intervals.map { interval in
                IntervalEntry(
                    index: interval.index, startSeconds: interval.start, lengthSeconds: interval.length,
                    metrics: Dictionary(uniqueKeysWithValues: interval.metrics.map { ($0.metric.rawValue, entry($0, theory: nil)) })
                )
            },
            simulated: Simulated(arrivals: summary.arrivalsSimulated, events: summary.eventsHandled)
        )
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(document) + Data("\n".utf8)
    }

    // MARK: CSV

    /// Whole-run metrics: `metric,mean,sd,ci_lower,ci_upper,replications,theory`.
    public static func metricsCSV(_ summary: RunSummary) -> String {
        let reference = ErlangReference(summary.scenario)
        var out = "metric,mean,sd,ci_lower,ci_upper,replications,theory\n"
        for item in summary.metrics {
            out += row([item.metric.rawValue] + fields(item) + [csv(reference?[item.metric])])
        }
        return out
    }

    /// Per-interval metrics in tidy form: `interval,start_s,end_s,metric,mean,sd,ci_lower,ci_upper,replications`.
    public static func intervalsCSV(_ summary: RunSummary) -> String {
        var out = "interval,start_s,end_s,metric,mean,sd,ci_lower,ci_upper,replications\n"
        for interval in summary.intervals {
            for item in interval.metrics {
                out += row([String(interval.index), csv(interval.start), csv(interval.start + interval.length), item.metric.rawValue] + fields(item))
            }
        }
        return out
    }

    static func fields(_ item: MetricSummary) -> [String] {
        [csv(item.mean), csv(item.standardDeviation), csv(item.confidenceInterval?.lower),
         csv(item.confidenceInterval?.upper), String(item.replications)]
    }

    static func row(_ fields: [String]) -> String { fields.joined(separator: ",") + "\n" }

    static func csv(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
