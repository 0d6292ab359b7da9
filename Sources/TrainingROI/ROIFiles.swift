import Experiments
import Foundation
import ResultsSchema
import Scenarios

/// `ccsim roi --out DIR`: `roi.json` (everything the table shows, plus each replication's ROI
/// for a histogram), `weekly.csv` (per week: net benefit and its cumulative path with a band,
/// each money line, service level and workforce of both arms), `replications.csv` (one row per
/// paired replication) and, with a sensitivity study, `tornado.csv`. Each written atomically.
public enum ROIFiles {
    public static func write(_ result: ROIResult, arms: ROIArms, mode: ROIStudy.Mode, sensitivity: Sensitivity?, to directory: String,
                             ranking: [RankingRow]? = nil, rankingVerdict: String? = nil) throws {
        try AtomicFile.write(weeklyCSV(result, arms: arms), to: "\(directory)/weekly.csv")
        try AtomicFile.write(replicationsCSV(result), to: "\(directory)/replications.csv")
        if let sensitivity { try AtomicFile.write(tornadoCSV(sensitivity), to: "\(directory)/tornado.csv") }
        try AtomicFile.write(json(result, arms: arms, mode: mode, sensitivity: sensitivity, ranking: ranking, rankingVerdict: rankingVerdict),
                             to: "\(directory)/roi.json")
    }

    /// `--programs`: each program's files in `programs/<name>/`, `ranking.csv`, and at the top the
    /// best program's files with the ranking in its `roi.json` (what `ccsim report` opens).
    public static func write(_ ranking: ProgramRanking, sensitivities: [String: Sensitivity], to directory: String) throws {
        let rows = rankingRows(ranking)
        for (i, name) in ranking.programs.enumerated() {
            try write(ranking.results[i], arms: ranking.studies[i].arms, mode: ranking.studies[i].mode, sensitivity: sensitivities[name],
                      to: "\(directory)/programs/\(name)")
        }
        var csv = ["rank,program,cost,benefit,net,net_lower,net_upper,npv,roi,p_roi_positive,p_best,payback_median_week"]
        for (k, r) in rows.enumerated() {
            csv.append([String(k + 1), r.program, cell(r.cost), cell(r.benefit), cell(r.net.mean), cell(r.net.lower), cell(r.net.upper),
                        cell(r.npv), cell(r.roi), cell(r.probabilityPositive), cell(r.probabilityBest), cell(r.paybackMedian)].joined(separator: ","))
        }
        try AtomicFile.write(Data((csv.joined(separator: "\n") + "\n").utf8), to: "\(directory)/ranking.csv")
        let best = ranking.programs.firstIndex(of: rows[0].program)!
        try write(ranking.results[best], arms: ranking.studies[best].arms, mode: ranking.studies[best].mode,
                  sensitivity: sensitivities[rows[0].program], to: directory, ranking: rows, rankingVerdict: ROIVerdict.ranking(ranking))
    }

    /// One program of a `--programs` ranking, as `roi.json` and the report show it.
    public struct RankingRow: Encodable, Sendable {
        public var program: String
        public var verdict: String
        public var cost: Double
        public var benefit: Double
        public var net: ROIResult.Estimate
        public var npv: Double
        public var roi: Double?
        public var probabilityPositive: Double
        public var probabilityBest: Double
        public var paybackMedian: Double?
        /// Net benefit of this program minus the next one down the ranking, paired.
        public var netOverNext: ROIResult.Estimate?
    }

    public static func rankingRows(_ ranking: ProgramRanking) -> [RankingRow] {
        let ranked = ranking.ranked
        let pairs = ranking.pairs
        return ranked.enumerated().map { k, e in
            let next = k + 1 < ranked.count ? pairs.first { $0.first == e.program && $0.second == ranked[k + 1].program }?.net : nil
            return RankingRow(program: e.program, verdict: ROIVerdict.sentence(e.result, subject: e.program, versus: nil),
                              cost: e.result.cost.mean, benefit: e.result.benefit.mean, net: e.result.net, npv: e.result.netPresentValue.mean,
                              roi: e.result.roi?.mean, probabilityPositive: e.result.probabilityPositive.share, probabilityBest: e.probabilityBest,
                              paybackMedian: e.result.payback.median, netOverNext: next)
        }
    }

