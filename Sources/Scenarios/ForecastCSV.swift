import Foundation
import ResultsSchema

/// Reads a planner's forecast export: one row per date × interval start (× channel), with the
/// expected volume and optionally the AHT, as WFM suites write it (RFC 4180, via `CSVReader`).
///
///     date,interval_start,channel,volume,aht
///     2027-01-04,08:00,voice,42.5,285
///
/// Columns are found by header name (case-insensitive, spaces and punctuation as underscores:
/// `Interval Start` is `interval_start`), with the spellings exports use:
/// - `date` (`YYYY-MM-DD`) and `interval_start` (`start`, `interval`, `time`; `HH:MM` or
///   `HH:MM:SS`), or one `datetime` column (`2027-01-04 08:00`, `2027-01-04T08:00:00`);
/// - `channel` (`queue`, `skill`): the scenario's channel name; optional when one channel reads the file;
/// - `volume` (`offered`, `calls`, `contacts`): the expected count in the interval (≥ 0);
/// - optional `aht` (`aht_seconds`, `handle_time`): seconds (`285`), `mm:ss` / `h:mm:ss`, or a
///   duration with a unit (`4.75m`); empty = the tiers' own handle times; or `aht_min`, where a
///   plain number is minutes. A file whose every AHT is under 30 s is refused (minutes read as seconds);
/// - optional tier shares, one column per tier, `share_<tier>` (or `<tier>_share`): the share of
///   the interval's new contacts of that tier (`0.6` or `60%`), overriding the channel's `tiers`
///   mix in that interval; on a row, empty cells are 0 and the shares add up to 1 (within 1e-6);
///   a row with every share cell empty keeps the channel's mix;
/// - optional `interval_end` (`end`): states the interval length, which must be the same on
///   every row and divide 24 h. Without it, the interval is the largest length up to an hour that
///   puts every start on its grid (15 minutes for starts 08:00, 08:15, 08:45 …; an hour for a file
///   with rows on the hour only); longer intervals need `interval_end`.
/// Other columns are ignored. Missing rows mean no contacts (exports often omit empty intervals);
/// a date without rows is a closed day. Every problem is reported, as `FILE:LINE: column: problem`.
public enum ForecastCSV {
    /// One channel's forecast on the run's grid.
    public struct ChannelForecast: Sendable, Hashable {
        public var interval: Double
        public var volumes: [Double]
        public var handleTimes: [Double?]?
        /// Tier shares per interval, aligned with `volumes` and indexed as `Table.tierNames`; nil
        /// where the row gives none (the channel's mix applies), nil as a whole without share columns.
        public var tierShares: [[Double]?]? = nil
    }

    /// Every channel's forecast read from one file, by channel name (`""` when the file has no channel column).
    public struct Table: Sendable {
        /// Day 0 of `volumes` (the run's start, or the file's first date when read on its own).
        public var start: CivilDate
        public var days: Int
        public var interval: Double
        public var channels: [String: ChannelForecast]
        /// True when the file names channels in a column.
        public var hasChannelColumn: Bool
        /// The tiers `ChannelForecast.tierShares` are indexed by: the scenario's tiers, or (read on
        /// its own) the tiers the share columns name, in column order.
        public var tierNames: [String] = []
        /// The line of each channel's first row, so a problem with a channel's rows names a line.
        public var firstLines: [String: Int] = [:]
    }

    /// Header spellings of each column, first one canonical (used in messages).
    static let columns: [(key: String, names: [String])] = [
        ("date", ["date", "interval_date", "forecast_date"]),
        ("interval_start", ["interval_start", "start", "interval", "time", "start_time", "interval_start_time"]),
        ("datetime", ["datetime", "date_time", "timestamp", "interval_datetime", "start_datetime"]),
        ("interval_end", ["interval_end", "end", "end_time", "interval_end_time"]),
        ("channel", ["channel", "queue", "skill"]),
        ("volume", ["volume", "offered", "calls", "contacts", "forecast_volume", "forecast_calls", "forecast_contacts",
                    "offered_calls", "calls_offered", "contacts_offered"]),
        ("aht", ["aht", "aht_seconds", "aht_s", "aht_sec", "aht_secs", "handle_time", "forecast_aht", "average_handle_time", "avg_handle_time"]),
        // The AHT in minutes, as some exports give it: a plain number here is minutes, not seconds.
        ("aht_minutes", ["aht_min", "aht_mins", "aht_minutes", "aht_in_minutes", "handle_time_min", "handle_time_minutes"]),
    ]

