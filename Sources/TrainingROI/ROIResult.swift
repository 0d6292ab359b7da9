import Statistics

/// The answer to `ccsim roi`: the paired replications and what they say about the program —
/// each money line, net benefit and ROI with confidence intervals, the chance the program
/// pays, when it pays back, the variance common random numbers removed, and the service
/// and workforce differences behind the money.
public struct ROIResult: Sendable {
    public var replications: [PairedReplication]
    public var valuation: ROIValuation
    public var confidenceLevel: Double

    public init(replications: [PairedReplication], valuation: ROIValuation, confidenceLevel: Double = 0.95) {
        precondition(!replications.isEmpty, "ROI needs at least one replication")
        self.replications = replications
        self.valuation = valuation
        self.confidenceLevel = confidenceLevel
    }

    /// Mean, standard deviation and t-interval of a per-replication figure.
    public struct Estimate: Sendable, Hashable, Codable {
        public var mean: Double
        public var standardDeviation: Double
        public var lower: Double?
        public var upper: Double?
        public var count: Int
        /// True when the t-interval reached past the replications' own range and was cut back to
        /// it (``clampedToObservedRange(of:)``); nil otherwise, and absent from `roi.json`.
        public var clamped: Bool?

        public init(_ values: [Double], level: Double) {
            var tally = Tally()
            for v in values { tally.add(v) }
            count = values.count
            mean = values.isEmpty ? .nan : tally.mean
            standardDeviation = values.count > 1 ? tally.standardDeviation : 0
            let ci = tally.confidenceInterval(level: level)
            lower = ci?.lower
            upper = ci?.upper
        }

        /// The ratio of two means, `mean(numerators) / mean(denominators)`, over paired values,
        /// with its delta-method interval: the residuals `nᵢ − R·dᵢ` carry the ratio's variance,
        /// so `standardDeviation` is theirs divided by the mean denominator and the interval is
        /// `R ± t · standardDeviation / √count`. Nil when the mean denominator is not above 0.
        ///
        /// Why not the mean of the per-replication ratios: that is a different quantity (biased
        /// for the ratio, and dominated by the replications that cost little), and its sign can
        /// disagree with the mean net benefit's, so ROI could read +2% beside a negative net.
        public static func ratio(_ numerators: [Double], over denominators: [Double], level: Double) -> Estimate? {
            precondition(numerators.count == denominators.count, "a ratio needs paired values")
            let n = numerators.count
            guard n > 0 else { return nil }
            let meanDenominator = denominators.reduce(0, +) / Double(n)
            guard meanDenominator > 0 else { return nil }
            let r = (numerators.reduce(0, +) / Double(n)) / meanDenominator
            var residuals = Tally()
            for i in 0..<n { residuals.add(numerators[i] - r * denominators[i]) }
            var e = Estimate([], level: level)
            e.count = n
            e.mean = r
            e.standardDeviation = n > 1 ? residuals.standardDeviation / meanDenominator : 0
            let ci = ConfidenceInterval.student(mean: r, standardDeviation: e.standardDeviation, count: n, level: level)
            e.lower = ci?.lower
            e.upper = ci?.upper
            return e
        }

        /// The interval cut back to the smallest and largest of `values` (the ones it was made
        /// from). For costs: when a few replications carry all the cost (a new-hire course in
        /// the replications that hire), the t-interval's symmetric half-width reaches below the
        /// smallest cost any replication had, below 0 even, which no mean of these costs can be.
        public func clampedToObservedRange(of values: [Double]) -> Estimate {
            guard let low = values.min(), let high = values.max(), let lower, let upper else { return self }
            var copy = self
            copy.lower = max(lower, low)
            copy.upper = min(upper, high)
            if copy.lower != lower || copy.upper != upper { copy.clamped = true }
            return copy
        }
    }

    func estimate(_ values: [Double]) -> Estimate { Estimate(values, level: confidenceLevel) }

    public var weekCount: Int { replications[0].weeklyLines.count }

    /// The lines that appear (non-zero in some replication), in `ROILine` order.
    public var lines: [ROILine] {
        let totals = replications.map(\.lines)
        return ROILine.allCases.filter { line in totals.contains { ($0[line] ?? 0) != 0 } }
    }

    /// A cost line's interval is held to the range of its replications (see ``Estimate/clampedToObservedRange(of:)``).
    public func estimate(_ line: ROILine) -> Estimate {
        let values = replications.map { $0.lines[line] ?? 0 }
        return line.isCost ? estimate(values).clampedToObservedRange(of: values) : estimate(values)
    }
    /// Total cost, its interval held to the range of the replications' costs.
    public var cost: Estimate {
        let values = replications.map(\.cost)
        return estimate(values).clampedToObservedRange(of: values)
    }
    public var benefit: Estimate { estimate(replications.map { $0.net + $0.cost }) }
    public var net: Estimate { estimate(replications.map(\.net)) }

    /// ROI = mean net / mean cost over all replications (a ratio estimate, see
    /// ``Estimate/ratio(_:over:level:)``): its sign is the mean net's. Nil when the program
    /// costs nothing on average.
    public var roi: Estimate? {
        Estimate.ratio(replications.map(\.net), over: replications.map(\.cost), level: confidenceLevel)
    }

