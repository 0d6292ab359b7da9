import Analytics
import ArgumentParser
import Experiments
import Foundation
import ResultsSchema
import Scenarios
import Staffing

/// `ccsim erlang --forecast forecast.csv`: the per-interval Erlang table planners keep in a
/// spreadsheet, one row per forecast interval and channel, as a table and (`--out`) as CSV.
extension Erlang {
    /// One interval of one channel.
    struct RequirementRow {
        var date: CivilDate
        var minute: Int
        var channel: String
        var volume: Double
        var aht: Double
        var load: Double
        var agents: Int
        var scheduled: Double
        var serviceLevel: Double?
        var asa: Double?
        var occupancy: Double?
        /// With `--roster`: the roster's mean agents on the phones in the interval.
        var rostered: Double?
        var overUnder: Double? { rostered.map { $0 - Double(agents) } }
    }

    static let csvHeader = "date,weekday,start,end,channel,volume,aht_s,load_erlangs,agents,scheduled,service_level,asa_s,occupancy"

    func concurrencies() throws -> [String: Int] {
        var found: [String: Int] = [:]
        for item in concurrency {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, let k = Int(parts[1]), (1...100).contains(k) else {
                throw ValidationError("--concurrency takes CHANNEL=K with K from 1 to 100, e.g. chat=3; got '\(item)'")
            }
            found[parts[0]] = k
        }
        return found
    }