    /// A header as the column lists spell it: lower case, each run of other characters than
    /// letters and digits one underscore (`Interval Start` → `interval_start`, `AHT (sec)` → `aht_sec`).
    static func normalized(_ header: String) -> String {
        var out = ""
        for character in header.lowercased() {
            if character.isLetter || character.isNumber {
                out.append(character)
            } else if !out.isEmpty, out.last != "_" {
                out.append("_")
            }
        }
        while out.last == "_" { out.removeLast() }
        return out
    }

    /// Most problems listed from one file; the rest are counted in a last line.
    static let maxListed = 200

    /// Reads the file at `path` (already resolved), named `displayName` in messages.
    public static func read(path: String, displayName: String, calendar: (start: CivilDate, days: Int)?,
                            channels: [String]?, tiers: [String]? = nil, ignoreOutside: Bool = false) -> Result<Table, ScenarioError> {
        func fail(_ message: String) -> Result<Table, ScenarioError> {
            .failure(ScenarioError(file: displayName, message: message))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return fail("cannot read the forecast: no such file" + NearbyFiles.siblingHint(for: path, extensions: ["csv"])) }
        guard !isDirectory.boolValue else { return fail("cannot read the forecast: it is a directory") }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxFileBytes {
            return fail("cannot read the forecast: it is \(size >> 20) MiB, more than the \(maxFileBytes >> 20) MiB a forecast file may have")
        }
        guard let data = FileManager.default.contents(atPath: path) else { return fail("cannot read the forecast: permission denied or I/O error") }
        guard let text = String(data: data, encoding: .utf8) else { return fail("cannot read the forecast: not UTF-8 text") }
        return parse(text, file: displayName, calendar: calendar, channels: channels, tiers: tiers, ignoreOutside: ignoreOutside)
    }

    /// Largest forecast file read: a year of 5-minute intervals for 20 channels is ~100 MiB less; 64 MiB.
    public static let maxFileBytes = 64 << 20

    /// Parses forecast CSV text against a dated run of `days` days from `start`, for the scenario's
    /// `channels`; with `calendar` nil, the file's own dates and any channel names (`ccsim erlang --forecast`).
    public static func parse(_ text: String, file: String, start: CivilDate, days: Int,
                             channels: [String], tiers: [String]? = nil) -> Result<Table, ScenarioError> {
        parse(text, file: file, calendar: (start, days), channels: channels, tiers: tiers)
    }

