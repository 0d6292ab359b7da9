import Experiments
import Scenarios

/// `ccsim roi --programs a,b,c` on screen: one sentence naming the best option, the ranking
/// (cost, cash benefit, net, NPV, ROI, payback, P(ROI > 0), P(best)), the paired differences,
/// then each program's own table (verdict, money, break-even, sensitivity).
public enum ROIRankingTable {
    public static func render(_ ranking: ProgramRanking, scenario: Scenario, sensitivities: [String: Sensitivity]) -> String {
        let rows = ROIFiles.rankingRows(ranking)
        let first = ranking.results[0]
        let level = Formatting.percent(first.confidenceLevel, digits: 0)
        let percent: (Double) -> String = { Formatting.percent($0, digits: 0) }
        var lines: [String] = []
        lines.append(ROIVerdict.ranking(ranking) + ".")
        for r in rows { lines.append("  · " + r.verdict + ".") }
        lines.append("")
        lines.append("Training ROI  \(ranking.programs.joined(separator: ", ")) each vs no training · \(scenario.name)\(scenario.source.map { " (\($0))" } ?? "")")
        lines.append("Run           \(first.replications.count) paired replications × \(first.weekCount) weeks · seed \(scenario.run.seed) · fixed-staffing"
            + " · every arm on the same random numbers")
        lines.append("")
        let npvName = first.discountRate > 0 ? "NPV \(Formatting.percent(first.discountRate))" : "NPV"
        let header = ["rank", "program", "cost", "cash benefit", "net", npvName, "ROI", "payback", "P(ROI>0)", "P(best)"]
        let widths = [5, 20, 11, 13, 11, 11, 9, 10, 10, 9]
        func line(_ cells: [String]) -> String {
            zip(cells, widths).enumerated().map { i, c in Formatting.pad(c.0, c.1, right: i > 1) }.joined()
        }
        lines.append(line(header))
        // Each money column in one precision (all with cents, or all whole).
        let cost = Formatting.moneyColumn(rows.map(\.cost)), benefit = Formatting.moneyColumn(rows.map(\.benefit))
        let net = Formatting.moneyColumn(rows.map(\.net.mean)), npv = Formatting.moneyColumn(rows.map(\.npv))
        for (k, r) in rows.enumerated() {
            lines.append(line([String(k + 1), r.program, cost[k], benefit[k], net[k], npv[k], r.roi.map { ROITable.signedPercent($0) } ?? "n/a",
                               r.paybackMedian.map { "week \(Int($0))" } ?? "never", percent(r.probabilityPositive), percent(r.probabilityBest)]))
        }
        lines.append("")
        lines.append("Paired differences of net benefit (\(level) CI)")
        for d in ranking.pairs {
            let ci = d.net.lower.flatMap { lo in d.net.upper.map { " [\(Formatting.money(lo)), \(Formatting.money($0))]" } } ?? ""
            lines.append("  \(d.first) − \(d.second): \(Formatting.money(d.net.mean))\(ci)")
        }
        for (i, name) in ranking.programs.enumerated() {
            lines += ["", String(repeating: "─", count: 72), ""]
            let study = ranking.studies[i]
            lines.append(ROITable.render(ranking.results[i], arms: study.arms, mode: study.mode, modeText: "fixed-staffing · common random numbers",
                                         sensitivity: sensitivities[name], howToRead: i == ranking.programs.count - 1)
                .trimmingCharacters(in: .newlines))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
