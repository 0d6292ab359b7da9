import Scenarios

/// The terminal table of `ccsim run`, at most 100 columns wide: the inputs,
/// one block per channel (its service-level verdict first, then its metrics
/// with confidence intervals and, for a single M/M/n(+M) queue, the Erlang
/// prediction), then tiers, teams and cost. The files carry every metric; the
/// table shows those a planner reads first.
public enum SummaryTable {
    /// Channel metrics shown, in order; `unanswered_at_end` only when some contact was left waiting.
    static let channelRows: [Metric] = [
        .serviceLevel, .averageSpeedOfAnswer, .waitP90, .waitP95, .abandonmentRate, .probabilityOfWait,
        .meanQueueLength, .meanTimeInQueue, .offered, .answered, .abandoned, .unansweredAtEnd,
    ]
    static let tierRows: [Metric] = [
        .handled, .firstContactResolution, .escalationRate, .repeatContacts, .meanResolutionTime,
        .resolvedWithinTarget, .averageHandleTime,
    ]
    /// Team metrics shown; the cost rows only when some team has an hourly cost.
    static let teamRows: [Metric] = [
        .occupancy, .utilisation, .availableAgents, .handled, .overtimeHours, .labourCost, .costPerHandled,
    ]
    static let width = 100
    static let indent = String(repeating: " ", count: 10)
    /// Entities (tiers or teams) per row group of a matrix: 26 + 4 × 18 columns.
    static let columnsPerGroup = 4

    public static func render(_ summary: CenterSummary) -> String {
        var lines = header(summary)
        for c in summary.channels.indices {
            lines += [""] + channelBlock(summary, c)
        }
        lines += [""] + matrix(summary, title: "tier", scopes: summary.tiers.indices.map(MetricScope.tier),
                               rows: tierRows)
        let priced = isPriced(summary)
        lines += [""] + matrix(summary, title: "team", scopes: summary.teams.indices.map(MetricScope.team),
                               rows: teamRows.filter { priced || $0.unit != .money })
        lines += [""] + centerLines(summary, priced: priced)
        return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n") + "\n"
    }

    // MARK: Inputs

    static func header(_ summary: CenterSummary) -> [String] {
        let scenario = summary.scenario
        let source = scenario.source.map { " (\($0))" } ?? ""
        var lines = ["Scenario  \(scenario.name)\(source)"]
        if let queue = summary.singleQueue {
            let load = queue.ratePerSecond * queue.handleTime.mean
            lines += wrap([
                "\(queue.agents) agents",
                "\(Formatting.ratePerHour(queue.ratePerSecond)) offered (\(Formatting.number((load * 100).rounded() / 100)) Erlangs)",
                "handle: \(queue.handleTime.summary)",
            ])
        } else {
            let center = summary.center
            lines += wrap([
                "channels \(center.channels.map(\.name).joined(separator: ", "))",
                "tiers \(center.tiers.map(\.name).joined(separator: ", "))",
                "teams \(center.teams.map(\.name).joined(separator: ", "))",
            ])
        }
        let run = scenario.run
        let level = Formatting.percent(summary.confidenceLevel, digits: 0)
        let warmup = run.warmup > 0 ? " after \(Formatting.duration(run.warmup)) warm-up" : ", no warm-up"
        lines.append("Run       \(summary.replications) replications × \(Formatting.duration(run.horizon)) measured\(warmup) · seed \(run.seed) · \(level) CI (Student t)")
        return lines
    }

    /// Phrases joined by ` · `, on indented lines of at most `width` columns.
    static func wrap(_ phrases: [String]) -> [String] {
        var lines: [String] = []
        var line = ""
        for phrase in phrases {
            if !line.isEmpty && indent.count + line.count + 3 + phrase.count > width {
                lines.append(indent + line)
                line = ""
            }
            line += (line.isEmpty ? "" : " · ") + phrase
        }
        if !line.isEmpty { lines.append(indent + line) }
        return lines
    }

    // MARK: Channels

