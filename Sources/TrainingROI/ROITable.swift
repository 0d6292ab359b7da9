import Experiments
import Foundation
import Scenarios

/// The ROI study as a trainer reads it on screen: the money lines with intervals, ROI and the
/// chance it pays, the payback week, what changed in service and workforce, and which
/// uncertain effect matters most.
public enum ROITable {
    public static func render(_ result: ROIResult, arms: ROIArms, mode: String, sensitivity: Sensitivity?) -> String {
        var lines: [String] = []
        let level = Formatting.percent(result.confidenceLevel, digits: 0)
        let subject = arms.programs.isEmpty ? "\(arms.with.name) vs \(arms.without.name)" : arms.programs.joined(separator: " + ") + " vs " + (arms.versus ?? "without")
        lines.append("Training ROI  \(subject) · \(arms.with.name)\(arms.with.source.map { " (\($0))" } ?? "")")
        lines.append("Run           \(result.replications.count) paired replications × \(result.weekCount) weeks · seed \(arms.with.run.seed) · \(mode)")
        if let reduction = result.varianceReduction {
            lines.append("              common random numbers: net-benefit variance \(String(format: "%.1f", reduction))× smaller than unpaired"
                + " (interval \(String(format: "%.1f", reduction.squareRoot()))× narrower)")
        }
        lines.append("")

        func row(_ name: String, _ e: ROIResult.Estimate?, _ format: (Double) -> String) -> String {
            guard let e else { return Formatting.pad(name, 32) + Formatting.pad("n/a", 12, right: true) }
            let ci = e.lower.flatMap { lo in e.upper.map { "[\(format(lo)), \(format($0))]" } } ?? ""
            return Formatting.pad(name, 32) + Formatting.pad(format(e.mean), 12, right: true) + "   " + ci
        }
        lines.append(Formatting.pad("money (per run)", 32) + Formatting.pad("mean", 12, right: true) + "   \(level) CI")
        let shown = result.lines
        for line in ROILine.allCases where line.isCost && shown.contains(line) {
            lines.append(row("  − " + line.label, result.estimate(line), Formatting.money))
        }
        for line in ROILine.allCases where !line.isCost && shown.contains(line) {
            lines.append(row("  + " + line.label, result.estimate(line), Formatting.money))
        }
        lines.append(row("total cost", result.cost, Formatting.money))
        lines.append(row("total benefit", result.benefit, Formatting.money))
        lines.append(row("net benefit", result.net, Formatting.money))
        lines.append(row("ROI = (benefit − cost) / cost", result.roi) { Formatting.percent($0) })
        let p = result.probabilityPositive
        lines.append(Formatting.pad("P(ROI > 0)", 32) + Formatting.pad(Formatting.percent(p.share, digits: 0), 12, right: true)
            + "   [\(Formatting.percent(p.lower, digits: 0)), \(Formatting.percent(p.upper, digits: 0))]")
        let payback = result.payback
        let week: (Double?) -> String = { $0.map { "week \(Int($0))" } ?? "never" }
        lines.append(Formatting.pad("payback (median)", 32) + Formatting.pad(week(payback.median), 12, right: true)
            + "   10–90%: \(week(payback.p10)) – \(week(payback.p90)); \(Formatting.percent(payback.withinHorizon, digits: 0))"
            + " pay back within \(result.weekCount) weeks")
        lines.append("")

        lines.append(Formatting.pad("with − without (paired)", 32) + Formatting.pad("with", 12, right: true)
            + Formatting.pad("without", 12, right: true) + "   change [\(level) CI]")
        func change(_ name: String, _ d: ROIResult.Difference?, _ format: @escaping (Double) -> String, points: Bool = false) {
            guard let d else { return }
            let f: (Double) -> String = points ? { String(format: "%+.1f pts", $0 * 100) } : { ($0 >= 0 ? "+" : "") + format($0) }
            let ci = d.change.lower.flatMap { lo in d.change.upper.map { " [\(f(lo)), \(f($0))]" } } ?? ""
            lines.append(Formatting.pad(name, 32) + Formatting.pad(format(d.with.mean), 12, right: true)
                + Formatting.pad(format(d.without.mean), 12, right: true) + "   " + f(d.change.mean) + ci)
        }
        let modelsWorkforce = result.replications.contains(where: { $0.with.weeks.contains { $0.headcount > 0 } })
        for item in result.serviceChanges(channels: arms.with.center.channels.map(\.name)) where modelsWorkforce || !item.isWorkforce {
            switch item.unit {
            case .share: change(item.label, item.difference, { Formatting.percent($0) }, points: true)
            case .seconds: change(item.label, item.difference, Formatting.duration)
            case .count: change(item.label, item.difference, Formatting.number)
            }
        }
        if modelsWorkforce {
            change("headcount, last week", result.difference(week: result.weekCount - 1) { Double($0.headcount) }, Formatting.number)
        }

        if let sensitivity, !sensitivity.rows.isEmpty {
            lines.append("")
            lines.append("Sensitivity: ROI with each uncertain effect at its 5th and 95th percentile, the others at their means")
            lines.append("(\(sensitivity.replications) paired replications each; ROI at the means: \(sensitivity.baseROI.map { Formatting.percent($0) } ?? "n/a"))")
            lines.append(Formatting.pad("effect", 34) + Formatting.pad("range", 20) + Formatting.pad("ROI low", 11, right: true)
                + Formatting.pad("ROI high", 11, right: true) + Formatting.pad("swing", 10, right: true))
            for r in sensitivity.rows {
                let range = "\(signedPercent(r.range.low)) … \(signedPercent(r.range.high))"
                lines.append(Formatting.pad("\(r.range.program).\(r.range.effect)", 34) + Formatting.pad(range, 20)
                    + Formatting.pad(r.roiAtLow.map { Formatting.percent($0) } ?? "n/a", 11, right: true)
                    + Formatting.pad(r.roiAtHigh.map { Formatting.percent($0) } ?? "n/a", 11, right: true)
                    + Formatting.pad(String(format: "%.0f pts", r.swing * 100), 10, right: true))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func signedPercent(_ x: Double) -> String { (x >= 0 ? "+" : "") + Formatting.percent(x, digits: 0) }
}
