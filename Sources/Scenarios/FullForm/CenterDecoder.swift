import ResultsSchema
import Stochastics

/// Reads the full form of a scenario (`channels`, `tiers`, `teams`, `routing`, `calendar`) into a
/// `CenterSpec`, then applies `CenterChecks`.
///
/// Sections are name-keyed mappings: the names are collected first, so that any section may refer
/// to any other (`skills: [{channel: chat, tier: tier2}]`) and unknown names get a suggestion.
/// Decoding reports form problems (types, units, unknown keys and names); value rules are left to
/// `CenterChecks`, which sees every piece that could be read.
final class CenterDecoder {
    let log: IssueCollector
    let baseDirectory: String
    /// nil when `run` could not be read (profiles that depend on the interval are then not expanded).
    let run: RunSettings?

    var channelNames = NameTable(what: "channel", names: [])
    var tierNames = NameTable(what: "tier", names: [])
    var teamNames = NameTable(what: "team", names: [])
    /// Channel kinds as far as known, for defaults that depend on them (service levels, priorities).
    var channelKinds: [ChannelKind?] = []
    /// `calendar.start` when it is a date (dated scenario): forecasts and special days need it.
    var startDate: CivilDate?
    /// `calendar.closed`, as special days added to every channel.
    var closedDays: [SpecialDay] = []
    /// Forecast files read so far, by resolved path, and the channels that read each.
    var forecastFiles: [String: ForecastCSV.Table?] = [:]
    var forecastReaders: [String: (file: String, channels: [String])] = [:]
    /// Roster files read so far, by resolved path (a file shared by teams reports unknown teams once).
    var rosterFilesRead: Set<String> = []

    /// Canonical problem paths and the path the file actually uses there (`…shifts[0].length` →
    /// `…shifts[0].end` when the shift was written with `end`; a skill's index → its list entry).
    private var aliases: [String: String] = [:]

    /// Teams whose skills, and tiers whose handle times, could not be read (usually a misspelt
    /// channel or tier name), kept with that part empty so that their other rules still run.
    var partialTeams: [Int: AgentTeamSpec] = [:]
    var partialTiers: [Int: TierSpec] = [:]

    init(log: IssueCollector, baseDirectory: String, run: RunSettings?) {
        self.log = log
        self.baseDirectory = baseDirectory
        self.run = run
    }

    func alias(_ canonical: String, as written: String) {
        if canonical != written { aliases[canonical] = written }
    }

    /// The path a problem is reported at: its canonical path with the longest aliased prefix replaced.
    func written(_ path: String) -> String {
        var best: (key: String, value: String)?
        for (key, value) in aliases where path == key || path.hasPrefix(key + ".") || path.hasPrefix(key + "[") {
            if key.count > (best?.key.count ?? -1) { best = (key, value) }
        }
        guard let best else { return path }
        return best.value + path.dropFirst(best.key.count)
    }

    static let example = (
        channels: "{voice: {kind: voice, demand: {rate: 100/h}}}",
        tiers: "{tier1: {handle_time: {voice: {exponential: {mean: 4m}}}}}",
        teams: "{frontline: {skills: [{channel: voice, tier: tier1}], shifts: [{start: '08:00', length: 8h, agents: 20}]}}"
    )

    /// Decodes the full-form sections of the root mapping `m`; nil after reporting.
    func decode(_ m: YAMLMapping) -> CenterSpec? {
        let channelEntries = m.required("channels")?.namedEntries(of: "channels", example: Self.example.channels)
        let tierEntries = m.required("tiers")?.namedEntries(of: "tiers", example: Self.example.tiers)
        let teamEntries = m.required("teams")?.namedEntries(of: "teams", example: Self.example.teams)
        channelNames = NameTable(what: "channel", names: channelEntries?.map(\.name) ?? [])
        tierNames = NameTable(what: "tier", names: tierEntries?.map(\.name) ?? [])
        teamNames = NameTable(what: "team", names: teamEntries?.map(\.name) ?? [])
        channelKinds = (channelEntries ?? []).map(peekKind)

        let calendarField = m.optional("calendar")
        let startWeekday = calendarField.flatMap(decodeCalendar)
        let targetField = m.optional("resolution_target")
        let resolutionTarget = targetField?.duration()

        // References into a section that could not be read at all would only produce noise.
        let canResolve = channelEntries != nil && tierEntries != nil
        let channels = canResolve ? (channelEntries ?? []).map(decodeChannel) : []
        let tiers = canResolve ? (tierEntries ?? []).map(decodeTier) : []
        let teams = canResolve ? (teamEntries ?? []).map(decodeTeam) : []
        let routingField = m.optional("routing")
        let trainingField = m.optional("training")
        let training = canResolve ? trainingField.flatMap(decodeTraining) : nil
        let routing = canResolve ? decodeRouting(routingField) : nil
        checkForecastChannels()

        guard canResolve else { return nil }
        var checks = CenterChecks(channels: channels, tiers: tiers, teams: teams, routing: routing, run: run,
                                  resolutionTarget: resolutionTarget, channelNames: channelNames.names,
                                  tierNames: tierNames.names, teamNames: teamNames.names)
        checks.teamsKnown = teamEntries != nil
        checks.training = training
        var problems = checks.problems()
        for (t, tier) in partialTiers.sorted(by: { $0.key < $1.key }) {
            var local = checks
            local.tiers[t] = tier
            let skipped = joinPath(local.tierPath(t), "handle_time")
            problems += local.tierProblems(t).filter { !($0.path == skipped || $0.path.hasPrefix(skipped + ".")) }
        }
        for (m, team) in partialTeams.sorted(by: { $0.key < $1.key }) {
            var local = checks
            local.teams[m] = team
            let skipped = joinPath(local.teamPath(m), "skills")
            problems += local.teamProblems(m).filter { !($0.path == skipped || $0.path.hasPrefix(skipped + "[")) }
        }
        for problem in problems {
            log.report(FieldProblem(written(problem.path), problem.message))
        }

        guard calendarField == nil || startWeekday != nil, targetField == nil || resolutionTarget != nil,
              trainingField == nil || training != nil, teamEntries != nil, let routing else { return nil }
        let readChannels = channels.compactMap { $0 }, readTiers = tiers.compactMap { $0 }, readTeams = teams.compactMap { $0 }
        guard readChannels.count == channels.count, readTiers.count == tiers.count, readTeams.count == teams.count else { return nil }
        return CenterSpec(channels: readChannels, tiers: readTiers, teams: readTeams, routing: routing,
                          startWeekday: startWeekday ?? .monday, startDate: startDate,
                          resolutionTarget: resolutionTarget, training: training)
    }