    static func cell(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "" }
        return String(format: "%.6g", x)
    }

    static func mean(_ values: [Double?]) -> Double? {
        let present = values.compactMap { $0 }
        return present.isEmpty ? nil : present.reduce(0, +) / Double(present.count)
    }

    public static func weeklyCSV(_ result: ROIResult, arms: ROIArms) -> Data {
        let channels = arms.with.center.channels.map(\.name)
        let lines = result.lines
        var header = ["week", "net", "cumulative_net", "cumulative_net_lower", "cumulative_net_upper", "cost", "benefit"]
        header += lines.map(\.rawValue)
        for c in channels { header += ["sl_\(c)_with", "sl_\(c)_without"] }
        header += ["handle_hours_with", "handle_hours_without", "repeats_with", "repeats_without",
                   "headcount_with", "headcount_without", "leavers_with", "leavers_without", "hires_with", "hires_without"]
        var rows = [header.joined(separator: ",")]
        let reps = result.replications
        for w in 0..<result.weekCount {
            let week = reps.map { $0.weeklyLines[w] }
            let cumulative = result.cumulativeNet(week: w)
            var row = [String(w + 1), cell(mean(week.map { ROIValuation.net($0) })), cell(cumulative.mean),
                       cell(cumulative.lower), cell(cumulative.upper),
                       cell(mean(week.map { ROIValuation.cost($0) })),
                       cell(mean(week.map { ROIValuation.net($0) + ROIValuation.cost($0) }))]
            row += lines.map { line in cell(mean(week.map { $0[line] ?? 0 })) }
            for c in channels.indices {
                row += [cell(mean(reps.map { $0.with.weeks[w].serviceLevel(channel: c) })),
                        cell(mean(reps.map { $0.without.weeks[w].serviceLevel(channel: c) }))]
            }
            func both(_ figure: (ArmWeek) -> Double) -> [String] {
                [cell(mean(reps.map { figure($0.with.weeks[w]) })), cell(mean(reps.map { figure($0.without.weeks[w]) }))]
            }
            row += both { $0.handleSeconds / 3600 } + both { Double($0.repeats) } + both { Double($0.headcount) }
                + both { Double($0.leavers) } + both { Double($0.hires) }
            rows.append(row.joined(separator: ","))
        }
        return Data((rows.joined(separator: "\n") + "\n").utf8)
    }

    public static func replicationsCSV(_ result: ROIResult) -> Data {
        let lines = result.lines
        var rows = [(["replication", "roi", "net", "cost", "benefit", "payback_week"] + lines.map(\.rawValue)).joined(separator: ",")]
        for r in result.replications {
            let totals = r.lines
            var row = [String(r.replication), cell(r.roi), cell(r.net), cell(r.cost), cell(r.net + r.cost),
                       r.paybackWeek.map(String.init) ?? ""]
            row += lines.map { cell(totals[$0] ?? 0) }
            rows.append(row.joined(separator: ","))
        }
        return Data((rows.joined(separator: "\n") + "\n").utf8)
    }

    public static func tornadoCSV(_ sensitivity: Sensitivity) -> Data {
        var rows = ["program,effect,basis,p5,mean,p95,roi_at_p5,roi_at_p95,swing,base_roi"]
        for r in sensitivity.rows {
            rows.append([r.range.program, r.range.effect, r.range.basis ?? "relative", cell(r.range.low), cell(r.range.base), cell(r.range.high),
                         cell(r.roiAtLow), cell(r.roiAtHigh), cell(r.swing), cell(sensitivity.baseROI)].joined(separator: ","))
        }
        return Data((rows.joined(separator: "\n") + "\n").utf8)
    }

    // MARK: roi.json

    struct Document: Encodable {
        var kind = "roi"
        var ccsimVersion = ResultsVersion.ccsim
        var verdict: String
        /// With `--programs`: the ranking's opening sentence (the report opens with it).
        var rankingVerdict: String?
        var howToRead: [String]
        var scenario: String
        var file: String?
        var programs: [String]
        var versus: String?
        var mode: String
        var seed: UInt64
        var replications: Int
        var weeks: Int
        var confidenceLevel: Double
        var lines: [Line]
        var cost: ROIResult.Estimate
        var benefit: ROIResult.Estimate
        var net: ROIResult.Estimate
        var roi: ROIResult.Estimate?
        var discountRate: Double
        var npv: ROIResult.Estimate
        var probabilityPositive: Share
        var payback: ROIResult.Payback
        var discountedPayback: ROIResult.Payback
        /// Fixed staffing: agent time freed, not cash (hours over the run, and FTE).
        var capacity: Capacity?
        var varianceReduction: Double?
        var changes: [Change]
        var cumulativeNet: [ROIResult.Estimate]
        var roiByReplication: [Double?]
        var sensitivity: SensitivityEcho?
        var effects: [EffectRange]
        var breakEven: [BreakEvenEcho]?
        var ranking: [RankingRow]?
    }

    struct Capacity: Encodable {
        var handlingHoursSaved: ROIResult.Estimate
        var offPhoneHours: ROIResult.Estimate
        var netHours: ROIResult.Estimate
        var netFte: ROIResult.Estimate
        var hoursPerFte: Double
    }

    struct BreakEvenEcho: Encodable {
        var program: String
        var effect: String
        var basis: String?
        var outcome: String
        var value: Double
        var sentence: String
    }

    struct Line: Encodable {
        var name: String
        var label: String
        var isCost: Bool
        var estimate: ROIResult.Estimate
    }

    struct Share: Encodable {
        var share: Double
        var lower: Double
        var upper: Double
    }

    struct Change: Encodable {
        var name: String
        var label: String
        var unit: String
        var difference: ROIResult.Difference
    }

    struct SensitivityEcho: Encodable {
        var replications: Int
        var baseRoi: Double?
        var rows: [Sensitivity.Row]
    }

    public static func json(_ result: ROIResult, arms: ROIArms, mode: ROIStudy.Mode, sensitivity: Sensitivity?, ranking: [RankingRow]? = nil,
                            rankingVerdict: String? = nil) throws -> Data {
        let changes = result.serviceChanges(channels: arms.with.center.channels.map(\.name)).map {
            Change(name: $0.key, label: $0.label, unit: $0.unit.rawValue, difference: $0.difference)
        }
        let p = result.probabilityPositive
        let document = Document(
            verdict: ROIVerdict.sentence(result, subject: ROITable.subject(arms), versus: arms.versus), rankingVerdict: rankingVerdict,
            howToRead: ROIVerdict.howToRead(mode: mode, discountRate: result.discountRate, confidence: result.confidenceLevel),
            scenario: arms.with.name, file: arms.with.source, programs: arms.programs, versus: arms.versus, mode: mode.rawValue, seed: arms.with.run.seed,
            replications: result.replications.count, weeks: result.weekCount, confidenceLevel: result.confidenceLevel,
            lines: result.lines.map { Line(name: $0.rawValue, label: $0.label, isCost: $0.isCost, estimate: result.estimate($0)) },
            cost: result.cost, benefit: result.benefit, net: result.net, roi: result.roi,
            discountRate: result.discountRate, npv: result.netPresentValue,
            probabilityPositive: Share(share: p.share, lower: p.lower, upper: p.upper), payback: result.payback,
            discountedPayback: result.discountedPayback,
            capacity: mode == .fixedStaffing ? Capacity(handlingHoursSaved: result.handlingHoursSaved, offPhoneHours: result.offPhoneHours,
                                                        netHours: result.netCapacityHours, netFte: result.netCapacityFTE,
                                                        hoursPerFte: CapacityFreed.hoursPerFTE) : nil,
            varianceReduction: result.varianceReduction, changes: changes,
            cumulativeNet: (0..<result.weekCount).map(result.cumulativeNet(week:)),
            roiByReplication: result.replications.map(\.roi),
            sensitivity: sensitivity.map { SensitivityEcho(replications: $0.replications, baseRoi: $0.baseROI, rows: $0.rows) },
            effects: Sensitivity.ranges(arms),
            breakEven: sensitivity.map { $0.breakEven.map {
                BreakEvenEcho(program: $0.program, effect: $0.effect, basis: $0.basis, outcome: $0.outcome.rawValue, value: $0.value,
                              sentence: "\($0.program) \($0.sentence)")
            } },
            ranking: ranking)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(document) + Data("\n".utf8)
    }
}
