import ResultsSchema
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
        // The after-window choice (summary.json `run.after_window: drain`).
        lines.append("After     the window arrivals stop and agents on duty drain the live queues, paid as overtime;")
        lines.append("          backlog work is not started, and what still waits counts as unanswered at end")
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
                                         center: summary.scenario.center)
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
        var rows: [[String]] = []
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
            rows.append([name, mean, interval, theory])
        }
        // Columns sized from their contents, so nothing runs together whatever the values.
        let header = ["metric", "mean", "\(level) CI", theoryTitle]
        let widths = (0..<4).map { k in max([26, 11, 21, 10][k], (rows + [header]).map { $0[k].count }.max() ?? 0) }
        func line(_ row: [String]) -> String {
            Formatting.pad(row[0], widths[0]) + " " + Formatting.pad(row[1], widths[1] - 1, right: true) + "   "
                + Formatting.pad(row[2], widths[2]) + " " + Formatting.pad(row[3], widths[3] - 1, right: true)
        }
        lines.append(line(header))
        lines += rows.map(line)
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

    /// Rows = metrics, columns = tiers or teams, each cell `mean ± half-width`. Columns are as
    /// wide as their longest name or cell (at least 17), and as many go in a group of lines as fit
    /// in `width` columns, so long team names and large money values never run together.
    static func matrix(_ summary: CenterSummary, title: String, scopes: [MetricScope], rows: [Metric]) -> [String] {
        // The Erlang column, for the one team of a single queue (occupancy).
        let hasTheory = scopes.count == 1 && rows.contains { summary.theory($0, scopes[0]) != nil }
        let theoryTitle = hasTheory ? summary.reference?.model.rawValue : nil
        let shown = rows.filter { metric in scopes.contains { summary.metrics($0)[metric] != nil } }
        let labelWidth = max(26, (shown.map(\.label.count).max() ?? 0) + 1)
        let cells = scopes.map { scope in shown.map { cell(summary.metrics(scope)[$0], $0.unit) } }
        let widths = scopes.indices.map { max(17, summary.name(scopes[$0]).count, cells[$0].map(\.count).max() ?? 0) }
        // Groups of columns that fit the width (at least one column each).
        var groups: [[Int]] = []
        for k in scopes.indices {
            let used = labelWidth + (groups.last ?? []).reduce(0) { $0 + widths[$1] + 1 }
            if let last = groups.last, !last.isEmpty, used + widths[k] + 1 <= width, last.count < 8 {
                groups[groups.count - 1].append(k)
            } else {
                groups.append([k])
            }
        }
        var lines: [String] = []
        for (g, group) in groups.enumerated() {
            if g > 0 { lines.append("") }
            var head = Formatting.pad(title, labelWidth - 1) + group.map { " " + Formatting.pad(summary.name(scopes[$0]), widths[$0], right: true) }.joined()
            if let theoryTitle { head += Formatting.pad(theoryTitle, 11, right: true) }
            lines.append(head)
            for (m, metric) in shown.enumerated() {
                guard group.contains(where: { summary.metrics(scopes[$0])[metric] != nil }) else { continue }
                var line = Formatting.pad(metric.label, labelWidth - 1)
                    + group.map { " " + Formatting.pad(cells[$0][m], widths[$0], right: true) }.joined()
                if theoryTitle != nil {
                    line += Formatting.pad(summary.theory(metric, scopes[group[0]]).map { Formatting.value($0, metric.unit) } ?? "", 11, right: true)
                }
                lines.append(line)
            }
        }
        return lines
    }

    /// `89.6% ± 0.9%`; `99.8% [99.1%, 100.0%]` when the possible range cut the interval; the mean
    /// alone when there is no spread; empty where the scope lacks the metric.
    package static func cell(_ item: MetricSummary?, _ unit: Metric.Unit) -> String {
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
            "\(overall[metric]?.mean.map { Formatting.value($0, metric.unit) } ?? "n/a") \(metric.label)"
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
            lines.append("Cost      " + CostWords.notPriced)
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