    static func channelBlock(_ summary: CenterSummary, _ c: Int) -> [String] {
        let channel = summary.channels[c]
        let spec = summary.center.channels[c]
        let kind = channel.name == channel.kind.rawValue ? "" : " (\(channel.kind.rawValue))"
        var title = "Channel   \(channel.name)\(kind) · \(spec.demand.summary)"
        if channel.kind.isLive { title += " · patience: \(spec.patience?.summary ?? "unlimited")" }
        if channel.kind == .chat, let chat = spec.chat { title += " · \(chat.concurrency) chats at once" }
        var lines = [title]
        lines.append(checkLine(channel.serviceLevel, goal: serviceLevelGoal(channel)))
        if let check = channel.averageSpeedOfAnswerCeiling {
            lines.append(checkLine(check, goal: "ASA at most \(Formatting.duration(check.limit))"))
        }
        if let check = channel.abandonmentCeiling {
            lines.append(checkLine(check, goal: "abandonment at most \(Formatting.percent(check.limit, digits: 0))"))
        }
        if let worst = channel.worstInterval {
            let interval = worst.interval
            let when = Formatting.window(from: summary.scenario.run.warmup + interval.start, to: summary.scenario.run.warmup + interval.end,
                                         startWeekday: summary.scenario.center.startWeekday)
            lines.append("  Worst interval: #\(interval.index) (\(when)), service level \(Formatting.percent(worst.serviceLevel))")
        }
        if let penalty = channel.missPenalty, let misses = channel.metrics[.serviceLevelMisses]?.mean {
            let unit = penalty.per == .run ? "run" : penalty.per.rawValue
            lines.append("  SLA missed in \(Formatting.number(misses)) \(unit)\(penalty.per == .run || misses == 1 ? "" : "s") on average"
                + " · penalty \(Formatting.value(penalty.amount, .money)) per missed \(unit)")
        }
        lines.append("")

        let level = Formatting.percent(summary.confidenceLevel, digits: 0)
        let theoryTitle = c == 0 ? summary.reference?.model.rawValue ?? "" : ""
        lines.append(Formatting.pad("metric", 26) + Formatting.pad("mean", 11, right: true) + "   "
            + Formatting.pad("\(level) CI", 21) + Formatting.pad(theoryTitle, 10, right: true))
        for metric in channelRows {
            guard let item = channel.metrics[metric] else { continue }
            if metric == .unansweredAtEnd && (item.mean ?? 0) == 0 { continue }
            let name = metric == .serviceLevel
                ? "service level (\(conventionLabel(channel.serviceLevelTarget.convention)))" : metric.label
            let mean = item.mean.map { Formatting.value($0, metric.unit) } ?? "n/a"
            // Cut to the metric's possible values (see `MetricSummary`).
            let interval = item.confidenceInterval.map {
                "[\(Formatting.value($0.lower, metric.unit)), \(Formatting.value($0.upper, metric.unit))]"
            } ?? ""
            let theory = summary.theory(metric, .channel(c)).map { Formatting.value($0, metric.unit) } ?? ""
            lines.append(Formatting.pad(name, 26) + Formatting.pad(mean, 11, right: true) + "   "
                + Formatting.pad(interval, 21) + Formatting.pad(theory, 10, right: true))
        }
        return lines
    }

    static func conventionLabel(_ convention: ServiceLevelConvention) -> String {
        switch convention {
        case .offered: "of offered"
        case .excludingShortAbandons: "excl. short abandons"
        case .answered: "of answered"
        }
    }

    /// `SLA 80% answered within 20s` (`responded to` for email).
    static func serviceLevelGoal(_ channel: ChannelSummary) -> String {
        let target = channel.serviceLevelTarget
        let verb = channel.kind.isLive ? "answered" : "responded to"
        return "SLA \(Formatting.percent(target.target, digits: 0)) \(verb) within \(Formatting.duration(target.answerWithin))"
    }

    /// `✓ SLA 80% answered within 20s: achieved 84.1% — MET (whole CI above target)`:
    /// the pass/fail mark (✓ when the mean meets the limit), then the verdict.
    static func checkLine(_ check: TargetCheck, goal: String) -> String {
        guard let mean = check.achieved.mean else {
            let missing = check.metric == .averageSpeedOfAnswer ? "no contact answered" : "no contact offered"
            return "– \(goal): \(missing)"
        }
        let mark = check.passed == true ? "✓" : "✗"
        return "\(mark) \(goal): achieved \(Formatting.value(mean, check.metric.unit)) — \(verdictText(check))"
    }