    /// `--slowdown CHANNEL=SHARE` by channel.
    func slowdowns() throws -> [String: Double] {
        var found: [String: Double] = [:]
        for item in slowdown {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ValidationError("--slowdown takes CHANNEL=SHARE, e.g. chat=10%; got '\(item)'")
            }
            do { found[parts[0]] = try Quantity.fraction(parts[1]) } catch {
                throw ValidationError("--slowdown \(item): \(error.message)")
            }
        }
        for name in found.keys where !concurrency.contains(where: { $0.hasPrefix(name + "=") }) {
            throw ValidationError("--slowdown \(name)=… slows concurrent chats; give --concurrency \(name)=K too")
        }
        return found
    }

    func runForecast(_ path: String) throws {
        let table: ForecastCSV.Table
        switch ForecastCSV.read(path: path, displayName: path, calendar: nil, channels: nil) {
        case .success(let read): table = read
        case .failure(let error):
            let issues = error.issues.sorted { ($0.line ?? .max) < ($1.line ?? .max) }
            let lines = issues.map { "error: \($0)" }
            Console.note(lines.joined(separator: "\n") + (error.countLine(in: path).map { "\n" + $0 } ?? ""))
            throw ExitCode(2)
        }
        let chat = try concurrencies(), slowed = try slowdowns()
        let rules = Dictionary(uniqueKeysWithValues: table.channels.keys.map { name in
            (name, requirement(concurrency: chat[name] ?? 1, slowdown: slowed[name] ?? 0))
        })
        for name in chat.keys where table.channels[name] == nil && table.channels[""] == nil {
            throw ValidationError("--concurrency names '\(name)', which is not a channel of \(path) (\(table.channels.keys.sorted().joined(separator: ", ")))")
        }
        var missingAHT: [String] = []
        var rows = requirementRows(table, rules: rules, missingAHT: &missingAHT)
        guard missingAHT.isEmpty else {
            Console.note("error: \(path): \(missingAHT.prefix(3).joined(separator: "; ")) \(missingAHT.count > 3 ? "(and \(missingAHT.count - 3) more) " : "")have no AHT; add an aht column or give --aht")
            throw ExitCode(2)
        }
        if let roster { try addRoster(roster, table: table, to: &rows) }
        if let out {
            var csv = Self.csvHeader + (roster == nil ? "" : ",rostered,over_under") + "\n"
            for r in rows { csv += csvRow(r, interval: table.interval) + "\n" }
            try AtomicFile.write(csv, to: out)
        }
        try Console.write(render(rows, table: table, path: path))
        if roster != nil { try Console.write(rosterSummary(rows, table: table)) }
        if let out { Console.note("wrote \(out)") }
    }

    func requirementRows(_ table: ForecastCSV.Table, rules: [String: ErlangRequirement], missingAHT: inout [String]) -> [RequirementRow] {
        let perDay = Int((86_400 / table.interval).rounded())
        var rows: [RequirementRow] = []
        var cache: [String: Int] = [:]
        for name in table.channels.keys.sorted() {
            let f = table.channels[name]!
            let rule = rules[name] ?? requirement(concurrency: 1, slowdown: 0)
            for (i, volume) in f.volumes.enumerated() where volume > 0 {
                let day = i / perDay, minute = (i % perDay) * Int(table.interval / 60)
                guard let date = table.start.adding(days: day) else { continue }
                guard let handle = f.handleTimes?[i] ?? aht?.seconds else {
                    missingAHT.append("\(date) \(ClockTime.describe(Double(minute) * 60))\(name.isEmpty ? "" : " \(name)")")
                    continue
                }
                let rate = volume / table.interval
                let key = "\(name) \(rate) \(handle)"
                let agents = cache[key] ?? rule.agents(rate: rate, handleTime: handle)
                cache[key] = agents
                let figures = rule.performance(agents: agents, rate: rate, handleTime: handle)
                rows.append(RequirementRow(date: date, minute: minute, channel: name, volume: volume, aht: handle,
                                           load: rate * handle, agents: agents, scheduled: rule.scheduled(onPhone: Double(agents)),
                                           serviceLevel: figures.serviceLevel, asa: figures.averageSpeedOfAnswer, occupancy: figures.occupancy))
            }
        }
        return rows.sorted { ($0.date, $0.minute, $0.channel) < ($1.date, $1.minute, $1.channel) }
    }

    func csvRow(_ r: RequirementRow, interval: Double) -> String {
        func n(_ x: Double?) -> String { x.map { String(format: "%.4f", $0) } ?? "" }
        let end = r.minute + Int(interval / 60)
        return [r.date.description, TimeLabel.weekdays[r.date.weekdayIndex], ClockTime.describe(Double(r.minute) * 60),
                ClockTime.describe(Double(end) * 60), CSVWriter.field(r.channel), n(r.volume), n(r.aht), n(r.load),
                String(r.agents), n(r.scheduled), n(r.serviceLevel), n(r.asa), n(r.occupancy)].joined(separator: ",")
            + (r.rostered == nil ? "" : "," + n(r.rostered) + "," + n(r.overUnder))
    }

    /// The table: one line per interval and channel, then per channel and day the peak and the
    /// scheduled agent-hours.
    func render(_ rows: [RequirementRow], table: ForecastCSV.Table, path: String) -> String {
        var out = "Forecast \(path): \(table.channels.count) channel\(table.channels.count == 1 ? "" : "s"), \(table.days) day\(table.days == 1 ? "" : "s") from \(table.start), \(Formatting.duration(table.interval)) intervals\n"
        out += "Targets  \(targetText)\(patience.map { " · Erlang A, patience mean \(Formatting.duration($0.seconds))" } ?? " · Erlang C")"
        out += shrinkage.map { " · shrinkage \(Formatting.percent($0.value, digits: 0))" } ?? ""
        out += "\n\n"
        let withRoster = rows.contains { $0.rostered != nil }
        let columns = ["interval", "channel", "volume", "AHT", "Erlangs", "agents", "scheduled", "SL", "ASA", "occupancy"]
            + (withRoster ? ["rostered", "over/under"] : [])
        let widths = [27, 10, 8, 7, 8, 7, 10, 7, 7, 10] + (withRoster ? [9, 11] : [])
        func line(_ cells: [String]) -> String {
            zip(cells, widths).enumerated().map { i, p in Formatting.pad(p.0, p.1, right: i >= 2) }.joined(separator: " ") + "\n"
        }
        out += line(columns)
        let label = TimeLabel(startDate: table.start)
        for r in rows {
            let start = Double(table.start.days(to: r.date)) * 86_400 + Double(r.minute) * 60
            var cells: [String] = [label.window(from: start, to: start + table.interval), r.channel, Formatting.number((r.volume * 10).rounded() / 10),
                                   Formatting.duration(r.aht), Formatting.number((r.load * 100).rounded() / 100), String(r.agents),
                                   Formatting.number((r.scheduled * 100).rounded() / 100),
                                   r.serviceLevel.map { Formatting.percent($0) } ?? "—", r.asa.map { Formatting.duration($0) } ?? "—",
                                   r.occupancy.map { Formatting.percent($0) } ?? "—"]
            if withRoster {
                let rostered: String = r.rostered.map { Formatting.number(($0 * 10).rounded() / 10) } ?? "—"
                let over: String = r.overUnder.map(Self.signed) ?? "—"
                cells += [rostered, over]
            }
            out += line(cells)
        }
        out += "\nPer day and channel: peak agents on the phones, scheduled agent-hours\n"
        var days: [(CivilDate, String)] = []
        for r in rows where !days.contains(where: { $0 == (r.date, r.channel) }) { days.append((r.date, r.channel)) }
        let hours = table.interval / 3600
        for (date, channel) in days {
            let part = rows.filter { $0.date == date && $0.channel == channel }
            let peak = part.map(\.agents).max() ?? 0
            let scheduled = part.reduce(0) { $0 + $1.scheduled } * hours
            out += "  \(TimeLabel.weekdays[date.weekdayIndex]) \(date)  \(Formatting.pad(channel, 10))  peak \(Formatting.pad(String(peak), 4, right: true))  \(Formatting.number((scheduled * 10).rounded() / 10)) h\n"
        }
        return out
    }
}
