import Experiments
import Foundation
import ResultsSchema
import Scenarios

/// The ROI study as a trainer reads it on screen: one sentence first, then the cash lines with
/// intervals, the capacity freed (not cash), ROI, NPV and the chance it pays, payback, what
/// changed in service and workforce, the break-even effects and which uncertain effect matters most.
public enum ROITable {
    public static func render(_ result: ROIResult, arms: ROIArms, mode: ROIStudy.Mode, modeText: String, sensitivity: Sensitivity?,
                              staffingNote: String? = nil, howToRead: Bool = true) -> String {
        var lines: [String] = []
        let level = Formatting.percent(result.confidenceLevel, digits: 0)
        lines.append(ROIVerdict.sentence(result, subject: subject(arms), versus: arms.versus))
        lines.append("")
        let compared = arms.programs.isEmpty ? "\(arms.with.name) vs \(arms.without.name)" : arms.programs.joined(separator: " + ") + " vs " + (arms.versus ?? "no training")
        lines.append("Training ROI  \(compared) · \(arms.with.name)\(arms.with.source.map { " (\($0))" } ?? "")")
        lines.append("Run           \(result.replications.count) paired replications × \(result.weekCount) weeks · seed \(arms.with.run.seed) · \(modeText)")
        if let staffingNote { lines.append("              " + staffingNote) }
        if let reduction = result.varianceReduction {
            lines.append("              common random numbers: net-benefit variance \(String(format: "%.1f", reduction))× smaller than unpaired"
                + " (interval \(String(format: "%.1f", reduction.squareRoot()))× narrower)")
        }
        lines.append("")

        func row(_ name: String, mean: String, interval: (String, String)?, clamped: Bool?) -> String {
            let ci = (interval.map { "[\($0.0), \($0.1)]" } ?? "") + ROIWords.heldSuffix(clamped)
            return Formatting.pad(name, 34) + Formatting.pad(mean, 12, right: true) + "   " + ci
        }
        func row(_ name: String, _ e: ROIResult.Estimate?, _ format: (Double) -> String) -> String {
            guard let e else { return Formatting.pad(name, 34) + Formatting.pad("n/a", 12, right: true) }
            return row(name, mean: format(e.mean), interval: e.lower.flatMap { lo in e.upper.map { (format(lo), format($0)) } }, clamped: e.clamped)
        }
        /// Money and its interval in one precision: `272 [-462, 1,007]`, not `272.25 [-462.07, 1,007]`.
        func row(_ name: String, money e: ROIResult.Estimate) -> String {
            let text = Formatting.moneyColumn([e.mean, e.lower ?? e.mean, e.upper ?? e.mean])
            return row(name, mean: text[0], interval: e.lower != nil && e.upper != nil ? (text[1], text[2]) : nil, clamped: e.clamped)
        }
        lines.append(Formatting.pad("cash over \(result.weekCount) weeks", 34) + Formatting.pad("mean", 12, right: true) + "   \(level) CI")
        let shown = result.lines
        for line in ROILine.allCases where line.isCost && shown.contains(line) {
            lines.append(row("  − " + line.label, money: result.estimate(line)))
        }
        for line in ROILine.allCases where !line.isCost && shown.contains(line) {
            lines.append(row("  + " + line.label, money: result.estimate(line)))
        }
        lines.append(row("total cost", money: result.cost))
        lines.append(row("cash benefit", money: result.benefit))
        lines.append(row("net benefit", money: result.net))
        if result.discountRate > 0 {
            lines.append(row("NPV at \(Formatting.percent(result.discountRate)) a year", money: result.netPresentValue))
        }
        lines.append(row(ROIWords.roi, result.roi) { signedPercent($0, digits: 1) })
        let p = result.probabilityPositive
        lines.append(Formatting.pad("P(ROI > 0)", 34) + Formatting.pad(Formatting.percent(p.share, digits: 0), 12, right: true)
            + "   [\(Formatting.percent(p.lower, digits: 0)), \(Formatting.percent(p.upper, digits: 0))]")
        if result.hasNoCash {
            lines.append(Formatting.pad("payback", 34) + Formatting.pad("n/a", 12, right: true)
                + "   no cost and no cash benefit in any replication: nothing to pay back")
        } else {
            lines.append(paybackRow("payback (median)", result.payback, weeks: result.weekCount))
        }
        if result.discountRate > 0 && !result.hasNoCash {
            lines.append(paybackRow("discounted payback (median)", result.discountedPayback, weeks: result.weekCount))
        }
        lines.append("")
        if mode == .fixedStaffing {
            let hours: (Double) -> String = { Formatting.money($0) + " h" }
            lines.append("capacity freed (not cash, not in the ROI: agents are paid either way)")
            lines.append(row("  handling hours saved", result.handlingHoursSaved, hours))
            lines.append(row("  − hours off the phones", result.offPhoneHours, hours))
            lines.append(row("  net hours freed", result.netCapacityHours, hours))
            lines.append(row("  as full-time agents (40 h/week)", result.netCapacityFTE) { String(format: "%.2f FTE", $0) })
            lines.append("")
        }

        lines.append(Formatting.pad("with − without (paired)", 34) + Formatting.pad("with", 12, right: true)
            + Formatting.pad("without", 12, right: true) + "   change [\(level) CI]")
        func change(_ name: String, _ d: ROIResult.Difference?, _ format: @escaping (Double) -> String, points: Bool = false,
                    delta: ((Double) -> String)? = nil) {
            guard let d else { return }
            let deltaFormat = delta ?? format
            let f: (Double) -> String = points ? { String(format: "%+.1f pts", $0 * 100) } : { ($0 >= 0 ? "+" : "") + deltaFormat($0) }
            let ci = d.change.lower.flatMap { lo in d.change.upper.map { " [\(f(lo)), \(f($0))]" } } ?? ""
            lines.append(Formatting.pad(name, 34) + Formatting.pad(format(d.with.mean), 12, right: true)
                + Formatting.pad(format(d.without.mean), 12, right: true) + "   " + f(d.change.mean) + ci)
        }
        let modelsWorkforce = result.replications.contains(where: { $0.with.weeks.contains { $0.headcount > 0 } })
        let count: (Double) -> String = { abs($0) >= 100 ? Formatting.money($0) : Formatting.number($0) }
        /// A change and its interval in one precision: whole numbers when any of them reaches 100
        /// (`-1,033 [-1,522, -543]`, not `-1,033 [-1,522, -543.49]`), else as they are (`-0.333 [-0.875, +0.209]`).
        func countChange(_ d: ROIResult.Difference?) -> (Double) -> String {
            let values = [d?.change.mean, d?.change.lower, d?.change.upper].compactMap { $0 }
            guard values.contains(where: { abs($0) >= 100 }) else { return { Formatting.number($0) } }
            return { (x: Double) -> String in ValueText.count(x.rounded()) }
        }
        for item in result.serviceChanges(channels: arms.with.center.channels.map(\.name)) where modelsWorkforce || !item.isWorkforce {
            switch item.unit {
            case .share: change(item.label, item.difference, { Formatting.percent($0) }, points: true)
            case .seconds: change(item.label, item.difference, Formatting.duration)
            case .count: change(item.label, item.difference, count, delta: countChange(item.difference))
            }
        }
        if modelsWorkforce {
            let headcount = result.difference(week: result.weekCount - 1) { Double($0.headcount) }
            change("headcount, last week", headcount, count, delta: countChange(headcount))
        }

        // Always shown, with or without a sensitivity study: how each effect was read is what a
        // surprising ROI is checked against first.
        if !arms.programs.isEmpty {
            let ranges = Sensitivity.ranges(arms)
            lines += ["", "Effects as written (\(arms.programs.joined(separator: ", "))):" + (ranges.isEmpty ? " none" : "")]
            for r in ranges {
                let basis = r.effect == "fcr" ? (r.basis == "points" ? " (percentage points, added)" : " (relative, multiplied)") : " (relative)"
                let value = r.varies ? "mean \(r.describe(r.base)), 5th–95th pct \(r.describe(r.low)) … \(r.describe(r.high))" : r.describe(r.base)
                lines.append("  \(r.program): \(EffectRange.words(r.effect))\(basis) \(value)")
            }
        }
        if let sensitivity {
            if !sensitivity.breakEven.isEmpty {
                lines += ["", "Break-even (ROI = 0 on \(sensitivity.replications) paired replications; the other effects as drawn):"]
                for b in sensitivity.breakEven { lines.append("  \(b.program) \(b.sentence)") }
            }
        }
        if let sensitivity, !sensitivity.rows.isEmpty {
            lines.append("")
            lines.append("Sensitivity: ROI with one effect fixed at a percentile of its range, the others as drawn")
            lines.append("(base: the headline ROI on the same \(sensitivity.replications) paired replications, \(sensitivity.baseROI.map { signedPercent($0, digits: 1) } ?? "n/a"))")
            lines.append(Formatting.pad("effect", 40) + Formatting.pad("5th … 95th pct", 22) + Formatting.pad("at 5th pct effect", 19, right: true)
                + Formatting.pad("at 95th pct effect", 20, right: true) + Formatting.pad("swing", 10, right: true))
            for r in sensitivity.rows {
                let range = "\(r.range.describe(r.range.low)) … \(r.range.describe(r.range.high))"
                lines.append(Formatting.pad("\(r.range.program): \(EffectRange.words(r.range.effect))", 40) + Formatting.pad(range, 22)
                    + Formatting.pad(r.roiAtLow.map { signedPercent($0, digits: 1) } ?? "n/a", 19, right: true)
                    + Formatting.pad(r.roiAtHigh.map { signedPercent($0, digits: 1) } ?? "n/a", 20, right: true)
                    + Formatting.pad(String(format: "%.0f pts", r.swing * 100), 10, right: true))
            }
        }
        guard howToRead else { return lines.joined(separator: "\n") + "\n" }
        lines += ["", "How to read this"]
        lines += ROIVerdict.howToRead(mode: mode, discountRate: result.discountRate, confidence: result.confidenceLevel).map { "  · " + $0 }
        return lines.joined(separator: "\n") + "\n"
    }

    static func paybackRow(_ name: String, _ payback: ROIResult.Payback, weeks: Int) -> String {
        let week: (Double?) -> String = { $0.map { "week \(Int($0))" } ?? "never" }
        return Formatting.pad(name, 34) + Formatting.pad(week(payback.median), 12, right: true)
            + "   10–90%: \(week(payback.p10)) – \(week(payback.p90)); \(Formatting.percent(payback.withinHorizon, digits: 0))"
            + " pay back within \(weeks) weeks"
    }

    /// What the verdict names: the program(s), or the scenario compared with another.
    public static func subject(_ arms: ROIArms) -> String {
        arms.programs.isEmpty ? arms.with.name : arms.programs.joined(separator: " + ")
    }

    static func signedPercent(_ x: Double, digits: Int = 0) -> String { (x >= 0 ? "+" : "") + Formatting.percent(x, digits: digits) }
}