    /// The program changed nothing: in every replication both arms' weeks are the same (no cost,
    /// no time off the phones, no effect on anyone), so there is no effect to evaluate.
    public var isInert: Bool { replications.allSatisfy { $0.with == $0.without && ($0.labourSaved ?? 0) == 0 } }

    /// No replication has any cash line: the program cost nothing and returned no cash.
    public var hasNoCash: Bool { !replications.contains(where: \.hasCash) }

    /// Net present value: each week's net discounted at the valuation's annual rate.
    public var netPresentValue: Estimate { estimate(replications.map(\.netPresentValue)) }
    public var discountRate: Double { valuation.values.discountRate }

    /// Capacity freed (hours; not cash): handling hours saved, off-phone hours spent, the net.
    public var handlingHoursSaved: Estimate { estimate(replications.map(\.capacity.handlingHoursSaved)) }
    public var offPhoneHours: Estimate { estimate(replications.map(\.capacity.offPhoneHours)) }
    public var netCapacityHours: Estimate { estimate(replications.map(\.capacity.netHours)) }
    /// The net capacity as full-time agents over the run.
    public var netCapacityFTE: Estimate { estimate(replications.map { $0.capacity.fte($0.capacity.netHours) }) }

    /// Share of replications with ROI above 0 (net benefit above 0), with a Wilson score interval:
    /// the replications draw the uncertain effects, so this is the trainer's chance that it pays.
    public var probabilityPositive: (share: Double, lower: Double, upper: Double) {
        let n = Double(replications.count)
        let k = Double(replications.filter { $0.net > 0 }.count)
        let p = k / n
        let z = StandardNormal.quantile(0.5 + confidenceLevel / 2)
        let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        let half = z / (1 + z * z / n) * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()
        return (p, max(0, centre - half), min(1, centre + half))
    }

    /// Payback weeks across replications: the median and a 10–90% range, and the share that
    /// pays back within the horizon (nil figures when fewer than half do).
    public var payback: Payback { Self.payback(replications.map(\.paybackWeek)) }
    /// The same on discounted money.
    public var discountedPayback: Payback { Self.payback(replications.map(\.discountedPaybackWeek)) }

    static func payback(_ paybackWeeks: [Int?]) -> Payback {
        let weeks = paybackWeeks.map { $0.map(Double.init) ?? .infinity }.sorted()
        func quantile(_ q: Double) -> Double? {
            let value = weeks[min(weeks.count - 1, Int((q * Double(weeks.count - 1)).rounded()))]
            return value.isFinite ? value : nil
        }
        return Payback(median: quantile(0.5), p10: quantile(0.1), p90: quantile(0.9),
                       withinHorizon: Double(weeks.filter(\.isFinite).count) / Double(weeks.count))
    }

    public struct Payback: Sendable, Hashable, Codable {
        public var median: Double?
        public var p10: Double?
        public var p90: Double?
        public var withinHorizon: Double
    }

    /// How much pairing narrowed the net benefit's interval: the variance an unpaired design
    /// would have (each arm's own variance, added) over the paired difference's variance.
    /// Above 1 means common random numbers helped; the interval narrows by its square root.
    public var varianceReduction: Double? {
        guard replications.count > 1 else { return nil }
        let v = valuation
        var with = Tally(), without = Tally(), paired = Tally()
        for r in replications {
            let w = r.with.weeks.reduce(0) { $0 + v.armValue($1) }
            let o = r.without.weeks.reduce(0) { $0 + v.armValue($1) } + (r.labourSaved ?? 0)
            with.add(w)
            without.add(o)
            paired.add(o - w)
        }
        guard paired.variance > 0 else { return nil }
        return (with.variance + without.variance) / paired.variance
    }

    /// Cumulative net benefit at the end of week w (0-based), across replications.
    public func cumulativeNet(week w: Int) -> Estimate {
        estimate(replications.map { $0.cumulativeNet[w] })
    }

    /// A whole-run service or workforce figure of each arm, and the paired difference (with − without).
    public struct Difference: Sendable, Hashable, Codable {
        public var with: Estimate
        public var without: Estimate
        public var change: Estimate
    }

    public func difference(_ figure: (ArmWeek) -> Double?) -> Difference? {
        difference(of: \.total, figure)
    }

    /// The same figure for week w of each arm.
    public func difference(week: Int, _ figure: (ArmWeek) -> Double?) -> Difference? {
        difference(of: { $0.weeks[week] }, figure)
    }

    private func difference(of period: (ArmLedger) -> ArmWeek, _ figure: (ArmWeek) -> Double?) -> Difference? {
        var w: [Double] = [], o: [Double] = [], d: [Double] = []
        for r in replications {
            guard let a = figure(period(r.with)), let b = figure(period(r.without)) else { continue }
            w.append(a)
            o.append(b)
            d.append(a - b)
        }
        guard !d.isEmpty else { return nil }
        return Difference(with: estimate(w), without: estimate(o), change: estimate(d))
    }
}
