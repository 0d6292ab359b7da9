import ContactCenter
import Fitting
import Foundation
import Scenarios
import Stochastics
import XCTest

/// Simulate a known center with a trace, fit the trace, and recover what went in.
final class RoundTripTests: XCTestCase {
    func testFitRecoversHandleTimeFamilyAndMeanAndCensoredPatience() throws {
        let directory = NSTemporaryDirectory() + "ccsim-fit-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/contacts.csv"

        // 120 calls/h, gamma handle times (shape 2, mean 300 s), exponential patience (mean 240 s),
        // 10 agents for 10 erlangs: enough waiting that both abandonment and censoring are common.
        let handle = Distribution.gamma(shape: 2, scale: 150)
        let channel = ChannelSpec(name: "voice", kind: .voice, demand: DemandSpec(pattern: .constant(ratePerSecond: 120.0 / 3600)),
                                  tierShares: [1], patience: .exponential(mean: 240), chat: nil)
        let tier = TierSpec(name: "tier1", handleTimes: [handle], resolved: 0.9, escalated: 0, escalation: nil, repeats: nil)
        let team = AgentTeamSpec(name: "front", skills: [Skill(channel: 0, tier: 0)], shifts: [], constantAgents: 10)
        let center = CenterSpec(channels: [channel], tiers: [tier], teams: [team], routing: RoutingSpec(priorities: [[0]]))
        let run = RunSettings(horizon: 2 * 86_400, warmup: 0, interval: 3600, replications: 1, seed: 8)
        _ = try ContactCenterSimulator.run(center, run: run, replication: 0, tracePath: path + ".part")
        try ContactTrace.combine(parts: [path + ".part"], into: path)  // adds the header

        let log = try ContactLog.read(path: path)
        XCTAssertEqual(log.badRows, [])
        let fit = LogFit(log, interval: 3600)

        // ≈ 5000 handled calls, cv 0.71: sd of the mean ≈ 1%; allow 5%.
        let h = try fit.handleTimes[LogFit.Key(channel: "voice", tier: "tier1")]!.get()
        XCTAssertEqual(h.best.family, .gamma)
        XCTAssertEqual(h.distribution.mean, 300, accuracy: 15)

        // Patience: hundreds of abandonments, sd of the censored mean ≈ 240/√events (< 8%); allow 20%.
        let p = try fit.patience["voice"]!.get()
        guard case let .exponential(mean) = p.exponential.distribution else { return XCTFail() }
        XCTAssertEqual(mean, 240, accuracy: 48, "events \(p.sample.eventCount) of \(p.sample.times.count)")
        XCTAssertLessThan(p.sample.naiveMean, 240 / 2, "ignoring censoring under-estimates patience")

        // Arrivals: 2880 a day, Poisson (no busyness): the fitted per-day volume within 5%.
        let a = try fit.arrivals["voice"]!.get()
        XCTAssertEqual(a.perDay, 2880, accuracy: 144)
        XCTAssertEqual(fit.resolution["tier1"]!.resolved, 0.9, accuracy: 0.03)

        // The fragment is valid YAML for the distributions it writes.
        let yaml = ScenarioFragment.yaml(fit, source: "contacts.csv", interval: 3600)
        XCTAssertTrue(yaml.contains("handle_time:"))
        let patienceLine = yaml.split(separator: "\n").first { $0.contains("patience:") }!
        let text = String(patienceLine.split(separator: ":", maxSplits: 1)[1])
        let decoded = try ScenarioLoader.parseDistribution(yaml: text)
        XCTAssertEqual(decoded.mean, p.best.distribution.mean, accuracy: 1e-3 * decoded.mean)
    }
}

/// The fragment written for the sample log loads as part of a scenario, with the fitted values.
final class ScenarioFragmentTests: XCTestCase {
    func testFragmentOfTheSampleLogLoadsAsAScenario() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let log = try ContactLog.read(path: root.appendingPathComponent("scenarios/history/contacts.csv").path)
        XCTAssertEqual(log.badRows.count, 0)
        let fit = LogFit(log, interval: 3600)
        XCTAssertEqual(fit.escalations["tier1"]?.toTier, "tier2")
        XCTAssertEqual(fit.escalations["tier1"]?.mode, "warm_transfer")
        // Source: voice tier1 gamma(mean 5m, cv 0.6), chat tier1 lognormal(mean 6m, cv 0.8).
        let voice = try fit.handleTimes[LogFit.Key(channel: "voice", tier: "tier1")]!.get()
        XCTAssertEqual(voice.best.family, .gamma)
        XCTAssertEqual(voice.distribution.mean, 300, accuracy: 300 * 0.6 * 4 / Double(voice.count).squareRoot())
        let chat = try fit.handleTimes[LogFit.Key(channel: "chat", tier: "tier1")]!.get()
        XCTAssertEqual(chat.best.family, .lognormal)

        let fragment = ScenarioFragment.yaml(fit, source: "contacts.csv", interval: 3600)
        let yaml = """
        name: refit
        run: {horizon: 1d, warmup: 0s, interval: 1h, replications: 1, seed: 1}
        \(fragment)
        teams:
          front:
            skills:
              - {channel: [voice, chat], tier: tier1}
              - {channel: [voice, chat], tier: tier2}
            shifts: [{start: "00:00", length: 24h, agents: 8}]
        routing: {policy: longest_idle}
        """
        let scenario = try ScenarioLoader.parse(yaml: yaml, file: "refit.yaml")
        // Written with 6 significant digits.
        let loaded = try XCTUnwrap(scenario.center.tiers[0].handleTimes[0])
        XCTAssertEqual(loaded.mean, voice.distribution.mean, accuracy: 1e-5 * voice.distribution.mean)
        XCTAssertEqual(scenario.center.channels.map(\.name), ["voice", "chat"])
    }
}
