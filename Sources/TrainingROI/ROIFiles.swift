import Experiments
import Foundation
import Scenarios

/// `ccsim roi --out DIR`: `roi.json` (everything the table shows, plus each replication's ROI
/// for a histogram), `weekly.csv` (per week: net benefit and its cumulative path with a band,
/// each money line, service level and workforce of both arms), `replications.csv` (one row per
/// paired replication) and, with a sensitivity study, `tornado.csv`. Each written atomically.
public enum ROIFiles {
    public static func write(_ result: ROIResult, arms: ROIArms, mode: String, sensitivity: Sensitivity?, to directory: String) throws {
        try AtomicFile.write(weeklyCSV(result, arms: arms), to: "\(directory)/weekly.csv")
        try AtomicFile.write(replicationsCSV(result), to: "\(directory)/replications.csv")
        if let sensitivity { try AtomicFile.write(tornadoCSV(sensitivity), to: "\(directory)/tornado.csv") }
        try AtomicFile.write(json(result, arms: arms, mode: mode, sensitivity: sensitivity), to: "\(directory)/roi.json")
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
        var rows = ["program,effect,low,base,high,roi_at_low,roi_at_high,swing"]
        for r in sensitivity.rows {
            rows.append([r.range.program, r.range.effect, cell(r.range.low), cell(r.range.base), cell(r.range.high),
                         cell(r.roiAtLow), cell(r.roiAtHigh), cell(r.swing)].joined(separator: ","))
        }
        return Data((rows.joined(separator: "\n") + "\n").utf8)
    }

    // MARK: roi.json

    struct Document: Encodable {
        var kind = "roi"
        var ccsimVersion = SummaryFiles.version
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
        var probabilityPositive: Share
        var payback: ROIResult.Payback
        var varianceReduction: Double?
        var changes: [Change]
        var cumulativeNet: [ROIResult.Estimate]
        var roiByReplication: [Double?]
        var sensitivity: SensitivityEcho?
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
        var unit: String
        var difference: ROIResult.Difference
    }

    struct SensitivityEcho: Encodable {
        var replications: Int
        var baseRoi: Double?
        var rows: [Sensitivity.Row]
    }

    public static func json(_ result: ROIResult, arms: ROIArms, mode: String, sensitivity: Sensitivity?) throws -> Data {
        let changes = result.serviceChanges(channels: arms.with.center.channels.map(\.name)).map {
            Change(name: $0.key, unit: $0.unit.rawValue, difference: $0.difference)
        }
        let p = result.probabilityPositive
        let document = Document(
            scenario: arms.with.name, file: arms.with.source, programs: arms.programs, versus: arms.versus, mode: mode, seed: arms.with.run.seed,
            replications: result.replications.count, weeks: result.weekCount, confidenceLevel: result.confidenceLevel,
            lines: result.lines.map { Line(name: $0.rawValue, label: $0.label, isCost: $0.isCost, estimate: result.estimate($0)) },
            cost: result.cost, benefit: result.benefit, net: result.net, roi: result.roi,
            probabilityPositive: Share(share: p.share, lower: p.lower, upper: p.upper), payback: result.payback,
            varianceReduction: result.varianceReduction, changes: changes,
            cumulativeNet: (0..<result.weekCount).map(result.cumulativeNet(week:)),
            roiByReplication: result.replications.map(\.roi),
            sensitivity: sensitivity.map { SensitivityEcho(replications: $0.replications, baseRoi: $0.baseROI, rows: $0.rows) })
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(document) + Data("\n".utf8)
    }
}
