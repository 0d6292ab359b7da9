import Analytics
import ArgumentParser
import Experiments
import Foundation
import ResultsSchema
import Scenarios

struct Erlang: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analytic service figures: Erlang C, and Erlang A (M/M/n+M) when a patience is given.",
        discussion: """
        Durations take a unit (20s, 4m, 1.5h); rates take a period (540/h, 9/m).

        Examples:
          ccsim erlang --agents 50 --rate 540/h --aht 5m
          ccsim erlang --agents 48 --rate 600/h --aht 4.5m --patience 3m --answer-within 20s
          ccsim erlang --rate 540/h --aht 5m --target 80%     (smallest staffing meeting 80% in 20s)
          ccsim erlang --forecast forecast.csv --target 80% --answer-within 20s --shrinkage 30% --max-occupancy 85%
          ccsim erlang --forecast forecast.csv --target 80% --concurrency chat=3 --out requirement.csv
          ccsim erlang --forecast forecast.csv --target 80% --roster roster.csv

        With --forecast, the requirement of every interval and channel of a forecast file (the CSV
        columns of scenarios/README.md, "Forecast files"): agents on the phones meeting every target
        given (--target within --answer-within, --max-asa, --max-abandonment with --patience), at
        least load / --max-occupancy, and scheduled = on the phones / (1 − --shrinkage). A chat
        channel with --concurrency k is staffed as chat slots (Erlang on agents × k) divided by k.
        --aht is the AHT of intervals whose row has none. With --roster, a published roster (the
        roster.csv columns of scenarios/README.md) is set beside the requirement: the agents it puts
        on the phones in each interval (shifts less activities, before absenteeism), over/under,
        and the worst intervals.
        """
    )

    @Option(help: "Agents on the phones. Omit it with --target to find the smallest staffing that meets the target.")
    var agents: Int?

    @Option(help: ArgumentHelp("Arrival rate, e.g. 540/h.", valueName: "rate"))
    var rate: RateArgument?

    @Option(help: ArgumentHelp("Mean handle time, e.g. 5m (with --forecast: for rows without an AHT).", valueName: "duration"))
    var aht: DurationArgument?

    @Option(help: ArgumentHelp("A forecast CSV: the requirement of each of its intervals and channels.", valueName: "file"))
    var forecast: String?

    @Option(help: ArgumentHelp("With --forecast: a published roster CSV; its agents on the phones beside the requirement.", valueName: "file"))
    var roster: String?

    @Option(name: .customLong("max-asa"), help: ArgumentHelp("Ceiling on the average speed of answer, also a target.", valueName: "duration"))
    var maxASA: DurationArgument?

    @Option(name: .customLong("max-abandonment"), help: ArgumentHelp("Ceiling on the abandonment rate (needs --patience), also a target.", valueName: "share"))
    var maxAbandonment: FractionArgument?

    @Option(name: .customLong("max-occupancy"), help: ArgumentHelp("Occupancy ceiling, e.g. 85%: at least load / ceiling agents.", valueName: "share"))
    var maxOccupancy: FractionArgument?

    @Option(help: ArgumentHelp("Shrinkage, e.g. 30%: scheduled = on the phones / (1 − shrinkage).", valueName: "share"))
    var shrinkage: FractionArgument?

    @Option(help: ArgumentHelp("Chat concurrency of a forecast channel, CHANNEL=K (repeatable), e.g. chat=3.", valueName: "channel=k"))
    var concurrency: [String] = []

    @Option(help: ArgumentHelp("With --forecast: also write the table as CSV to this file.", valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp("Mean patience (exponential); gives Erlang A figures.", valueName: "duration"))
    var patience: DurationArgument?

    @Option(name: .customLong("answer-within"), help: ArgumentHelp("Service-level threshold.", valueName: "duration"))
    var answerWithin: DurationArgument = DurationArgument(argument: "20s")!

    @Option(help: ArgumentHelp("Service-level target, e.g. 80%: with no --agents, find the staffing.", valueName: "share"))
    var target: FractionArgument?

    func validate() throws {
        if let agents, agents < 1 { throw ValidationError("--agents must be at least 1, got \(agents)") }
        if maxAbandonment != nil && patience == nil { throw ValidationError("--max-abandonment needs --patience (abandonment is an Erlang A figure)") }
        if forecast != nil {
            if agents != nil { throw ValidationError("--forecast finds the agents of every interval; leave out --agents") }
            if rate != nil { throw ValidationError("--forecast gives the volume of every interval; leave out --rate") }
            if target == nil && maxASA == nil && maxAbandonment == nil {
                throw ValidationError("give a target for --forecast: --target 80% (within --answer-within), --max-asa or --max-abandonment")
            }
            _ = try concurrencies()
            return
        }
        if out != nil || !concurrency.isEmpty || roster != nil { throw ValidationError("--out, --concurrency and --roster go with --forecast") }
        if rate == nil { throw ValidationError("give --rate (or --forecast with a forecast file)") }
        if aht == nil { throw ValidationError("give --aht") }
        if agents == nil && target == nil && maxASA == nil && maxAbandonment == nil {
            throw ValidationError("give --agents, or --target to find the staffing")
        }
    }

    func run() throws {
        if let forecast { return try runForecast(forecast) }
        let rate = rate!, aht = aht!
        let threshold = answerWithin.seconds
        let load = rate.perSecond * aht.seconds
        let staffed = agents ?? requiredAgents(rate: rate.perSecond, aht: aht.seconds, concurrency: 1)
        print("Offered load \(Formatting.number((load * 1000).rounded() / 1000)) Erlangs (\(Formatting.ratePerHour(rate.perSecond)) × \(Formatting.duration(aht.seconds))), \(staffed) agents")
        if agents == nil {
            print("Smallest staffing meeting \(targetText): \(staffed) agents")
            if let shrinkage {
                print("Scheduled with \(Formatting.percent(shrinkage.value, digits: 0)) shrinkage: \(Formatting.number((Double(staffed) / (1 - shrinkage.value) * 100).rounded() / 100)) agents")
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
        if let target { parts.append("\(Formatting.percent(target.value, digits: 0)) within \(Formatting.duration(answerWithin.seconds))") }
        if let maxASA { parts.append("ASA ≤ \(Formatting.duration(maxASA.seconds))") }
        if let maxAbandonment { parts.append("abandonment ≤ \(Formatting.percent(maxAbandonment.value, digits: 1))") }
        if let maxOccupancy { parts.append("occupancy ≤ \(Formatting.percent(maxOccupancy.value, digits: 0))") }
        return parts.joined(separator: ", ")
    }

    /// The smallest number of servers (agents, or chat slots when `concurrency` > 1, converted
    /// back to agents) meeting every target given: the one requirement rule of both modes, so an
    /// interval of a forecast gets exactly what `ccsim erlang --rate … --aht …` gives it.
    func requiredAgents(rate: Double, aht: Double, concurrency: Int) -> Int {
        guard rate > 0 else { return 0 }
        let threshold = answerWithin.seconds
        var n = 1
        if let target {
            n = patience.map {
                Staffing.minimumAgentsErlangA(arrivalRate: rate, meanHandleTime: aht, meanPatience: $0.seconds,
                                              answerWithin: threshold, target: target.value)
            } ?? Staffing.minimumAgentsErlangC(arrivalRate: rate, meanHandleTime: aht, answerWithin: threshold, target: target.value)
        }
        if maxASA != nil || maxAbandonment != nil {
            n = Staffing.smallest(from: n) { agents in
                if let patience {
                    let a = ErlangA(agents: agents, arrivalRate: rate, meanHandleTime: aht, meanPatience: patience.seconds)
                    return (maxASA.map { a.averageSpeedOfAnswer <= $0.seconds } ?? true)
                        && (maxAbandonment.map { a.probabilityOfAbandon <= $0.value } ?? true)
                }
                let c = ErlangC(agents: agents, arrivalRate: rate, meanHandleTime: aht)
                return c.isStable && (maxASA.map { c.averageSpeedOfAnswer <= $0.seconds } ?? true)
            }
        }
        if let maxOccupancy {
            n = max(n, Int((rate * aht / maxOccupancy.value - 1e-9).rounded(.up)))
        }
        return concurrency > 1 ? Int((Double(n) / Double(concurrency) - 1e-9).rounded(.up)) : n
    }

    private func row(_ name: String, _ value: String) {
        print("  " + name.padding(toLength: 36, withPad: " ", startingAt: 0) + value)
    }
}
