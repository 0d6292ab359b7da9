import Foundation
import Scenarios
import Stochastics

/// Writes a fitted log as a fragment of ccsim's scenario YAML: per channel `demand`
/// (per_day, a per-interval profile, day_of_week, busyness_cv), `tiers` shares and
/// `patience`; per tier `handle_time` per channel and `resolution` shares.
/// Teams, routing and run settings are not in a contact log, so they are left to the user.
public enum ScenarioFragment {
    public static func yaml(_ fit: LogFit, source: String, interval: Double) -> String {
        var out = "# Fitted by `ccsim fit` from \(source) (\(fit.log.rows.count) rows, \(fit.log.badRows.count) bad rows skipped).\n"
        out += "# A scenario fragment: add run, teams and routing. Durations are maximum-likelihood fits chosen by AIC;\n"
        out += "# patience accounts for censoring (answered contacts only tell that patience exceeded the wait).\n"
        out += "# Profiles have one weight per \(Self.seconds(interval)) interval from 00:00: set run.interval to match.\n"
        out += "channels:\n"
        let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        for channel in fit.channels {
            out += "  \(name(channel)):\n"
            if !["voice", "chat", "email"].contains(channel) {
                // The log does not say; abandonment is the best hint (email never abandons).
                out += "    kind: \(fit.patience[channel] == nil ? "email" : "voice")   # guessed: not in the log\n"
            }
            if case let .success(a)? = fit.arrivals[channel] {
                out += "    demand:\n"
                out += "      per_day: \(number(a.perDay))\n"
                out += "      profile: [\(a.profile.map { number($0 * Double(a.profile.count)) }.joined(separator: ", "))]\n"
                let seen = zip(days, a.dayOfWeek).compactMap { day, factor in factor.map { "\(day): \(number($0))" } }
                let unseen = zip(days, a.dayOfWeek).filter { $0.1 == nil }.map(\.0)
                out += "      day_of_week: {\(seen.joined(separator: ", "))}\n"
                if !unseen.isEmpty {
                    out += "      # not in the log: \(unseen.joined(separator: ", ")); a weekday left out has factor 1 (set 0 if closed)\n"
                }
                if let cv = a.busynessCV, cv > 0 { out += "      busyness_cv: \(number(cv))\n" }
            }
            if let shares = fit.tierShares[channel] {
                let present = fit.tiers.filter { shares[$0] != nil }
                let written = exactShares(present.map { shares[$0]! })
                out += "    tiers: {\(zip(present, written).map { "\(name($0)): \($1)%" }.joined(separator: ", "))}\n"
            }
            if case let .success(p)? = fit.patience[channel] {
                out += "    patience: \(distribution(p.best.distribution))\n"
            }
        }
        out += "tiers:\n"
        for tier in fit.tiers {
            out += "  \(name(tier)):\n"
            out += "    handle_time:\n"
            for channel in fit.channels {
                if case let .success(h)? = fit.handleTimes[LogFit.Key(channel: channel, tier: tier)] {
                    out += "      \(name(channel)): \(distribution(h.distribution))\n"
                }
            }
            if let r = fit.resolution[tier] {
                out += "    resolution: {resolved: \(percent(r.resolved))"
                let escalation = fit.escalations[tier]
                if r.escalated > 0 && escalation != nil { out += ", escalated: \(percent(r.escalated))" }
                out += "}\n"
                if let e = escalation, r.escalated > 0 {
                    out += "    escalation: {to: \(name(e.toTier)), mode: \(e.mode)" + (e.mode == "ticket" ? ", channel: \(name(e.channel))" : "") + "}\n"
                }
            }
        }
        return out
    }

