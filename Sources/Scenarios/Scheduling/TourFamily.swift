/// One kind of tour the scheduler may use: a template on one set of working days, under a
/// contract or none.
public struct TourFamily: Sendable, Hashable {
    /// Index in `TeamScheduling.contracts`, nil when the team has no contracts.
    public var contract: Int?
    public var template: Int
    public var days: Set<Weekday>
    public var rules: TourRules
}

extension TeamScheduling {
    /// The rules in force for contract `index` (its own, else the team's).
    public func rules(contract index: Int?) -> TourRules {
        let contract = index.map { contracts[$0] }
        return TourRules(minRest: contract?.minRest ?? minRest, maxConsecutiveDays: contract?.maxConsecutiveDays ?? maxConsecutiveDays)
    }

    /// Every (contract, template, day set) whose tours keep the rules and make the contract's week.
    public var tourFamilies: [TourFamily] {
        var out: [TourFamily] = []
        let contractIndices: [Int?] = contracts.isEmpty ? [nil] : contracts.indices.map { $0 }
        for c in contractIndices {
            let rules = rules(contract: c)
            for (k, template) in templates.enumerated() {
                for days in template.daySets {
                    if let c, !contracts[c].fits(template, days: days.count) { continue }
                    guard rules.allow(days, length: template.length, starts: template.starts, sameStart: dailyStart == .same) else { continue }
                    out.append(TourFamily(contract: c, template: k, days: days, rules: rules))
                }
            }
        }
        return out
    }
}
