import ResultsSchema

/// The CSV outputs, in tidy form (one row per figure) so that pandas, R or a
/// spreadsheet can filter and pivot them without parsing names. Rows name
/// their scope (`channel`, `tier`, `team`, `center`) and fill the one name
/// column that applies; the others stay empty.
extension SummaryFiles {
    static let metricsHeader = "scope,channel,tier,team,metric,mean,sd,ci_lower,ci_upper,replications,theory"
    static let intervalsHeader = "interval,start_s,end_s,day,weekday,clock,scope,channel,tier,team,metric,mean,sd,ci_lower,ci_upper,replications"

    /// Whole-run metrics of every scope: `scope,channel,tier,team,metric,mean,sd,ci_lower,ci_upper,replications,theory`.
    public static func metricsCSV(_ summary: CenterSummary) -> String {
        var out = metricsHeader + "\n"
        for scope in summary.scopes {
            for item in summary.metrics(scope).items {
                out += CSVWriter.row(scopeFields(summary, scope) + [item.metric.rawValue] + fields(item)
                    + [CSVWriter.number(summary.theory(item.metric, scope))])
            }
        }
        return out
    }

    /// Per-interval metrics of channels, tiers and teams:
    /// `interval,start_s,end_s,day,weekday,clock,scope,channel,tier,team,metric,mean,sd,ci_lower,ci_upper,replications`.
    /// `start_s` and `end_s` count from the start of the measured window; `day` (from 0, the run's first day, as in staffing.csv, requirement files and batches), `weekday`
    /// and `clock` name the interval's start on the simulated calendar (warm-up included), as the
    /// terminal and the report do (`TimeLabel`).
    /// A dated scenario (`calendar.start: 2027-01-04`) adds a `date` column (`YYYY-MM-DD`) after `day`.
    public static func intervalsCSV(_ summary: CenterSummary) -> String {
        let dated = summary.center.timeLabel.startDate != nil
        var out = (dated ? intervalsHeader.replacingOccurrences(of: ",day,", with: ",day,date,") : intervalsHeader) + "\n"
        for interval in summary.intervals {
            let when = timeFields(summary, interval)
            let sets = summary.channels.indices.map { (MetricScope.channel($0), summary.channels[$0].intervals[interval.index]) }
                + summary.tiers.indices.map { (MetricScope.tier($0), summary.tiers[$0].intervals[interval.index]) }
                + summary.teams.indices.map { (MetricScope.team($0), summary.teams[$0].intervals[interval.index]) }
            for (scope, set) in sets {
                for item in set.items {
                    out += CSVWriter.row(when + scopeFields(summary, scope) + [item.metric.rawValue] + fields(item))
                }
            }
        }
        return out
    }

    /// `interval,start_s,end_s,day,[date,]weekday,clock` of one interval: the time columns every
    /// per-interval CSV of a run shares (`date` in dated scenarios only).
    package static func timeFields(_ summary: CenterSummary, _ interval: ReportingInterval) -> [String] {
        let label = summary.center.timeLabel
        let calendar = label.parts(summary.scenario.run.warmup + interval.start)
        var when = [String(interval.index), CSVWriter.number(interval.start), CSVWriter.number(interval.end),
                    calendar.map { String($0.day - 1) } ?? "", calendar?.weekday ?? "", calendar?.clock ?? ""]
        if label.startDate != nil { when.insert(calendar.flatMap { label.date(ofDay: $0.day) }.map { "\($0)" } ?? "", at: 4) }
        return when
    }

    /// `scope,channel,tier,team`
    static func scopeFields(_ summary: CenterSummary, _ scope: MetricScope) -> [String] {
        let name = summary.name(scope)
        switch scope {
        case .channel: return ["channel", name, "", ""]
        case .tier: return ["tier", "", name, ""]
        case .team: return ["team", "", "", name]
        case .center: return ["center", "", "", ""]
        }
    }

    /// `mean,sd,ci_lower,ci_upper,replications`
    static func fields(_ item: MetricSummary) -> [String] {
        [CSVWriter.number(item.mean), CSVWriter.number(item.standardDeviation), CSVWriter.number(item.confidenceInterval?.lower),
         CSVWriter.number(item.confidenceInterval?.upper), String(item.replications)]
    }
}
