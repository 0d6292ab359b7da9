import ArgumentParser
import Experiments
import Fitting
import Foundation
import ResultsSchema
import Scenarios
import Stochastics

/// `ccsim fit`: turns a contact log (ccsim's own contacts.csv) into fitted scenario inputs.
struct Fit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit handle times, patience (with censoring), arrivals and outcome shares to a contact log.",
        usage: "ccsim fit <log> [<options>]",
        discussion: "Reads a contacts.csv (as written by `ccsim run --trace`), prints every fitted quantity with each candidate family's AIC and KS distance, and with --out writes fit.yaml, a scenario fragment. Bad rows are reported with line numbers."
    )

    @Argument(help: "The contact log (CSV with ccsim's contacts.csv columns).")
    var log: String

    @Option(help: "Interval of the arrival profile (must divide 24h).", transform: DurationArgument.parse)
    var interval: DurationArgument = try! DurationArgument.parse("30m")

    @Option(help: "Weekday of day 0 of the log (mon … sun).")
    var start: String = "mon"

    @Option(help: "Directory to write fit.yaml into (atomically).")
    var out: String?

    @Option(help: "A full-form scenario to fill with the fitted demand, patience, handle times and resolution shares; with --out, writes scenario.yaml (validated).")
    var template: String?

    @Option(name: .customLong("column"), help: ArgumentHelp(
        "Read a column under another header, for logs from other systems, e.g. --column arrival_s=start_secs (repeatable).",
        valueName: "ccsim-name=header"))
    var columns: [String] = []

    @Option(name: .customLong("time-unit"), help: ArgumentHelp(
        "Unit of the log's times and durations: s, ms or min (default s). A median handle time over 3 h or under 10 s in it is refused, naming the unit that fits.",
        valueName: "unit"))
    var timeUnit: String?

    func validate() throws {
        if let timeUnit, LogTimeUnit(rawValue: timeUnit) == nil {
            throw ValidationError("--time-unit takes \(LogTimeUnit.allCases.map(\.rawValue).joined(separator: ", ")), got '\(timeUnit)'")
        }
        if template != nil && out == nil { throw ValidationError("--template writes scenario.yaml into the --out directory: give --out too") }
        for mapping in columns {
            let parts = mapping.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else {
                throw ValidationError("--column takes ccsim-name=header, got '\(mapping)'")
            }
            guard ContactLog.columnNames.contains(parts[0]) else {
                throw ValidationError("--column: unknown column '\(parts[0])'; ccsim's columns are \(ContactLog.columnNames.joined(separator: ", "))")
            }
        }
    }

    func run() throws {
        do { try fit() } catch let error as FittingError {
            // Like an invalid scenario: one line on stderr, status 2.
            Console.note("error: \(error)\n")
            throw ExitCode(2)
        }
    }

    /// Reads and fits the log, checks everything that would be written (the fitted values
    /// against the scenario limits, the merged template as a scenario), and only then writes
    /// the files of `--out` as one set: complete or absent, never half-written.
    private func fit() throws {
        let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        guard let startWeekday = weekdays.firstIndex(of: String(start.lowercased().prefix(3))) else {
            throw ValidationError("--start must be a weekday (mon … sun), got \(start)")
        }
        guard interval.seconds >= DomainLimits.shortestPeriod else {
            throw ValidationError("--interval must be at least 1m (a scenario's shortest reporting interval), got \(interval.seconds)s")
        }
        let slots = 86_400 / interval.seconds
        guard abs(slots - slots.rounded()) < 1e-9 else {
            throw ValidationError("--interval must divide 24h, got \(interval.seconds)s")
        }
        // Checked before any work, like the other commands' --out.
        if let out { _ = try OutputFolder.validated(out) }
        let templateText = try template.map { try ContactLog.readText(path: $0) }
        let mapping = Dictionary(columns.map { $0.split(separator: "=", maxSplits: 1).map(String.init) }.map { ($0[0], $0[1]) },
                                 uniquingKeysWith: { _, last in last })
        let contactLog = try ContactLog.read(path: log, columns: mapping, interval: interval.seconds, unit: timeUnit.flatMap(LogTimeUnit.init(rawValue:)) ?? .seconds)
        if !contactLog.badRows.isEmpty {
            // On stderr, so the table on stdout stays clean; every bad row is listed with its line.
            var text = "\(contactLog.badRows.count) bad row(s) skipped in \(log):\n"
            for row in contactLog.badRows { text += "  \(row)\n" }
            Console.note(text)
        }
        guard contactLog.rows.count >= DurationFit.minimumCount else {
            throw FittingError.tooFewObservations(what: "a fit", found: contactLog.rows.count, needed: DurationFit.minimumCount).located(in: log)
        }
        let fit = LogFit(contactLog, interval: interval.seconds, startWeekday: startWeekday)
        try Console.write(FitReport.text(fit) + "\n")
        for channel in fit.channels {
            guard case let .success(a)? = fit.arrivals[channel] else { continue }
            let unseen = zip(TimeLabel.weekdays, a.dayOfWeek).filter { $0.1 == nil }.map(\.0)
            if !unseen.isEmpty {
                Console.note("note: \(channel): the log has no \(unseen.joined(separator: ", ")); left out of day_of_week (a weekday left out has factor 1: set it, e.g. 0 if closed)\n")
            }
        }
        // A fitted value a scenario refuses is not clamped (it would hide an outlier in the log):
        // with --out nothing is written; without, the table is printed with a warning.
        let problems = ScenarioFragment.problems(fit)
        guard let out else {
            for problem in problems { Console.note("warning: \(log): \(problem); fit.yaml would not be written\n") }
            return
        }
        if !problems.isEmpty {
            Console.note(problems.map { "error: \(log): \($0)\n" }.joined()
                         + "error: nothing written to \(out): a scenario refuses the values above; check the log's rows (outliers, the time span) and fit again\n")
            throw ExitCode(2)
        }
        let fragment = ScenarioFragment.yaml(fit, source: log, interval: interval.seconds)
        var files = [("fit.yaml", fragment)]
        if let template, let templateText {
            files.append(("scenario.yaml", try mergedScenario(template: template, text: templateText, fragment: fragment)))
        }
        try write(files, into: out)
    }

    /// The template with the fitted inputs, checked like any scenario; errors name the template
    /// (the merged text is not written, so they give no line in it).
    private func mergedScenario(template: String, text: String, fragment: String) throws -> String {
        let merged: String
        do {
            merged = try ScenarioTemplate.merge(template: text, templateFile: template, fragment: fragment)
        } catch let error as ScenarioTemplate.MergeError {
            Console.note("error: \(error)\n")
            throw ExitCode(2)
        } catch {
            Console.note("error: \(template): not a YAML scenario (\(error))\n")
            throw ExitCode(2)
        }
        let label = "the merged scenario (\(template) with the fit of \(log))"
        let base = (template as NSString).deletingLastPathComponent
        let checked = Result { try ScenarioLoader.parse(yaml: merged, file: label, baseDirectory: base.isEmpty ? nil : base) }
        if case .failure(let error) = checked {
            let lines = (error as? ScenarioError)?.issues.map { issue in
                "error: \(label): " + (issue.path.isEmpty ? "" : "\(issue.path): ") + issue.message
            } ?? ["error: \(label): \(error)"]
            Console.note(lines.joined(separator: "\n") + "\nerror: nothing written to \(out ?? "")\n")
            throw ExitCode(2)
        }
        return "# \(template) with the inputs fitted by `ccsim fit` from \(self.log)\n" + merged
    }

    /// Writes `files` into the folder `out` as one set (`OutputFolder`: staged, then renamed into
    /// place). The folder's other files (a run's results, the log itself) are kept; a
    /// `scenario.yaml` of an earlier fit goes with it even when no template is given now.
    private func write(_ files: [(name: String, text: String)], into out: String) throws {
        let folder = try OutputFolder(out, replacing: ["fit.yaml", "scenario.yaml"])
        for file in files { try folder.write(file.text, named: file.name) }
        try folder.commit()
        for file in files { Console.note("wrote \((out as NSString).appendingPathComponent(file.name))\n") }
    }
}

