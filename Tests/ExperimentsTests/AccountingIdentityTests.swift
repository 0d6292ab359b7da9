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
    static let bundled = ["mmc-basic", "erlang-a", "tiered-support", "igaming", "crypto-exchange", "bpo-multi-client", "training-roi"]

    static func load(_ name: String) throws -> Scenario {
        try ScenarioLoader.load(path: root.appendingPathComponent("scenarios/\(name).yaml").path)
    }

    @Test(arguments: bundled)
    func everyContactIsAccountedFor(_ name: String) throws {
        let scenario = try Self.load(name)
        for replication in 0..<2 {
            let result = try ContactCenterSimulator.runCenter(scenario, replication: replication)
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
