import Analytics
import ArgumentParser
import Experiments
import Foundation
import ResultsSchema
import Scenarios
import Staffing

struct Erlang: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analytic service figures: Erlang C, and Erlang A (M/M/n+M) when a patience is given.",
        discussion: """
        Durations take a unit (20s, 4m, 1.5h); rates take a period (540/h, 9/m).

        Examples:
          ccsim erlang --agents 50 --rate 540/h --aht 5m
          ccsim erlang --agents 48 --rate 600/h --aht 4.5m \\
              --patience 3m --answer-within 20s
          # smallest staffing meeting 80% in 20s:
          ccsim erlang --rate 540/h --aht 5m --target 80/20
          ccsim erlang --forecast forecast.csv --target 80% --answer-within 20s \\
              --shrinkage 30% --max-occupancy 85%
          ccsim erlang --forecast forecast.csv --target 80% --concurrency chat=3 \\
              --slowdown chat=10% --out requirement.csv
          ccsim erlang --forecast forecast.csv --target 80% --roster roster.csv

        With --forecast, the requirement of every interval and channel of a forecast file (the CSV \
        columns of scenarios/README.md, "Forecast files"): agents on the phones meeting every target \
        given (--target within --answer-within, --max-asa, --max-abandonment with --patience), at \
        least load / --max-occupancy, and scheduled = on the phones / (1 − --shrinkage). A chat \
        channel with --concurrency k is staffed as chat slots (Erlang on agents × k, each chat taking \
        the AHT × (1 + --slowdown × (k − 1)/2)) divided by k, rounded up: the rule of a run's \
        staffing-check.csv for a scenario with the same targets. --aht is the AHT of intervals whose \
        row has none.

        With --roster, a published roster (the roster.csv columns of scenarios/README.md) is set \
        beside the requirement: the agents it puts on the phones in each interval (shifts less \
        activities, before absenteeism), over/under, and the worst intervals. An agent with skills \
        on several channels is shared among them in proportion to their requirement in the interval \
        (equally when none has one), never counted twice: the channels' rostered agents add up to \
        the agents on the phones.
        """
    )

    @Option(help: "Agents on the phones. Omit it with --target to find the smallest staffing that meets the target.")
    var agents: Int?

    @Option(help: ArgumentHelp("Arrival rate, e.g. 540/h.", valueName: "rate"), transform: RateArgument.parse)
    var rate: RateArgument?

    @Option(help: ArgumentHelp("Mean handle time, e.g. 5m (with --forecast: for rows without an AHT).", valueName: "duration"), transform: DurationArgument.parse)
    var aht: DurationArgument?

    @Option(help: ArgumentHelp("A forecast CSV: the requirement of each of its intervals and channels.", valueName: "file"))
    var forecast: String?

    @Option(help: ArgumentHelp("With --forecast: a published roster CSV; its agents on the phones beside the requirement.", valueName: "file"))
    var roster: String?

    @Option(name: .customLong("max-asa"), help: ArgumentHelp("Ceiling on the average speed of answer, also a target.", valueName: "duration"), transform: DurationArgument.parse)
    var maxASA: DurationArgument?

    @Option(name: .customLong("max-abandonment"), help: ArgumentHelp("Ceiling on the abandonment rate (needs --patience), also a target.", valueName: "share"), transform: FractionArgument.parse)
    var maxAbandonment: FractionArgument?

    @Option(name: .customLong("max-occupancy"), help: ArgumentHelp("Occupancy ceiling, e.g. 85%: at least load / ceiling agents.", valueName: "share"), transform: FractionArgument.parse)
    var maxOccupancy: FractionArgument?

    @Option(help: ArgumentHelp("Shrinkage, e.g. 30%: scheduled = on the phones / (1 − shrinkage).", valueName: "share"), transform: FractionArgument.parse)
    var shrinkage: FractionArgument?

    @Option(help: ArgumentHelp("Chat concurrency of a forecast channel, CHANNEL=K (repeatable), e.g. chat=3.", valueName: "channel=k"))
    var concurrency: [String] = []

    @Option(help: ArgumentHelp("Chat slowdown of a forecast channel with --concurrency, CHANNEL=SHARE (repeatable), e.g. chat=10%: each chat takes the AHT × (1 + slowdown × (k − 1)/2), as a scenario's chat slowdown.", valueName: "channel=share"))
    var slowdown: [String] = []

    @Option(help: ArgumentHelp("How the service level is counted: offered (answered within T ÷ offered, the default), answered (÷ answered) or excluding_short_abandons, as a scenario's service_level.convention.", valueName: "convention"))
    var convention: String?

    @Option(help: ArgumentHelp("With --forecast: also write the table as CSV to this file.", valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp("Mean patience (exponential); gives Erlang A figures.", valueName: "duration"), transform: DurationArgument.parse)
    var patience: DurationArgument?

    @Option(name: .customLong("answer-within"), help: ArgumentHelp("Service-level threshold (default: 20s).", valueName: "duration"), transform: DurationArgument.parse)
    var answerWithin: DurationArgument?

    @Option(help: ArgumentHelp("Service-level target, e.g. 80% (within --answer-within), or both at once: 80/20 is 80% within 20s. With no --agents, find the staffing.", valueName: "share"), transform: ServiceLevelArgument.parse)
    var target: ServiceLevelArgument?

    /// The service-level threshold in seconds: --answer-within, else the one written in --target, else 20 s.
    var threshold: Double { answerWithin?.seconds ?? target?.within ?? 20 }

    func validate() throws {
        if let within = target?.within, let answerWithin, within != answerWithin.seconds {
            throw ValidationError("--target says within \(Formatting.duration(within)) but --answer-within says \(answerWithin); give the threshold once")
        }
        if let agents, agents < 1 { throw ValidationError("--agents must be at least 1, got \(agents)") }
        if let convention, ServiceLevelConvention(rawValue: convention) == nil {
            throw ValidationError("--convention must be one of \(ServiceLevelConvention.allCases.map(\.rawValue).joined(separator: ", ")), got '\(convention)'")
        }
        if convention != nil && target == nil { throw ValidationError("--convention counts the service level of --target; give --target") }
        if maxAbandonment != nil && patience == nil { throw ValidationError("--max-abandonment needs --patience (abandonment is an Erlang A figure)") }
        if forecast != nil {
            if agents != nil { throw ValidationError("--forecast finds the agents of every interval; leave out --agents") }
            if rate != nil { throw ValidationError("--forecast gives the volume of every interval; leave out --rate") }
            if target == nil && maxASA == nil && maxAbandonment == nil {
                throw ValidationError("give a target for --forecast: --target 80% (within --answer-within), --max-asa or --max-abandonment")
            }
            _ = try concurrencies()
            _ = try slowdowns()
            return
        }
        if out != nil || !concurrency.isEmpty || !slowdown.isEmpty || roster != nil { throw ValidationError("--out, --concurrency, --slowdown and --roster go with --forecast") }
        if rate == nil { throw ValidationError("give --rate (or --forecast with a forecast file)") }
        if aht == nil { throw ValidationError("give --aht") }
        if agents == nil && target == nil && maxASA == nil && maxAbandonment == nil {
            throw ValidationError("give --agents, or --target to find the staffing")
        }
        // Each evaluation is O(agents): a search past the largest center would run for hours.
        if let agents, agents > DomainLimits.maxAgents {
            throw ValidationError("--agents \(agents) is more than \(DomainLimits.maxAgents), the most agents ccsim models")
        }
        if let rate, let aht, agents == nil, rate.perSecond * aht.seconds > Double(DomainLimits.maxAgents) {
            throw ValidationError("the offered load (--rate × --aht) is \(Formatting.number(rate.perSecond * aht.seconds)) Erlangs: staffing it needs more than \(DomainLimits.maxAgents) agents, the most ccsim models")
        }
    }

    func run() throws {
        if let forecast { return try runForecast(forecast) }
        let rate = rate!, aht = aht!
        let load = rate.perSecond * aht.seconds
        let rule = requirement(concurrency: 1, slowdown: 0)
        let staffed = agents ?? rule.agents(rate: rate.perSecond, handleTime: aht.seconds)
        print("Offered load \(Formatting.number((load * 1000).rounded() / 1000)) Erlangs (\(Formatting.ratePerHour(rate.perSecond)) × \(Formatting.duration(aht.seconds))), \(staffed) agents")
        if agents == nil {
            print("Smallest staffing meeting \(targetText): \(staffed) agents")
            if shrinkage != nil {
                print("Scheduled with \(Formatting.percent(rule.shrinkage, digits: 0)) shrinkage: \(Formatting.number((rule.scheduled(onPhone: Double(staffed)) * 100).rounded() / 100)) agents")
            }
        }
        let c = ErlangC(agents: staffed, arrivalRate: rate.perSecond, meanHandleTime: aht.seconds)
        print("")
        print("Erlang C (no abandonment)")
        if c.isStable {
            row("P(wait)", Formatting.percent(c.probabilityOfWait))
            row("service level (\(Formatting.duration(threshold)))", Formatting.percent(c.serviceLevel(answerWithin: threshold)))
            row("ASA", Formatting.duration(c.averageSpeedOfAnswer))
            row("mean queue length", Formatting.number(c.meanQueueLength))
            row("occupancy", Formatting.percent(c.occupancy))
        } else {
            print("  unstable: offered load \(Formatting.number(load)) ≥ \(staffed) agents, the queue grows without bound")
        }
        if let patience {
            let a = ErlangA(agents: staffed, arrivalRate: rate.perSecond, meanHandleTime: aht.seconds, meanPatience: patience.seconds)
            print("")
            print("Erlang A (exponential patience, mean \(Formatting.duration(patience.seconds)))")
            row("P(wait)", Formatting.percent(a.probabilityOfWait))
            row("P(abandon)", Formatting.percent(a.probabilityOfAbandon))
            row("service level (\(Formatting.duration(threshold)), of offered)", Formatting.percent(a.probabilityAnsweredWithin(threshold)))
            row("ASA (answered)", Formatting.duration(a.averageSpeedOfAnswer))
            row("mean queue length", Formatting.number(a.meanQueueLength))
            row("occupancy", Formatting.percent(a.occupancy))
        }
    }

    /// The targets in words: `80% within 20s, ASA ≤ 30s, occupancy ≤ 85%`.
    var targetText: String {
        var parts: [String] = []
        if let target { parts.append("\(Formatting.percent(target.share, digits: 0)) within \(Formatting.duration(threshold))\(convention.map { " (\($0))" } ?? "")") }
        if let maxASA { parts.append("ASA ≤ \(Formatting.duration(maxASA.seconds))") }
        if let maxAbandonment { parts.append("abandonment ≤ \(Formatting.percent(maxAbandonment.value, digits: 1))") }
        if let maxOccupancy { parts.append("occupancy ≤ \(Formatting.percent(maxOccupancy.value, digits: 0))") }
        return parts.joined(separator: ", ")
    }

    /// The targets given on the command line as the one requirement rule (`ErlangRequirement`) of
    /// `ccsim erlang`, its `--forecast` table and a run's staffing-check.csv, for a channel with
    /// `concurrency` chats per agent each slowed by `slowdown`.
    func requirement(concurrency: Int, slowdown: Double) -> ErlangRequirement {
        ErlangRequirement(serviceLevel: target.map { .init(target: $0.share, answerWithin: threshold,
                                                          convention: convention.flatMap(ServiceLevelConvention.init(rawValue:)) ?? .offered) },
                          maxAverageSpeedOfAnswer: maxASA?.seconds, maxAbandonment: maxAbandonment?.value, patience: patience?.seconds,
                          maxOccupancy: maxOccupancy?.value, concurrency: concurrency, slowdown: slowdown, shrinkage: shrinkage?.value ?? 0)
    }

    private func row(_ name: String, _ value: String) {
        print("  " + name.padding(toLength: 36, withPad: " ", startingAt: 0) + value)
    }
}
