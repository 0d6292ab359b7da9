import ContactCenter
import Experiments
import Foundation
import Scenarios
import Testing

/// Every offered contact ends in exactly one place, on every bundled scenario, per replication,
/// per channel and per interval: offered = answered + abandoned + callbacks accepted (made or
/// pending) + unanswered at the end; and the center's totals are the sums over channels and tiers.
@Suite struct AccountingIdentityTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// Every scenario in scenarios/, read from the folder, so a scenario added there is checked too
    /// (the list written out by hand had left out multiskill-routing).
    static let bundled: [String] = {
        let folder = root.appendingPathComponent("scenarios").path
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }()

    @Test func everyBundledScenarioIsChecked() {
        #expect(Self.bundled.count >= 8)
        #expect(Self.bundled.contains("multiskill-routing"))
    }

    static func load(_ name: String) throws -> Scenario {
        try ScenarioLoader.load(path: root.appendingPathComponent("scenarios/\(name).yaml").path)
    }

    @Test(arguments: bundled)
    func everyContactIsAccountedFor(_ name: String) throws {
        let scenario = try Self.load(name)
        for replication in 0..<2 {
            let result = try ContactCenterSimulator.run(scenario, replication: replication)
            for c in 0..<result.channels {
                let whole = result.outcomes(channel: c)
                #expect(whole.offered > 0, "\(name): channel \(c) offered nothing")
                #expect(whole.isBalanced, "\(name) r\(replication) channel \(c): \(whole)")
                #expect(whole.callbacksAccepted <= whole.callbacksOffered)
                #expect(whole.callbacksWithinPromise <= whole.callbacksCompleted)
                for i in 0..<result.intervalCount {
                    let o = result.outcomes(interval: i, channel: c)
                    #expect(o.isBalanced, "\(name) r\(replication) interval \(i) channel \(c): \(o)")
                }
            }
            let summary = CenterSummary(scenario: scenario, replications: [result])
            let channelOffered = summary.channels.reduce(0.0) { $0 + ($1.metrics[.offered]?.mean ?? 0) }
            #expect(summary.overall[.offered]?.mean == channelOffered)
            let tierHandled = summary.tiers.reduce(0.0) { $0 + ($1.metrics[.handled]?.mean ?? 0) }
            #expect(summary.overall[.handled]?.mean == tierHandled)
            let tierResolved = summary.tiers.reduce(0.0) { $0 + ($1.metrics[.resolved]?.mean ?? 0) }
            #expect(summary.overall[.resolved]?.mean == tierResolved)
            for channel in summary.channels {
                let m = channel.metrics
                let sum = [Metric.answered, .abandoned, .unansweredAtEnd].reduce(0.0) { $0 + (m[$1]?.mean ?? 0) }
                    + (m[.callbacksAccepted]?.mean ?? 0)
                #expect(m[.offered]?.mean == sum, "\(name) \(channel.name): summary does not balance")
            }
        }
    }
}

/// Intervals within the possible values: shares in [0, 1], every other figure ≥ 0, the mean
/// inside its interval — whole-run and per interval, for every scope, on 1, 2 and 10 replications.
@Suite struct PossibleIntervalTests {
    @Test(arguments: [1, 2, 10])
    func intervalsStayWithinThePossibleValues(_ replications: Int) throws {
        for name in ["tiered-support", "erlang-a"] {
            let scenario = try AccountingIdentityTests.load(name)
            let results = try ReplicationRunner.run(scenario, replications: replications, jobs: 1)
            let summary = CenterSummary(scenario: scenario, replications: results)
            var sets = summary.scopes.map { summary.metrics($0) }
            sets += summary.channels.flatMap(\.intervals) + summary.tiers.flatMap(\.intervals) + summary.teams.flatMap(\.intervals)
            var truncated = 0
            for item in sets.flatMap(\.items) {
                guard let mean = item.mean else { continue }
                let range = item.metric.possibleRange
                #expect(range.contains(mean), "\(name): \(item.metric) mean \(mean)")
                guard let ci = item.confidenceInterval else {
                    #expect(replications < 2 || item.replications < 2, "\(name): \(item.metric) has no interval")
                    continue
                }
                #expect(range.contains(ci.lower) && range.contains(ci.upper), "\(name): \(item.metric) [\(ci.lower), \(ci.upper)]")
                #expect(ci.lower <= mean && mean <= ci.upper, "\(name): \(item.metric) \(mean) outside [\(ci.lower), \(ci.upper)]")
                if ci.isTruncated { truncated += 1 }
            }
            // Two replications give t(1) intervals wide enough to cross 0 or 100% somewhere: the cut is exercised.
            if replications == 2 { #expect(truncated > 0) }
        }
    }
}

/// Little's law per channel in the full model: the time-average queue length over the window
/// times its length equals the time in queue summed over the waits of the contacts the queue
/// held (first waits, callbacks' places in line, warm transfers' second waits, tickets) — up to
/// the waits cut by the window's edges (none here: these live queues empty at night and there is
/// no warm-up). Tolerance: 1% of the total, on live channels whose queue holds at least one
/// contact-hour over the week. Before queue times counted first waits only, voice was 26% off.
@Suite struct LittlesLawTests {
    @Test(arguments: ["tiered-support", "igaming", "bpo-multi-client", "crypto-exchange"])
    func queueLengthAndTimeInQueueDescribeTheSameContacts(_ name: String) throws {
        let scenario = try AccountingIdentityTests.load(name)
        let result = try ContactCenterSimulator.run(scenario, replication: 0)
        var checked = 0
        for c in 0..<result.channels where scenario.center.channels[c].kind.isLive {
            let area = result.meanQueueLength[c] * result.measuredDuration
            let waits = result.outcomes(channel: c).queueTimeSum
            guard area >= 3600 else { continue }
            checked += 1
            #expect(abs(area - waits) <= 0.01 * area,
                    "\(name) \(scenario.center.channels[c].name): L·T \(area / 3600) h vs Σ waits \(waits / 3600) h")
        }
        #expect(checked > 0)
    }
}
