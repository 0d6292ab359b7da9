import Foundation
import Scenarios

/// The levers of a what-if, as a planner states them: demand and handle time up or down by a
/// percentage, agents added to or taken from each shift of a team, customers more or less patient,
/// shrinkage up or down by points. Applied to the validated scenario value, then validated again.
public struct WhatIfChanges: Codable, Sendable, Hashable {
    /// Offered volume change in percent (−90…+300): every channel's rates, daily volumes,
    /// forecast volumes and batches.
    public var volumePercent: Double = 0
    /// Handle time change in percent (−90…+300): every tier's handle times and forecast AHTs.
    public var handleTimePercent: Double = 0
    /// Patience change in percent (−90…+300) for channels whose customers abandon.
    public var patiencePercent: Double = 0
    /// Agents added (or removed, negative) on each shift of the named teams; a team on duty
    /// throughout (a single queue) changes its head count.
    public var agentsPerTeam: [String: Int] = [:]
    /// Shrinkage change in percentage points (−100…+100), every team; the result is kept in 0…90 %.
    public var shrinkagePoints: Double = 0

    public init(volumePercent: Double = 0, handleTimePercent: Double = 0, patiencePercent: Double = 0,
                agentsPerTeam: [String: Int] = [:], shrinkagePoints: Double = 0) {
        self.volumePercent = volumePercent
        self.handleTimePercent = handleTimePercent
        self.patiencePercent = patiencePercent
        self.agentsPerTeam = agentsPerTeam
        self.shrinkagePoints = shrinkagePoints
    }

    enum CodingKeys: String, CodingKey {
        case volumePercent, handleTimePercent, patiencePercent, agentsPerTeam, shrinkagePoints
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        volumePercent = try c.decodeIfPresent(Double.self, forKey: .volumePercent) ?? 0
        handleTimePercent = try c.decodeIfPresent(Double.self, forKey: .handleTimePercent) ?? 0
        patiencePercent = try c.decodeIfPresent(Double.self, forKey: .patiencePercent) ?? 0
        agentsPerTeam = try c.decodeIfPresent([String: Int].self, forKey: .agentsPerTeam) ?? [:]
        shrinkagePoints = try c.decodeIfPresent(Double.self, forKey: .shrinkagePoints) ?? 0
    }

    /// Whether nothing changes.
    public var isNone: Bool {
        volumePercent == 0 && handleTimePercent == 0 && patiencePercent == 0
            && agentsPerTeam.values.allSatisfy { $0 == 0 } && shrinkagePoints == 0
    }

    /// Problems with the levers themselves, by field name (empty when they can be applied).
    public func problems(teams: [String]) -> [String] {
        var found: [String] = []
        for (name, value) in [("volumePercent", volumePercent), ("handleTimePercent", handleTimePercent),
                              ("patiencePercent", patiencePercent)] where !(value.isFinite && value >= -90 && value <= 300) {
            found.append("\(name): must be between -90 and 300, got \(value)")
        }
        if !(shrinkagePoints.isFinite && shrinkagePoints >= -100 && shrinkagePoints <= 100) {
            found.append("shrinkagePoints: must be between -100 and 100, got \(shrinkagePoints)")
        }
        for (team, delta) in agentsPerTeam.sorted(by: { $0.key < $1.key }) {
            if !teams.contains(team) {
                let hint = EditDistance.suggestion(for: team, among: teams).map { " (did you mean '\($0)'?)" } ?? ""
                found.append("agentsPerTeam.\(team): no such team\(hint); teams: \(teams.joined(separator: ", "))")
            } else if abs(delta) > 10_000 {
                found.append("agentsPerTeam.\(team): must be between -10000 and 10000, got \(delta)")
            }
        }
        return found
    }

    /// The scenario with the changes made, validated by the scenario's own rules.
    public func applied(to scenario: Scenario) throws -> Scenario {
        let problems = problems(teams: scenario.center.teams.map(\.name))
        guard problems.isEmpty else { throw WorkbenchError.badRequest(problems.joined(separator: "; ")) }
        var changed = scenario
        let volume = 1 + volumePercent / 100, handle = 1 + handleTimePercent / 100, patience = 1 + patiencePercent / 100
        for c in changed.center.channels.indices {
            var demand = changed.center.channels[c].demand
            switch demand.pattern {
            case .constant(let rate): demand.pattern = .constant(ratePerSecond: rate * volume)
            case .daily(var daily):
                daily.volumePerDay *= volume
                demand.pattern = .daily(daily)
            case .forecast(var forecast):
                forecast.volumes = forecast.volumes.map { $0 * volume }
                forecast.handleTimes = forecast.handleTimes?.map { $0.map { $0 * handle } }
                demand.pattern = .forecast(forecast)
            }
            demand.batches = demand.batches.map { ArrivalBatch(start: $0.start, end: $0.end, volume: $0.volume * volume) }
            changed.center.channels[c].demand = demand
            if patience != 1 { changed.center.channels[c].patience = changed.center.channels[c].patience?.scaled(by: patience) }
        }
        if handle != 1 {
            for k in changed.center.tiers.indices {
                changed.center.tiers[k].handleTimes = changed.center.tiers[k].handleTimes.map { $0?.scaled(by: handle) }
            }
        }
        for t in changed.center.teams.indices {
            var team = changed.center.teams[t]
            if let delta = agentsPerTeam[team.name], delta != 0 {
                if team.shifts.isEmpty {
                    team.constantAgents = max(0, team.constantAgents + delta)
                } else {
                    for s in team.shifts.indices { team.shifts[s].agents = max(0, team.shifts[s].agents + delta) }
                }
            }
            if shrinkagePoints != 0 { team.shrinkage = min(0.9, max(0, team.shrinkage + shrinkagePoints / 100)) }
            changed.center.teams[t] = team
        }
        try changed.validate()
        return changed
    }
}