/// The printed summary of `ccsim fit`.
enum FitReport {
    static func text(_ fit: LogFit) -> String {
        var s = "\(fit.log.rows.count) usable rows; channels \(fit.channels.joined(separator: ", ")); tiers \(fit.tiers.joined(separator: ", "))\n"
        s += "\nHandle time (per channel × tier; chosen by AIC, first)\n"
        for key in fit.handleTimes.keys.sorted() {
            s += "  \(key.channel)/\(key.tier): "
            switch fit.handleTimes[key]! {
            case let .failure(e): s += "\(e)\n"
            case let .success(h):
                s += "n=\(h.count) mean=\(f(h.sampleMean))s" + (h.zeros > 0 ? " (\(h.zeros) zero(s) left out)" : "") + "\n"
                for c in h.candidates { s += candidate(c) }
            }
        }
        s += "\nPatience (censored: answered first contacts waited less than their patience)\n"
        for channel in fit.channels {
            guard let p = fit.patience[channel] else { s += "  \(channel): no abandonments\n"; continue }
            switch p {
            case let .failure(e): s += "  \(channel): \(e)\n"
            case let .success(p):
                s += "  \(channel): \(p.sample.eventCount) abandoned of \(p.sample.times.count) that waited; naive mean \(f(p.sample.naiveMean))s, "
                s += "Kaplan–Meier restricted mean \(f(p.kaplanMeier.restrictedMean))s (to \(f(p.kaplanMeier.largestTime))s)\n"
                for c in [p.exponential, p.weibull].sorted(by: { $0.aic < $1.aic }) { s += candidate(c) }
            }
        }
        s += "\nArrivals (first contacts)\n"
        for channel in fit.channels {
            guard let result = fit.arrivals[channel] else { continue }
            guard case let .success(a) = result else {
                if case let .failure(e) = result { s += "  \(channel): \(e)\n" }
                continue
            }
            s += "  \(channel): \(f(a.perDay))/day over \(a.dailyTotals.count) day(s), busyness cv \(a.busynessCV.map(f) ?? "not identifiable (no weekday seen twice)"); "
            s += "day of week " + a.dayOfWeek.map { $0.map(f) ?? "–" }.joined(separator: " ") + "\n"
            if let shares = fit.tierShares[channel] {
                s += "    tiers: " + fit.tiers.compactMap { t in shares[t].map { "\(t) \(pct($0))" } }.joined(separator: ", ") + "\n"
            }
        }
        s += "\nOutcomes of answered contacts\n"
        for tier in fit.tiers {
            guard let r = fit.resolution[tier] else { continue }
            s += "  \(tier): resolved \(pct(r.resolved)), escalated \(pct(r.escalated)), unresolved \(pct(r.unresolved)) (n=\(r.answered))\n"
        }
        s += "  first-contact resolution: \(pct(fit.firstContact.resolved)) of \(fit.firstContact.answered) answered first contacts\n"
        return s
    }

    static func candidate(_ c: CandidateFit) -> String {
        "    \(c.family.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) AIC \(String(format: "%12.1f", c.aic))  KS \(String(format: "%.4f", c.ks))  \(ScenarioFragment.distribution(c.distribution))\n"
    }

    static func f(_ x: Double) -> String { String(format: "%.4g", x) }
    static func pct(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }

}
