/// The finite range of every quantity a scenario (or a command-line argument) may hold.
///
/// Stated once here and in scenarios/README.md ("Limits"). The bounds are far beyond any real
/// contact center, yet small enough that every sum, product and conversion the simulator does
/// with them stays finite and fits an `Int`: a mistyped `8.5e19h` is refused at the field
/// that holds it instead of trapping, allocating gigabytes or running for ever later.
public enum DomainLimits {
    /// Shortest non-zero duration: one millisecond, the smallest unit of the grammar
    /// (`250ms`). Below it a handle or wait time is numerical noise ("0 Erlangs").
    public static let shortestDuration = 0.001
    /// Longest duration: 100 years (of 365 days). Horizons, warm-ups, delays and every
    /// distribution's mean stay below it, so simulated clocks stay under ~10^10 s.
    public static let longestDuration = 100 * 365 * 86_400.0
    /// Shortest measured horizon and reporting interval: one minute. Shorter periods hold
    /// no meaningful service-level figure and are almost always a unit typo.
    public static let shortestPeriod = 60.0
    /// Highest arrival rate: 10^6 contacts per hour (~280/s), an order of magnitude above the
    /// busiest national centers. The resource budget then decides whether a run fits.
    public static let highestRate = 1e6 / 3600
    /// Lowest non-zero arrival rate: one contact per 100 years.
    public static let lowestRate = 1 / longestDuration
    /// Largest magnitude of a plain number (costs, volumes, factors, parameters).
    public static let largestNumber = 1e9
    /// Smallest magnitude of a non-zero plain number; smaller values are denormal noise (4e-320).
    public static let smallestNumber = 1e-9
    /// Largest magnitude of a whole number (10^12): counts multiplied together stay far from
    /// `Int`'s range; fields with a tighter rule (seeds, head counts) check their own.
    public static let largestInteger = 1_000_000_000_000
    /// Most agents in one team, one shift or one hiring cohort.
    public static let maxAgents = 1_000_000
    /// Most agent groups of a scenario: its teams, and each further skill profile a published
    /// roster's agents have within their team (a real center has dozens; the simulator files
    /// agents by group in 16 bits).
    public static let maxAgentGroups = 65_535
    /// Largest daily volume (`per_day`): the highest rate around the clock.
    public static let maxDailyVolume = highestRate * 86_400
    /// Largest day-of-week factor: 100 times the daily volume.
    public static let maxDayFactor = 100.0
    /// Largest coefficient of variation of a distribution (`cv`, `busyness_cv`); beyond it
    /// nearly every draw is 0 and the rest are astronomically large.
    public static let maxCV = 100.0
    /// Occupancy ceiling of staffing and scheduling (`scheduling.max_occupancy`,
    /// `--max-occupancy`): from 50% (below it a plan pays agents to wait most of the time, almost
    /// surely a typo for 85%) to 100% (no ceiling).
    public static let occupancyCeiling: ClosedRange<Double> = 0.5...1
    /// Most YAML nodes in a scenario once aliases are expanded (bounds "billion laughs" files).
    public static let maxYAMLNodes = 200_000
    /// Deepest YAML nesting.
    public static let maxYAMLDepth = 64
    /// Largest scenario file read, in bytes.
    public static let maxFileBytes = 16 << 20

    /// "at most 100 years" style descriptions, for messages and docs.
    public static var longestDurationText: String { "100 years" }
    public static var highestRateText: String { "1000000/h" }
}

extension Int {
    /// `Int(x.rounded(rule))` when it fits, nil for NaN, ±∞ or values beyond `Int`'s range:
    /// the one conversion from a user-derived `Double` to an integer, so none can trap.
    /// Inlinable so that a constant `rule` folds into one rounding instruction (the simulation's
    /// day and slot lookups call it on every arrival).
    @inlinable @inline(__always)
    public init?(checked x: Double, rounding rule: FloatingPointRoundingRule = .towardZero) {
        let r = x.rounded(rule)
        // 2^63 is exactly representable; anything ≥ it (or NaN) does not fit.
        guard r.isFinite, r > -9.223372036854775808e18, r < 9.223372036854775808e18 else { return nil }
        self = Int(r)
    }

    /// Like `init(checked:)` but saturating at `Int.min`/`Int.max` (NaN gives 0), for
    /// indices and counts that are clamped to a valid range right after.
    @inlinable @inline(__always)
    public init(clampedFrom x: Double, rounding rule: FloatingPointRoundingRule = .towardZero) {
        if x.isNaN { self = 0; return }
        self = Int(checked: x, rounding: rule) ?? (x < 0 ? .min : .max)
    }
}
