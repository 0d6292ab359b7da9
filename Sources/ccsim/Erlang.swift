import Analytics
import ArgumentParser
import Experiments

struct Erlang: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analytic service figures: Erlang C, and Erlang A (M/M/n+M) when a patience is given.",
        discussion: """
        Durations take a unit (20s, 4m, 1.5h); rates take a period (540/h, 9/m).

        Examples:
          ccsim erlang --agents 50 --rate 540/h --aht 5m
          ccsim erlang --agents 48 --rate 600/h --aht 4.5m --patience 3m --answer-within 20s
          ccsim erlang --rate 540/h --aht 5m --target 80%     (smallest staffing meeting 80% in 20s)
        """
    )

    @Option(help: "Agents on the phones. Omit it with --target to find the smallest staffing that meets the target.")
    var agents: Int?

    @Option(help: ArgumentHelp("Arrival rate, e.g. 540/h.", valueName: "rate"))
    var rate: RateArgument

    @Option(help: ArgumentHelp("Mean handle time, e.g. 5m.", valueName: "duration"))
    var aht: DurationArgument

    @Option(help: ArgumentHelp("Mean patience (exponential); gives Erlang A figures.", valueName: "duration"))
    var patience: DurationArgument?

    @Option(name: .customLong("answer-within"), help: ArgumentHelp("Service-level threshold.", valueName: "duration"))
    var answerWithin: DurationArgument = DurationArgument(argument: "20s")!

    @Option(help: ArgumentHelp("Service-level target, e.g. 80%: with no --agents, find the staffing.", valueName: "share"))
    var target: FractionArgument?

    func validate() throws {
        if let agents, agents < 1 { throw ValidationError("--agents must be at least 1, got \(agents)") }
        if agents == nil && target == nil { throw ValidationError("give --agents, or --target to find the staffing") }
    }

    func run() throws {
        let threshold = answerWithin.seconds
        let load = rate.perSecond * aht.seconds
        let staffed = agents ?? minimumAgents(target: target!.value, threshold: threshold)
        print("Offered load \(Formatting.number((load * 1000).rounded() / 1000)) Erlangs (\(Formatting.ratePerHour(rate.perSecond)) × \(Formatting.duration(aht.seconds))), \(staffed) agents")
        if agents == nil {
            print("Smallest staffing meeting \(Formatting.percent(target!.value, digits: 0)) within \(Formatting.duration(threshold)): \(staffed) agents")
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

    private func minimumAgents(target: Double, threshold: Double) -> Int {
        if let patience {
            return Staffing.minimumAgentsErlangA(arrivalRate: rate.perSecond, meanHandleTime: aht.seconds,
                                                 meanPatience: patience.seconds, answerWithin: threshold, target: target)
        }
        return Staffing.minimumAgentsErlangC(arrivalRate: rate.perSecond, meanHandleTime: aht.seconds,
                                             answerWithin: threshold, target: target)
    }

    private func row(_ name: String, _ value: String) {
        print("  " + name.padding(toLength: 36, withPad: " ", startingAt: 0) + value)
    }
}