    /// `calendar: {start: mon}` or, for a dated scenario, `calendar: {start: 2027-01-04, closed: [2027-01-06]}`.
    private func decodeCalendar(_ field: YAMLField) -> Weekday? {
        guard let m = field.mapping(allowed: ["start", "closed"]) else { return nil }
        guard let start = m.optional("start") else {
            if m.contains("closed") { _ = m.required("start") as YAMLField?; return nil }
            return .monday
        }
        let weekday: Weekday?
        if case .scalar(let scalar) = start.node, let first = scalar.string.first, first.isNumber {
            if let date = CivilDate(iso: scalar.string) {
                startDate = date
                weekday = Weekday(rawValue: date.weekdayIndex)
            } else {
                weekday = start.fail("'\(scalar.string)' is not a date: write YYYY-MM-DD (2027-01-04), years \(CivilDate.years.lowerBound)–\(CivilDate.years.upperBound), or a weekday (mon … sun)")
            }
        } else {
            weekday = start.weekday()
        }
        if let closed = m.optional("closed") {
            guard weekday != nil, let days = decodeClosed(closed) else { return nil }
            closedDays = days
        }
        return weekday
    }

    /// Days in the run (warm-up included), each 24 h of local clock time; nil when `run` is unknown.
    var runDays: Int? {
        guard let run, run.horizon.isFinite, run.warmup.isFinite, run.horizon > 0, run.warmup >= 0 else { return nil }
        return max(1, Int(clampedFrom: ((run.warmup + run.horizon) / 86_400).rounded(.up)))
    }

    /// A date field of a dated scenario, as a day of the run; nil after reporting.
    func runDay(_ field: YAMLField) -> (date: CivilDate, day: Int)? {
        guard let text = field.scalarText(expected: "a date such as 2027-01-01") else { return nil }
        guard let date = CivilDate(iso: text) else { return field.fail("'\(text)' is not a date: write YYYY-MM-DD, e.g. 2027-01-01") }
        guard let startDate else {
            return field.fail("a date needs a dated calendar: set calendar.start to the run's first date (e.g. calendar: {start: \(date)})")
        }
        let day = startDate.days(to: date)
        if day < 0 {
            return field.fail("\(date) is before the run starts (calendar.start is \(startDate))")
        }
        if let days = runDays, day >= days {
            let last = startDate.adding(days: days - 1).map { "\($0)" } ?? "?"
            return field.fail("\(date) is after the run ends (its last day is \(last), \(days) day\(days == 1 ? "" : "s") of warmup + horizon)")
        }
        return (date, day)
    }

    /// `calendar.closed: [2027-01-01, …]`: days on which no channel takes new contacts.
    private func decodeClosed(_ field: YAMLField) -> [SpecialDay]? {
        guard let items = field.list(expected: "a list of dates such as [2027-01-01, 2027-12-25]") else { return nil }
        var days: [SpecialDay] = []
        var seen: Set<Int> = []
        var ok = true
        for item in items {
            guard let (date, day) = runDay(item) else { ok = false; continue }
            guard seen.insert(day).inserted else { _ = item.fail("\(date) is listed twice") as Int?; ok = false; continue }
            days.append(SpecialDay(date: date, day: day, hours: .closed, factor: 0))
        }
        return ok ? days : nil
    }

    /// The kind of a channel without reporting anything (reported when the channel is decoded).
    private func peekKind(_ entry: NamedEntry) -> ChannelKind? {
        if case .mapping(let mapping) = entry.field.node,
           let value = mapping.first(where: { $0.key.string == "kind" })?.value, let text = value.string {
            return ChannelKind(rawValue: text)
        }
        return ChannelKind(rawValue: entry.name)
    }
}