    /// Every value `yaml` would write that a scenario refuses (`DomainLimits`), as
    /// `field.path: problem`, in the order written; empty when the fragment loads.
    ///
    /// A fitted value outside the limits is not clamped: it comes from the log (an outlier row,
    /// a log spanning years, a few huge handle times) and a clamped number would hide that. The
    /// command refuses to write such a fragment and names the field, so the log can be checked.
    public static func problems(_ fit: LogFit) -> [String] {
        var found: [String] = []
        let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        func plain(_ path: String, _ x: Double, atMost limit: Double = DomainLimits.largestNumber, _ what: String = "the largest number a scenario accepts") {
            if !x.isFinite || x < 0 || x > limit {
                found.append("\(path): the fit gives \(number(x)), beyond \(number(limit)), \(what)")
            }
        }
        func distributionProblem(_ path: String, _ d: Distribution) {
            let family = "\(path).\(d.family)"
            do { try d.validate() } catch {
                found.append("\(family): the fitted \(Self.distribution(d)) is not a valid distribution (\(error))"); return
            }
            let parameters: [(String, Double)] = switch d {
            case let .exponential(mean): [("mean", mean)]
            case let .gamma(shape, scale), let .weibull(shape, scale): [("shape", shape), ("scale", scale)]
            case let .lognormal(mu, sigma): [("mu", mu), ("sigma", sigma)]
            default: []
            }
            for (name, value) in parameters where !(value.isFinite && abs(value) <= DomainLimits.largestNumber) {
                found.append("\(family).\(name): the fit gives \(number(value)), beyond \(number(DomainLimits.largestNumber)), the largest number a scenario accepts"); return
            }
            let mean = d.mean
            if !(mean <= DomainLimits.longestDuration) {
                found.append("\(family): the fitted distribution has a mean of \(Quantity.describe(duration: mean)), longer than \(DomainLimits.longestDurationText), the longest duration ccsim simulates")
            } else if mean < DomainLimits.shortestDuration {
                found.append("\(family): the fitted distribution has a mean of \(Quantity.describe(duration: mean)), shorter than 1ms, the shortest duration ccsim resolves")
            }
        }
        for channel in fit.channels {
            if case let .success(a)? = fit.arrivals[channel] {
                let demand = "channels.\(channel).demand"
                plain("\(demand).per_day", a.perDay, atMost: DomainLimits.maxDailyVolume, "the largest daily volume a scenario accepts (\(DomainLimits.highestRateText) around the clock)")
                for (day, factor) in zip(days, a.dayOfWeek) {
                    if let factor { plain("\(demand).day_of_week.\(day)", factor, atMost: DomainLimits.maxDayFactor, "the largest day-of-week factor a scenario accepts") }
                }
                if let cv = a.busynessCV, cv > 0 {
                    plain("\(demand).busyness_cv", cv, atMost: DomainLimits.maxCV, "the largest coefficient of variation a scenario accepts (the daily totals vary far more than any busyness: look for outlier arrival_s rows)")
                }
            }
            if case let .success(p)? = fit.patience[channel] { distributionProblem("channels.\(channel).patience", p.best.distribution) }
        }
        for tier in fit.tiers {
            for channel in fit.channels {
                if case let .success(h)? = fit.handleTimes[LogFit.Key(channel: channel, tier: tier)] {
                    distributionProblem("tiers.\(tier).handle_time.\(channel)", h.distribution)
                }
            }
        }
        return found
    }

    /// A distribution in the scenario's native parameter form (durations in seconds).
    public static func distribution(_ d: Distribution) -> String {
        switch d {
        case let .exponential(mean): "{exponential: {mean: \(seconds(mean))}}"
        case let .gamma(shape, scale): "{gamma: {shape: \(number(shape)), scale: \(seconds(scale))}}"
        case let .lognormal(mu, sigma): "{lognormal: {mu: \(number(mu)), sigma: \(number(sigma))}}"
        case let .weibull(shape, scale): "{weibull: {shape: \(number(shape)), scale: \(seconds(scale))}}"
        default: "\(d)"
        }
    }

    /// Percentages with two decimals that add up to exactly 100 (the loader checks the sum):
    /// the largest share takes the rounding remainder.
    static func exactShares(_ shares: [Double]) -> [String] {
        var hundredths = shares.map { Int(clampedFrom: $0 * 10_000, rounding: .toNearestOrAwayFromZero) }
        if let largest = hundredths.indices.max(by: { hundredths[$0] < hundredths[$1] }) {
            hundredths[largest] += 10_000 - hundredths.reduce(0, +)
        }
        return hundredths.map { String(format: "%d.%02d", $0 / 100, $0 % 100) }
    }

    /// A channel or tier name as YAML: as is when it is a plain word, else double-quoted, so a
    /// name from the log (`Voice: inbound`, `#2`) cannot change the fragment's structure.
    static func name(_ s: String) -> String {
        let plain = !s.isEmpty && s.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "_-.".unicodeScalars.contains($0) }
            && !["-", "."].contains(s.first!) && !["true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"].contains(s.lowercased())
            && Double(s) == nil
        if plain { return s }
        return YAMLText.doubleQuoted(s)
    }

    static func number(_ x: Double) -> String { String(format: "%.6g", x) }
    static func seconds(_ x: Double) -> String { number(x) + "s" }
    static func percent(_ x: Double) -> String { String(format: "%.4g%%", x * 100) }
}
