import Stochastics
import ResultsSchema

/// A complete, validated description of one contact-center experiment: how to run it (`run`)
/// and the center being simulated (`center`: channels, tiers, teams, routing).
///
/// Scenarios are normally read with `ScenarioLoader`, which validates them. A scenario built or
/// modified in code should be checked with `validate()`, which applies exactly the same rules.
/// The foundation's single queue is one shape of center: build it with
/// `init(name:description:run:arrivals:team:handleTime:patience:serviceLevel:source:)` and read
/// it back with `singleQueue`.
public struct Scenario: Sendable, Hashable {
    /// Short identifier used in reports and result file names.
    public var name: String
    /// Free text for humans.
    public var description: String?
    public var run: RunSettings
    public var center: CenterSpec
    /// Shift templates for `ccsim schedule` (the `scheduling` section); nil when absent.
    public var scheduling: SchedulingSpec? = nil
    /// The file the scenario was read from, if any (used in messages and result metadata).
    public var source: String?

    public init(name: String, description: String? = nil, run: RunSettings = RunSettings(),
                center: CenterSpec, source: String? = nil) {
        self.name = name
        self.description = description
        self.run = run
        self.center = center
        self.source = source
    }

    /// Applies the loader's checks to a scenario built in code. Issues carry field paths
    /// (`teams.frontline.shifts[0].agents`, or `team.agents` for a single queue) but no line
    /// numbers; the file is `source` or `<scenario>`.
    public func validate() throws(ScenarioError) {
        let found = problems()
        guard found.isEmpty else {
            let file = source ?? "<scenario>"
            throw ScenarioError(issues: found.map { ScenarioIssue(file: file, path: $0.path, message: $0.message) })
        }
    }

    /// Every rule a scenario must satisfy, by field path. A single queue is checked with the
    /// foundation's paths (`team.agents`), the way such a scenario is written in YAML, and then
    /// with the full form's center checks at those paths (`SingleQueueChecks`).
    func problems() -> [FieldProblem] {
        var found = Self.nameProblems(name)
        found += run.problems(at: "run")
        if let view = singleQueue {
            let own = view.problems()
            found += own + SingleQueueChecks.problems(center, run: run, besides: own)
        } else {
            found += CenterChecks(center: center, run: run).problems()
        }
        found += scheduling?.problems(teamNames: center.teams.map(\.name)) ?? []
        return found
    }

    static func nameProblems(_ name: String) -> [FieldProblem] {
        name.allSatisfy(\.isWhitespace) ? [FieldProblem("name", "must not be empty")] : []
    }

    /// Valid parameters, never negative, and a positive mean: a zero handle time would let one
    /// agent serve infinitely many contacts.
    static func handleTimeProblems(_ distribution: Distribution, at path: String = "handle_time") -> [FieldProblem] {
        let found = DistributionChecks.problems(distribution, at: path, kind: .duration)
        guard found.isEmpty else { return found }
        let mean = distribution.mean
        guard mean.isFinite, mean > 0 else {
            return [FieldProblem(path, "mean handle time must be greater than 0, got \(Quantity.describe(duration: mean))")]
        }
        return []
    }

    /// Valid parameters and never negative; zero patience (everyone abandons at once) is allowed.
    static func patienceProblems(_ distribution: Distribution, at path: String = "patience") -> [FieldProblem] {
        DistributionChecks.problems(distribution, at: path, kind: .duration)
    }
}

extension Scenario {
    /// What is allowed but worth telling whoever runs the scenario, one line each
    /// (`teams.frontline.shifts[0]: the shift 07:30–16:00 starts before opening …`): shifts partly
    /// outside the opening hours, roster rows dated outside the run.
    public var notes: [String] {
        guard singleQueue == nil else { return [] }
        var found = CenterChecks(center: center, run: run).openingHoursNotes()
        for team in center.teams {
            guard let roster = team.roster, roster.rowsOutsideRun > 0 else { continue }
            found.append(FieldProblem("teams.\(team.name).roster",
                                      "\(roster.file): \(roster.rowsOutsideRun) row\(roster.rowsOutsideRun == 1 ? "" : "s") dated outside the run ignored"))
        }
        found += forecastCoverageNotes()
        return found.map { "\($0.path): \($0.message)" }
    }

    /// A forecast that stops days before the run ends (or starts days after it begins) leaves those
    /// days without new contacts, which reads as a quiet week rather than a short file: said once.
    /// Fewer than three empty days at an end (a closed weekend) are not worth a note.
    func forecastCoverageNotes() -> [FieldProblem] {
        guard let start = center.startDate else { return [] }
        let runDays = Int(((run.warmup + run.horizon) / 86_400).rounded(.up))
        var found: [FieldProblem] = []
        for channel in center.channels {
            guard case .forecast(let forecast) = channel.demand.pattern else { continue }
            let perDay = forecast.intervalsPerDay
            let busy = (0..<runDays).filter { day in
                let range = (day * perDay)..<min((day + 1) * perDay, forecast.volumes.count)
                return !range.isEmpty && forecast.volumes[range].contains { $0 > 0 }
            }
            guard let first = busy.first, let last = busy.last else { continue }
            func date(_ day: Int) -> String {
                let d = start.adding(days: day) ?? start
                return "\(TimeLabel.weekdays[d.weekdayIndex]) \(d)"
            }
            let path = "channels.\(channel.name).demand.forecast"
            let after = runDays - 1 - last
            if after >= 3 {
                found.append(FieldProblem(path, "\(forecast.file) has no \(channel.name) volume after \(date(last)): the run's last \(after) days "
                    + "(\(date(last + 1)) to \(date(runDays - 1))) get no new contacts"))
            }
            if first >= 3 {
                found.append(FieldProblem(path, "\(forecast.file) has no \(channel.name) volume before \(date(first)): the run's first \(first) days "
                    + "(\(date(0)) to \(date(first - 1))) get no new contacts"))
            }
        }
        return found
    }
}