    /// - Parameter ignoreOutside: false (the default) reports rows dated outside the run; true drops
    ///   them (`forecast: {file: …, outside_run: ignore}`: one week simulated from a month's export).
    /// - Parameter tiers: the scenario's tier names, which share columns must name; nil: any.
    public static func parse(_ text: String, file: String, calendar: (start: CivilDate, days: Int)?,
                             channels: [String]?, tiers: [String]? = nil, ignoreOutside: Bool = false) -> Result<Table, ScenarioError> {
        var issues: [ScenarioIssue] = []
        func problem(_ line: Int?, _ column: String, _ message: String) {
            issues.append(ScenarioIssue(file: file, line: line, path: column, message: message))
        }
        // A mistake repeated on every row (a calendar that starts a week late, a renamed queue) is
        // listed on its first rows, then counted in one line: all found in one pass, none drowned.
        var repeats: [String: (column: String, count: Int, lines: [Int], what: String)] = [:]
        var repeatOrder: [String] = []
        func repeated(_ line: Int, _ column: String, kind: String, what: String, _ message: String) {
            var entry = repeats[kind] ?? (column, 0, [], what)
            if repeats[kind] == nil { repeatOrder.append(kind) }
            entry.count += 1
            if entry.count <= 3 { problem(line, column, message) } else { entry.lines.append(line) }
            repeats[kind] = entry
        }
        let records: [CSVReader.Record]
        do { records = try CSVReader.records(text) } catch {
            return .failure(ScenarioError(file: file, line: error.line, message: "a quoted field is never closed (a \" without its closing \")"))
        }
        guard let header = records.first else {
            return .failure(ScenarioError(file: file, message: "the forecast is empty: it needs a header row and one row per interval"))
        }
        // A European Excel export separates fields with semicolons: the whole header is one field.
        if header.fields.count == 1, let separator = [";", "\t"].first(where: { header.fields[0].contains($0) }) {
            return .failure(ScenarioError(file: file, line: header.line,
                message: "the file seems separated by \(separator == ";" ? "semicolons" : "tabs"), not commas (the header is one field, '\(header.fields[0])'): save it as CSV with commas"))
        }
        var index: [String: Int] = [:]
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let plain = names.map(normalized)
        for (key, spellings) in columns {
            let found = names.indices.filter { spellings.contains(names[$0]) || spellings.contains(plain[$0]) }
            guard let i = found.first else { continue }
            index[key] = i
            // Two columns for one field (`volume` and `calls`, or `volume` twice): which one is
            // meant cannot be guessed.
            if found.count > 1 {
                let shown = found.map { "'\(header.fields[$0].trimmingCharacters(in: .whitespaces))'" }.joined(separator: " and ")
                problem(header.line, key, "columns \(shown) both give the \(key); keep one")
            }
        }
        // One AHT column: in seconds (or mm:ss, or with a unit), or in minutes.
        if let seconds = index["aht"], let minutes = index["aht_minutes"] {
            problem(header.line, "aht", "columns '\(header.fields[seconds].trimmingCharacters(in: .whitespaces))' and '\(header.fields[minutes].trimmingCharacters(in: .whitespaces))' both give the aht; keep one")
        }
        let ahtColumn = index["aht"] ?? index["aht_minutes"]
        let ahtInMinutes = index["aht"] == nil && index["aht_minutes"] != nil
        if ahtColumn == nil, let lookalike = plain.indices.first(where: { plain[$0].split(separator: "_").contains { $0 == "aht" || $0 == "handle" } }) {
            // An AHT column under a name not read would silently leave the tiers' handle times in force.
            problem(header.line, "aht", "column '\(header.fields[lookalike].trimmingCharacters(in: .whitespaces))' looks like the AHT but is not read: "
                    + "name it aht (seconds, mm:ss or 4m45s) or aht_min (minutes)")
        }
        let hasDateTime = index["datetime"] != nil
        var missing: [String] = []
        if !hasDateTime {
            if index["date"] == nil { missing.append("date") }
            if index["interval_start"] == nil { missing.append("interval_start") }
        }
        if index["volume"] == nil { missing.append("volume") }
        if !missing.isEmpty {
            let shown = header.fields.map { "'\($0)'" }.joined(separator: ", ")
            for column in missing {
                let hint = column == "volume" ? " (or offered, calls, contacts, forecast_volume)" : " (or one datetime column)"
                problem(header.line, column, "missing column\(hint); the header has \(shown)")
            }
            return .failure(ScenarioError(issues: issues))
        }
        let hasChannel = index["channel"] != nil
        let headerProblems = issues.count
        let shares = shareColumns(header, names: names, tiers: tiers, problem: { problem(header.line, $0, $1) })
        // A share column that could not be read would make every row's sum look wrong: one problem, not one per row.
        let checkSums = issues.count == headerProblems

        struct Row { var line: Int; var channel: String; var date: CivilDate; var day = 0; var minute: Int; var volume: Double; var aht: Double?; var length: Int?; var shares: [Double]? }
        var rows: [Row] = []
        for record in records.dropFirst() {
            let line = record.line
            func cell(_ key: String) -> String? {
                guard let i = index[key] else { return nil }
                return i < record.fields.count ? record.fields[i].trimmingCharacters(in: .whitespaces) : ""
            }
            if record.fields.count < header.fields.count, record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            if record.fields.count > header.fields.count {
                // `10,5` (a decimal comma) would otherwise be read as 10 with a stray cell.
                repeated(line, "row", kind: "ragged", what: "with more fields than the header",
                         "has \(record.fields.count) fields, but the header has \(header.fields.count) columns (a comma inside a field needs quotes, and decimals a point: 10.5)")
                continue
            }
            var ok = true
            var date: CivilDate?
            var minute: Int?
            if hasDateTime {
                let text = cell("datetime")!
                let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" }).map(String.init)
                if parts.count == 2, let d = CivilDate(iso: parts[0]), let m = clockMinute(parts[1], allowEnd: false) {
                    date = d; minute = m
                } else {
                    problem(line, "datetime", "'\(text)' is not a date and time such as 2027-01-04 08:00"); ok = false
                }
            } else {
                let dateText = cell("date")!
                date = CivilDate(iso: dateText)
                if date == nil { problem(line, "date", dateText.isEmpty ? "is empty" : "'\(dateText)' is not a date written YYYY-MM-DD"); ok = false }
                let startText = cell("interval_start")!
                minute = clockMinute(startText, allowEnd: false)
                if minute == nil { problem(line, "interval_start", startText.isEmpty ? "is empty" : "'\(startText)' is not a clock time such as 08:00 or 08:00:00"); ok = false }
            }
            var length: Int?
            if let endText = cell("interval_end") {
                if let end = clockMinute(endText, allowEnd: true), let minute {
                    let l = (end - minute + 1440) % 1440
                    length = l == 0 ? 1440 : l
                } else if clockMinute(endText, allowEnd: true) == nil {
                    problem(line, "interval_end", "'\(endText)' is not a clock time such as 08:15"); ok = false
                }
            }
            var channel = ""
            if hasChannel {
                channel = cell("channel")!
                if channel.isEmpty {
                    problem(line, "channel", "is empty"); ok = false
                } else if let channels, !channels.contains(channel) {
                    if let guess = EditDistance.suggestion(for: channel, among: channels) {
                        repeated(line, "channel", kind: "channel \(channel)", what: "naming channel '\(channel)'", "unknown channel '\(channel)'; did you mean '\(guess)'?")
                    } else {
                        repeated(line, "channel", kind: "channel \(channel)", what: "naming channel '\(channel)'", "unknown channel '\(channel)'; the scenario's channels are: \(channels.joined(separator: ", "))")
                    }
                    ok = false
                }
            }
            let volumeText = cell("volume")!
            var volume: Double?
            if let v = try? Quantity.number(volumeText), v.isFinite {
                if v < 0 { problem(line, "volume", "must be 0 or more, got \(volumeText)"); ok = false } else { volume = v }
            } else {
                let comma = volumeText.contains(",") && Double(volumeText.replacingOccurrences(of: ",", with: ".")) != nil
                    ? " (decimals take a point: \(volumeText.replacingOccurrences(of: ",", with: ".")))" : ""
                problem(line, "volume", volumeText.isEmpty ? "is empty" : "'\(volumeText)' is not a number\(comma)"); ok = false
            }
            var aht: Double?
            if let ahtColumn, ahtColumn < record.fields.count, case let ahtText = record.fields[ahtColumn].trimmingCharacters(in: .whitespaces), !ahtText.isEmpty {
                switch handleTime(ahtText, plainNumbersIn: ahtInMinutes ? 60 : 1) {
                case .success(let seconds): aht = seconds
                case .failure(let error): problem(line, "aht", error.message); ok = false
                }
            }
            var tierShares: [Double]?
            if !shares.columns.isEmpty {
                let cells = shares.columns.map { $0.field < record.fields.count ? record.fields[$0.field].trimmingCharacters(in: .whitespaces) : "" }
                if cells.contains(where: { !$0.isEmpty }) {
                    var values = [Double](repeating: 0, count: shares.tierNames.count)
                    var good = true
                    for (column, text) in zip(shares.columns, cells) where !text.isEmpty {
                        do { values[column.tier] = try Quantity.fraction(text) } catch {
                            problem(line, column.header, error.message); good = false
                        }
                    }
                    let total = values.reduce(0, +)
                    if good, checkSums, abs(total - 1) > 1e-6 {
                        let listed = zip(shares.columns, cells).filter { !$0.1.isEmpty }.map { "\($0.0.header) \($0.1)" }.joined(separator: ", ")
                        problem(line, shares.columns[0].header, "the tier shares add up to \(Quantity.describe(fraction: total)), not 100% (\(listed)); leave every share cell empty to keep the channel's mix")
                        good = false
                    }
                    if good { tierShares = values } else { ok = false }
                }
            }
            guard ok, let date, let minute, let volume else { continue }
            rows.append(Row(line: line, channel: channel, date: date, minute: minute, volume: volume, aht: aht, length: length, shares: tierShares))
        }

        // Days of the run (or of the file's own span), each row placed on one.
        let start = calendar?.start ?? rows.map(\.date).min() ?? CivilDate(year: 2000, month: 1, day: 1)!
        let days = calendar?.days ?? rows.map { start.days(to: $0.date) + 1 }.max() ?? 1
        let lastDay = start.adding(days: days - 1) ?? start
        let dateColumn = hasDateTime ? "datetime" : "date"
        rows = rows.filter { row in
            let d = start.days(to: row.date)
            if ignoreOutside, d < 0 || d >= days { return false }
            if d < 0 {
                repeated(row.line, dateColumn, kind: "before", what: "dated before the run starts", "\(row.date) is before the run starts (calendar.start is \(start))")
                return false
            }
            if d >= days {
                repeated(row.line, dateColumn, kind: "after", what: "dated after the run ends", "\(row.date) is after the run ends (its last day is \(lastDay): \(days) day\(days == 1 ? "" : "s") from calendar.start, warmup + horizon)")
                return false
            }
            return true
        }.map { var row = $0; row.day = start.days(to: row.date); return row }

        // The interval: stated by interval_end (the same on every row), else the coarsest grid of the starts.
        var interval: Int
        if let first = rows.first(where: { $0.length != nil }) {
            interval = first.length!
            for row in rows where row.length != nil && row.length != interval {
                problem(row.line, "interval_end", "gives a \(row.length!)-minute interval, but line \(first.line) gives \(interval) minutes; every interval of a forecast has the same length")
            }
            if 1440 % interval != 0 {
                problem(first.line, "interval_end", "a \(interval)-minute interval does not tile the day (24 h is not a whole number of them); use 5, 10, 15, 30 or 60 minutes")
            }
        } else {
            // At most an hour: a sparse file (rows only at 10:00 and 14:00) must not turn into 4-hour intervals.
            interval = rows.reduce(60) { gcd($0, $1.minute) }
            if interval < 5 {   // starts such as 08:07: a typo far more often than 1-minute intervals
                for row in rows where row.minute % 5 != 0 {
                    problem(row.line, hasDateTime ? "datetime" : "interval_start",
                            "\(ClockTime.describe(Double(row.minute) * 60)) is not on a 5-minute boundary, so the forecast's intervals do not tile the day (add an interval_end column to state a shorter interval)")
                }
                interval = 0
            }
            // One start (or 1% of them) off a coarser grid that every other row keeps (08:35 among half hours) is a
            // typo, not 5-minute intervals: read as such, each half hour's volume would come in 5 minutes.
            if interval >= 5, rows.count >= 20 {
                for grid in [60, 30, 20, 15, 10] where grid > interval && grid % interval == 0 {
                    let off = rows.filter { $0.minute % grid != 0 }
                    guard off.count <= max(1, rows.count / 100) else { continue }
                    for row in off {
                        problem(row.line, hasDateTime ? "datetime" : "interval_start",
                                "\(ClockTime.describe(Double(row.minute) * 60)) is off the \(grid)-minute grid of the other \(rows.count - off.count) rows: a typo? "
                                + "(a forecast of \(interval)-minute intervals says so with an interval_end column)")
                    }
                    interval = 0
                    break
                }
            }
        }
        if interval > 0, 1440 % interval == 0 {
            for row in rows where row.minute % interval != 0 {
                problem(row.line, hasDateTime ? "datetime" : "interval_start", "\(ClockTime.describe(Double(row.minute) * 60)) is not on the \(interval)-minute grid of this forecast's intervals")
            }
        }

        var seen: [String: Int] = [:]
        for row in rows {
            let key = "\(row.channel)|\(row.day)|\(row.minute)"
            if let first = seen[key] {
                let when = "\(row.date) \(ClockTime.describe(Double(row.minute) * 60))"
                let dst = row.minute >= 60 && row.minute < 240
                    ? " (a daylight-saving fall-back hour exported twice? ccsim keeps 24-hour local days: merge the two rows into one)" : ""
                problem(row.line, hasDateTime ? "datetime" : "interval_start",
                        "duplicate interval \(when)\(row.channel.isEmpty ? "" : " for \(row.channel)"), already on line \(first)\(dst)")
            } else {
                seen[key] = row.line
            }
        }
        let seconds = Double(interval) * 60
        for row in rows where seconds > 0 && row.volume / seconds > DomainLimits.highestRate {
            problem(row.line, "volume", "\(Quantity.describe(number: row.volume)) in \(interval) minutes is above \(DomainLimits.highestRateText), the highest arrival rate ccsim simulates")
        }
        for kind in repeatOrder {
            guard let entry = repeats[kind], let first = entry.lines.first else { continue }
            problem(first, entry.column, "and \(entry.lines.count) more row\(entry.lines.count == 1 ? "" : "s") \(entry.what) (lines \(first)–\(entry.lines.last!))")
        }
        guard issues.isEmpty else {
            return .failure(ScenarioError(issues: ScenarioIssue.listing(issues, atMost: maxListed, file: file)))
        }
        guard !rows.isEmpty else {
            return .failure(ScenarioError(file: file, message: "the forecast has a header but no rows"))
        }
        let perDay = 1440 / interval
        let hasAHT = ahtColumn != nil
        // Handle times in minutes in a seconds column (4.92 for 4m55s): every AHT then looks like seconds of work.
        if !ahtInMinutes, let largest = rows.compactMap(\.aht).max(), largest < 30, let first = rows.first(where: { $0.aht != nil }) {
            return .failure(ScenarioError(issues: [ScenarioIssue(file: file, line: first.line, path: "aht",
                message: "every AHT in this file is under 30 s (the largest is \(Quantity.describe(number: largest))): a plain number is read as seconds; "
                    + "if these are minutes, name the column aht_min or write the unit (\(Quantity.describe(number: first.aht!))m)")]))
        }
        var table = Table(start: start, days: days, interval: seconds, channels: [:], hasChannelColumn: hasChannel, tierNames: shares.tierNames)
        for channel in Set(rows.map(\.channel)) {
            var volumes = [Double](repeating: 0, count: days * perDay)
            var handleTimes: [Double?]? = hasAHT ? Array(repeating: nil, count: days * perDay) : nil
            var tierShares: [[Double]?]? = shares.columns.isEmpty ? nil : Array(repeating: nil, count: days * perDay)
            for row in rows where row.channel == channel {
                let i = row.day * perDay + row.minute / interval
                volumes[i] = row.volume
                if let aht = row.aht { handleTimes?[i] = aht }
                if let mix = row.shares { tierShares?[i] = mix }
            }
            table.channels[channel] = ChannelForecast(interval: seconds, volumes: volumes, handleTimes: handleTimes, tierShares: tierShares)
        }
        for row in rows where row.line < table.firstLines[row.channel] ?? .max { table.firstLines[row.channel] = row.line }
        return .success(table)
    }

