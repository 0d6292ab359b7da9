import Experiments

/// The one sentence a manager can act on, shown first in the terminal and the report (and
/// stored in `roi.json` so both say the same): what the program costs, what it returns over the
/// horizon, and whether and when it pays back.
public enum ROIVerdict {
    public static func sentence(_ result: ROIResult, subject: String, versus: String?) -> String {
        let name = subject.prefix(1).uppercased() + subject.dropFirst()
        let who = versus.map { "\(name) instead of \($0)" } ?? name
        if result.isInert {
            return "\(who) made no difference in any of the \(result.replications.count) replications over \(result.weekCount) weeks"
                + " (no cost, no time off the phones, no effect on anyone): there is no effect to evaluate"
                + " (check its participants, start_week and effects)"
        }
        if result.hasNoCash {
            return "\(who) costs nothing and returns no cash over \(result.weekCount) weeks: there is nothing to pay back"
                + " (what it changed is in the capacity and service figures)"
        }
        let p = Formatting.percent(result.probabilityPositive.share, digits: 0)
        let benefit = result.benefit.mean
        let returns = benefit >= 0 ? "returns \(Formatting.money(benefit))"
            : "returns no cash (its cash benefit is \(Formatting.money(benefit)): service gets worse)"
        let head = "\(who) costs \(Formatting.money(result.cost.mean)) and \(returns) over \(result.weekCount) weeks"
        let payback = result.payback
        if let week = payback.median {
            let roi = result.roi.map { ", ROI \(ROITable.signedPercent($0.mean))" } ?? ""
            return head + ": it pays back in week \(Int(week)) (median\(roi); P(ROI > 0) = \(p))"
        }
        if payback.withinHorizon > 0 {
            return head + ": it pays back within the horizon in \(Formatting.percent(payback.withinHorizon, digits: 0)) of replications"
                + " only (P(ROI > 0) = \(p))"
        }
        return head + ": it does not pay back within the horizon (P(ROI > 0) = \(p))"
    }

    /// The opening sentence of a `--programs` ranking: the best option, or that none pays.
    public static func ranking(_ ranking: ProgramRanking) -> String {
        let rows = ROIFiles.rankingRows(ranking)
        let weeks = ranking.results[0].weekCount
        let none = Formatting.percent(ranking.probabilityNoneBest, digits: 0)
        let best = rows[0]
        if best.net.mean > 0 {
            return "Best of \(rows.count): \(best.program), net \(Formatting.money(best.net.mean)) over \(weeks) weeks"
                + " (best in \(Formatting.percent(best.probabilityBest, digits: 0)) of replications; no program pays in \(none))"
        }
        return "None of the \(rows.count) programs pays back within \(weeks) weeks: the least costly is \(best.program)"
            + " (net \(Formatting.money(best.net.mean)); no program pays in \(none) of replications)"
    }

    /// How to read the table, in plain words (the terminal's footnote and the report's box).
    public static func howToRead(mode: ROIStudy.Mode, discountRate: Double, confidence: Double) -> [String] {
        let level = Formatting.percent(confidence, digits: 0)
        var lines = [
            "Every figure compares the same simulated weeks with and without the program: the same customers, on the same random numbers.",
            "Brackets are \(level) confidence intervals; P(ROI > 0) is the share of replications (each drawing the uncertain effects) in which the program pays.",
        ]
        switch mode {
        case .fixedStaffing:
            lines.append("Cash: staffing stays as scheduled, so agents are paid either way. Time the program saves is worth cash only through what it buys"
                + " (fewer repeats, escalations, abandonments, penalties, replacements); the rest is capacity freed, shown in hours and FTE and not counted in the ROI."
                + " Training hours off the phones are a cost (their wages).")
        case .equalService:
            lines.append("Cash: each arm is staffed to meet the same service targets, so the time the program saves is labour no longer paid (labour saved)."
                + " Training hours are inside that labour, so they are not a separate cost.")
        }
        lines.append("ROI = (cash benefit − cost) / cost, on the means over the replications. Payback: the week from which cumulative net stays at or above 0."
            + (discountRate > 0 ? " NPV discounts each week's net at \(Formatting.percent(discountRate)) a year." : " NPV: no discount rate set (training.valuation.discount_rate), so it equals the net."))
        lines.append("Break-even: the size of one effect at which ROI = 0, the other effects as drawn. Sensitivity: ROI with one effect at its 5th or 95th percentile.")
        return lines
    }
}
