import ArgumentParser
import Experiments
import Foundation
import ResultsSchema
import Scenarios
import Staffing

/// `ccsim erlang --forecast F --roster R`: a published roster's agents on the phones beside the
/// per-interval Erlang requirement, the check a planner makes before publishing a week.
extension Erlang {
    /// Reads the roster against the forecast's dates and channels and fills `rostered` on every row.
    /// An agent serves every channel it has a skill on (all channels without a skills column); an
    /// agent on several is shared among them by `BlendedShare`, in proportion to each channel's
    /// requirement in the interval, as `staffing-check.csv` shares a blended team: never counted twice.
    func addRoster(_ path: String, table: ForecastCSV.Table, to rows: inout [RequirementRow]) throws {
        let channels = table.channels.keys.filter { !$0.isEmpty }.sorted()
        let context = RosterCSV.Context(team: nil, teamPath: "", teams: [], channels: channels, start: table.start, days: table.days)
        let roster: TeamRoster
        switch RosterCSV.read(path: path, displayName: path, context: context) {
        case .success(let read): roster = read
        case .failure(let error):
            let lines = error.issues.map { "error: \($0)" }
            Console.note(lines.joined(separator: "\n") + (error.countLine(in: path).map { "\n" + $0 } ?? ""))
            throw ExitCode(2)
        }
        if roster.rowsOutsideRun > 0 {
            Console.note("note: \(path): \(roster.rowsOutsideRun) row\(roster.rowsOutsideRun == 1 ? "" : "s") dated outside the forecast (\(table.start) + \(table.days) days) ignored")
        }
        let weekday = Weekday(rawValue: table.start.weekdayIndex)!
        let perDay = Int((86_400 / table.interval).rounded())
        // Agents on the phones per skill profile (the set of channels they serve), then shared out.
        let all = table.channels.keys.sorted()
        func served(_ agent: RosteredAgent) -> [String] {
            guard let skills = agent.skills, !all.contains("") else { return all }
            return Array(Set(skills.map { channels[$0.channel] })).sorted().filter { table.channels[$0] != nil }
        }
        let profiles = Set(roster.agents.map(served)).sorted { $0.lexicographicallyPrecedes($1) }
        var need: [String: [Double]] = [:]
        for name in all { need[name] = [Double](repeating: 0, count: table.days * perDay) }
        for r in rows {
            need[r.channel]?[table.start.days(to: r.date) * perDay + r.minute * 60 / Int(table.interval)] = Double(r.agents)
        }
        var coverage: [String: [Double]] = [:]
        for name in all { coverage[name] = [Double](repeating: 0, count: table.days * perDay) }
        for profile in profiles where !profile.isEmpty {
            let onPhone = RosterCoverage.onPhone(roster, days: table.days, startWeekday: weekday, interval: table.interval) { served($0) == profile }
            for (slot, agents) in onPhone.enumerated() where agents > 0 {
                let shares = BlendedShare.shares(profile.map { need[$0]?[slot] ?? 0 })
                for (name, share) in zip(profile, shares) { coverage[name]?[slot] += agents * share }
            }
        }
        for i in rows.indices {
            let day = table.start.days(to: rows[i].date)
            let slot = day * perDay + rows[i].minute * 60 / Int(table.interval)
            rows[i].rostered = coverage[rows[i].channel]?[slot] ?? 0
        }
    }

    static func signed(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return (r > 0 ? "+" : "") + Formatting.number(r == 0 ? 0 : r)
    }

    /// Per channel: intervals short of the requirement, agent-hours short and over, and the ten worst intervals.
    func rosterSummary(_ rows: [RequirementRow], table: ForecastCSV.Table) -> String {
        var out = "\nRoster against the requirement (agents on the phones, before absenteeism)\n"
        let hours = table.interval / 3600
        let label = TimeLabel(startDate: table.start)
        for channel in Set(rows.map(\.channel)).sorted() {
            let part = rows.filter { $0.channel == channel }
            let short = part.filter { ($0.overUnder ?? 0) < -1e-9 }
            let shortHours = short.reduce(0) { $0 - ($1.overUnder ?? 0) } * hours
            let overHours = part.reduce(0) { $0 + max(0, $1.overUnder ?? 0) } * hours
            out += "  \(channel.isEmpty ? "all" : channel): \(short.count) of \(part.count) intervals short, \(Formatting.number((shortHours * 10).rounded() / 10)) agent-hours short, \(Formatting.number((overHours * 10).rounded() / 10)) over\n"
            for r in short.sorted(by: { ($0.overUnder ?? 0, $0.date, $0.minute) < ($1.overUnder ?? 0, $1.date, $1.minute) }).prefix(10) {
                let start = Double(table.start.days(to: r.date)) * 86_400 + Double(r.minute) * 60
                out += "    \(Formatting.pad(label.window(from: start, to: start + table.interval), 27))  need \(Formatting.pad(String(r.agents), 4, right: true))  rostered \(Formatting.pad(Formatting.number(((r.rostered ?? 0) * 10).rounded() / 10), 6, right: true))  \(Self.signed(r.overUnder ?? 0))\n"
            }
        }
        return out
    }
}