    /// The tier-share columns of a header (`share_<tier>` or `<tier>_share`, case-insensitive), each
    /// with its field and tier index; unknown tiers and a tier named twice are problems of the header.
    static func shareColumns(_ header: CSVReader.Record, names: [String], tiers: [String]?,
                             problem: (String, String) -> Void) -> (columns: [(field: Int, header: String, tier: Int)], tierNames: [String]) {
        var tierNames = tiers ?? []
        var columns: [(field: Int, header: String, tier: Int)] = []
        for (field, name) in names.enumerated() {
            let tier: Substring
            if name.hasPrefix("share_") { tier = name.dropFirst(6) } else if name.hasSuffix("_share") { tier = name.dropLast(6) } else { continue }
            let written = header.fields[field].trimmingCharacters(in: .whitespaces)
            guard !tier.isEmpty else { problem(written, "a tier-share column names no tier; write share_<tier>, e.g. share_\(tiers?.first ?? "tier1")"); continue }
            var index = tierNames.firstIndex { $0.lowercased() == tier }
            if index == nil {
                if let tiers {
                    let hint = EditDistance.suggestion(for: String(tier), among: tiers).map { "did you mean '\($0)'?" }
                        ?? "the scenario's tiers are: \(tiers.joined(separator: ", "))"
                    problem(written, "unknown tier '\(tier)'; \(hint)")
                    continue
                }
                tierNames.append(String(tier))
                index = tierNames.count - 1
            }
            if let other = columns.first(where: { $0.tier == index }) {
                problem(written, "gives the share of tier '\(tierNames[index!])' again (column \(other.header) gives it already)")
                continue
            }
            columns.append((field, written, index!))
        }
        return (columns, tierNames)
    }

