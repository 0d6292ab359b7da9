import Scenarios

/// The terminal table of `ccsim run`: inputs, then each metric's mean with its
/// confidence interval and, where theory applies, the Erlang prediction.
public enum SummaryTable {
    /// Metrics shown, in order (the JSON and CSV outputs carry all of them).
    static let rows: [Metric] = [
        .serviceLevel, .averageSpeedOfAnswer, .waitP90, .waitP95, .abandonmentRate, .probabilityOfWait,
        .occupancy, .meanQueueLength, .meanTimeInQueue, .offered, .answered, .abandoned,
    ]

    public static func render(_ summary: RunSummary) -> String {
        let scenario = summary.scenario
        let reference = ErlangReference(scenario)
        let level = Formatting.percent(summary.confidenceLevel, digits: 0)
        var lines: [String] = []
        let source = scenario.source.map { " (\($0))" } ?? ""
        lines.append("Scenario  \(scenario.name)\(source)")
        let load = scenario.arrivals.ratePerSecond * scenario.handleTime.mean
        var inputs = "\(scenario.team.agents) agents · \(Formatting.ratePerHour(scenario.arrivals.ratePerSecond)) offered (\(Formatting.number((load * 100).rounded() / 100)) Erlangs)"
        inputs += " · handle: \(scenario.handleTime.summary)"
        inputs += " · patience: \(scenario.patience?.summary ?? "unlimited")"
        lines.append("          \(inputs)")
        let run = scenario.run
        let warmup = run.warmup > 0 ? " after \(Formatting.duration(run.warmup)) warm-up" : ", no warm-up"
        lines.append("Run       \(summary.replications.count) replications × \(Formatting.duration(run.horizon)) measured\(warmup) · seed \(run.seed) · \(level) CI (Student t)")
        lines.append("")

        let theoryTitle = reference?.model.rawValue ?? ""
        let header = Formatting.pad("metric", 26) + Formatting.pad("mean", 11, right: true) + "   "
            + Formatting.pad("\(level) CI", 21) + Formatting.pad(theoryTitle, 10, right: true)
        lines.append(header.trimmingTrailingSpaces())
        for metric in rows {
            let item = summary[metric]
            var name = metric.label
            if metric == .serviceLevel {
                name = "service level (\(conventionLabel(scenario.serviceLevel.convention)))"
            }
            let mean = item.mean.map { format($0, metric.unit) } ?? "n/a"
            let interval = item.confidenceInterval.map { "[\(format($0.lower, metric.unit)), \(format($0.upper, metric.unit))]" } ?? ""
            let theory = reference?[metric].map { format($0, metric.unit) } ?? ""
            let line = Formatting.pad(name, 26) + Formatting.pad(mean, 11, right: true) + "   "
                + Formatting.pad(interval, 21) + Formatting.pad(theory, 10, right: true)
            lines.append(line.trimmingTrailingSpaces())
        }
        lines.append("")
        lines.append(slaLine(summary))
        if let worst = worstInterval(summary) { lines.append(worst) }
        return lines.joined(separator: "\n") + "\n"
    }

    static func conventionLabel(_ convention: ServiceLevelConvention) -> String {
        switch convention {
        case .offered: "of offered"
        case .excludingShortAbandons: "excl. short abandons"
        case .answered: "of answered"
        }
    }

    /// `SLA 80% answered within 20s: achieved 78.4% [77.5%, 79.3%]: FAIL`
    static func slaLine(_ summary: RunSummary) -> String {
        let target = summary.scenario.serviceLevel
        let item = summary[.serviceLevel]
        let goal = "SLA \(Formatting.percent(target.target, digits: 0)) answered within \(Formatting.duration(target.answerWithin))"
        guard let mean = item.mean else { return "\(goal): no contact offered" }
        let verdict: String
        if let ci = item.confidenceInterval, ci.lower >= target.target {
            verdict = "MET (whole confidence interval above target)"
        } else if mean >= target.target {
            verdict = "MET on the mean (confidence interval reaches below target)"
        } else if let ci = item.confidenceInterval, ci.upper >= target.target {
            verdict = "MISSED on the mean (confidence interval reaches the target)"
        } else {
            verdict = "MISSED"
        }
        return "\(goal): achieved \(Formatting.percent(mean)) — \(verdict)"
    }

    /// The reporting interval with the lowest mean service level, when there is more than one.
    static func worstInterval(_ summary: RunSummary) -> String? {
        guard summary.intervals.count > 1 else { return nil }
        let levels = summary.intervals.compactMap { interval -> (RunSummary.IntervalSummary, Double)? in
            guard let sl = interval.metrics.first(where: { $0.metric == .serviceLevel })?.mean else { return nil }
            return (interval, sl)
        }
        guard let (interval, sl) = levels.min(by: { $0.1 < $1.1 }) else { return nil }
        let from = Formatting.duration(interval.start)
        let to = Formatting.duration(interval.start + interval.length)
        return "Worst interval: #\(interval.index) (\(from)–\(to) after warm-up), service level \(Formatting.percent(sl))"
    }

    static func format(_ value: Double, _ unit: Metric.Unit) -> String {
        Formatting.value(value, unit)
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