    static func verdictText(_ check: TargetCheck) -> String {
        let limit = check.bound == .atLeast ? "target" : "ceiling"
        let side = check.bound == .atLeast ? "above" : "below"
        let across = check.bound == .atLeast ? "below" : "above"
        switch check.verdict {
        case .met: return "MET (whole CI \(side) \(limit))"
        case .metOnMean where check.achieved.confidenceInterval == nil: return "MET on the mean (one replication, no CI)"
        case .metOnMean: return "MET on the mean (CI reaches \(across) \(limit))"
        case .missedOnMean: return "MISSED on the mean (CI reaches the \(limit))"
        case .missed: return "MISSED"
        case .undefined: return "undefined"
        }
    }

    // MARK: Tiers and teams

    /// Rows = metrics, columns = tiers or teams, each cell `mean ± half-width`,
    /// in groups of `columnsPerGroup` columns so that any number fits the width.
    static func matrix(_ summary: CenterSummary, title: String, scopes: [MetricScope], rows: [Metric]) -> [String] {
        // The Erlang column, for the one team of a single queue (occupancy).
        let hasTheory = scopes.count == 1 && rows.contains { summary.theory($0, scopes[0]) != nil }
        let theoryTitle = hasTheory ? summary.reference?.model.rawValue : nil
        var lines: [String] = []
        for start in stride(from: 0, to: scopes.count, by: columnsPerGroup) {
            let group = Array(scopes[start..<min(start + columnsPerGroup, scopes.count)])
            if start > 0 { lines.append("") }
            var head = Formatting.pad(title, 26) + group.map { Formatting.pad(summary.name($0), 17, right: true) }.joined(separator: " ")
            if let theoryTitle { head += Formatting.pad(theoryTitle, 11, right: true) }
            lines.append(head)
            for metric in rows {
                let items = group.map { summary.metrics($0)[metric] }
                guard items.contains(where: { $0 != nil }) else { continue }
                var line = Formatting.pad(metric.label, 26)
                    + items.map { Formatting.pad(cell($0, metric.unit), 17, right: true) }.joined(separator: " ")
                if theoryTitle != nil {
                    line += Formatting.pad(summary.theory(metric, group[0]).map { Formatting.value($0, metric.unit) } ?? "", 11, right: true)
                }
                lines.append(line)
            }
        }
        return lines
    }

    /// `89.6% ± 0.9%`; `99.8% [99.1%, 100.0%]` when the possible range cut the interval; the mean
    /// alone when there is no spread; empty where the scope lacks the metric.
    static func cell(_ item: MetricSummary?, _ unit: Metric.Unit) -> String {
        guard let item else { return "" }
        guard let mean = item.mean else { return "n/a" }
        let value = Formatting.value(mean, unit)
        guard let ci = item.confidenceInterval, ci.halfWidth > 0 else { return value }
        if ci.isTruncated { return "\(value) [\(Formatting.value(ci.lower, unit)), \(Formatting.value(ci.upper, unit))]" }
        return "\(value) ± \(Formatting.value(ci.halfWidth, unit))"
    }

    // MARK: Center

    static func isPriced(_ summary: CenterSummary) -> Bool {
        summary.teams.contains { $0.hourlyCost > 0 }
    }

    static func centerLines(_ summary: CenterSummary, priced: Bool) -> [String] {
        let overall = summary.overall
        let counts = [Metric.offered, .handled, .resolved].map { metric in
            "\(overall[metric]?.mean.map(Formatting.number) ?? "n/a") \(metric.label)"
        }
        var lines = ["Center    " + counts.joined(separator: " · ")]
        if priced {
            var cost = "Cost      labour \(cell(overall[.labourCost], .money))"
            if let penalty = overall[.slaPenalty], penalty.mean != nil {
                cost += " · SLA penalties \(cell(penalty, .money)) · total \(cell(overall[.totalCost], .money))"
            }
            lines.append(cost)
            var perContact: [String] = []
            if let perHandled = overall[.costPerHandled], perHandled.mean != nil {
                perContact.append("\(cell(perHandled, .money)) per handled contact")
            }
            if let perResolved = overall[.costPerResolved], perResolved.mean != nil {
                perContact.append("\(cell(perResolved, .money)) per resolved contact")
            }
            if !perContact.isEmpty { lines.append("          " + perContact.joined(separator: " · ")) }
        } else {
            lines.append("Cost      not priced: no team has an hourly cost")
        }
        return lines
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