    /// Minutes after midnight of `HH:MM` or `HH:MM:SS` (seconds 00 only); 24:00 when `allowEnd`.
    static func clockMinute(_ text: String, allowEnd: Bool) -> Int? {
        var t = text
        let parts = t.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 3 {
            guard parts[2] == "00" else { return nil }
            t = parts[0] + ":" + parts[1]
        }
        guard let seconds = try? ClockTime.parse(t, allowMidnightEnd: allowEnd) else { return nil }
        return Int(seconds / 60)
    }

    /// An AHT cell: a bare number (`285`, `285.5`: seconds, or minutes in an `aht_min` column, where
    /// `plainNumbersIn` is 60), `mm:ss` or `h:mm:ss`, or a duration (`4.75m`).
    static func handleTime(_ text: String, plainNumbersIn unit: Double = 1) -> Result<Double, QuantityError> {
        var seconds: Double?
        if let v = try? Quantity.number(text) {
            seconds = v * unit
        } else if text.contains(":") {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            if (2...3).contains(parts.count), parts.dropFirst().allSatisfy({ $0.count == 2 }),
               let values = Optional(parts.compactMap { Double($0) }), values.count == parts.count,
               parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) || $0 == "." } }),
               values.dropFirst().allSatisfy({ $0 < 60 }) {
                seconds = values.reduce(0) { $0 * 60 + $1 }
            }
        } else if let d = try? Quantity.duration(text) {
            seconds = d
        }
        guard let seconds else {
            return .failure(QuantityError("'\(text)' is not a handle time: write seconds (285), mm:ss (04:45) or a duration (4.75m)"))
        }
        guard seconds > 0 else { return .failure(QuantityError("must be greater than 0, got \(text)")) }
        guard seconds >= DomainLimits.shortestDuration, seconds <= DomainLimits.longestDuration else {
            return .failure(QuantityError("'\(text)' is outside 1ms … \(DomainLimits.longestDurationText), the durations ccsim simulates"))
        }
        return .success(seconds)
    }


    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
