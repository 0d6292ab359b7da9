import Foundation
import ResultsSchema
import Statistics
import Yams

/// Two saved runs side by side: the scenario inputs that differ (by YAML field path), and each
/// channel's figures with the difference B − A. When the runs share their seed, replication r of
/// one met the same customers as replication r of the other (common random numbers), so the
/// difference is paired replication by replication: a much narrower interval than two
/// independent runs give. Otherwise the interval is Welch's, for independent samples.
public struct RunComparison: Codable, Sendable {
    public var a: HistoryStore.RunRecord
    public var b: HistoryStore.RunRecord
    public var paired: Bool
    public var inputs: [InputDifference]
    public var metrics: [MetricDifference]

    public struct InputDifference: Codable, Sendable, Equatable {
        public var path: String
        public var a: String?
        public var b: String?
    }

    public struct MetricDifference: Codable, Sendable {
        public var channel: String
        /// The metric's name in summary.json, and its label in reports.
        public var metric: String
        public var label: String
        public var a: Double?
        public var b: Double?
        public var difference: Double?
        public var low: Double?
        public var high: Double?
        public var pairs: Int
    }

    public init(a: HistoryStore.RunRecord, b: HistoryStore.RunRecord, aValues: [HistoryStore.ReplicationValue],
                bValues: [HistoryStore.ReplicationValue], level: Double = 0.95) {
        self.a = a
        self.b = b
        paired = a.seed == b.seed
        inputs = Self.inputDifferences(a.yaml, b.yaml)
        var keys: [String] = []
        var seen = Set<String>()
        for v in aValues + bValues where seen.insert("\(v.channel)\u{1}\(v.metric)").inserted { keys.append("\(v.channel)\u{1}\(v.metric)") }
        let paired = paired
        metrics = keys.map { key in
            let parts = key.split(separator: "\u{1}").map(String.init)
            func series(_ values: [HistoryStore.ReplicationValue]) -> [Int: Double] {
                Dictionary(values.filter { $0.channel == parts[0] && $0.metric == parts[1] }.map { ($0.replication, $0.value) },
                           uniquingKeysWith: { x, _ in x })
            }
            let x = series(aValues), y = series(bValues)
            var ta = Tally(), tb = Tally()
            x.values.forEach { ta.add($0) }
            y.values.forEach { tb.add($0) }
            var difference: Double?, low: Double?, high: Double?, pairs = 0
            if paired {
                var d = Tally()
                for (r, value) in x { if let other = y[r] { d.add(other - value) } }
                pairs = d.count
                if d.count > 0 { difference = d.mean }
                if let ci = d.confidenceInterval(level: level) { low = ci.mean - ci.halfWidth; high = ci.mean + ci.halfWidth }
            } else if ta.count > 0, tb.count > 0 {
                difference = tb.mean - ta.mean
                if ta.count > 1, tb.count > 1 {
                    let va = ta.variance / Double(ta.count), vb = tb.variance / Double(tb.count)
                    let se = (va + vb).squareRoot()
                    // Welch–Satterthwaite degrees of freedom.
                    let dof = se > 0 ? pow(va + vb, 2) / (va * va / Double(ta.count - 1) + vb * vb / Double(tb.count - 1)) : 1
                    let t = StudentT.quantile(1 - (1 - level) / 2, degreesOfFreedom: max(1, dof))
                    low = difference! - t * se
                    high = difference! + t * se
                }
            }
            return MetricDifference(channel: parts[0], metric: parts[1], label: Metric(rawValue: parts[1])?.label ?? parts[1], a: ta.count > 0 ? ta.mean : nil,
                                    b: tb.count > 0 ? tb.mean : nil, difference: difference, low: low, high: high, pairs: pairs)
        }
    }

    /// Leaf values of two YAML documents that differ, by field path (`teams.frontline.shifts[0].agents`).
    static func inputDifferences(_ a: String, _ b: String) -> [InputDifference] {
        let x = flatten((try? Yams.load(yaml: a)) ?? nil), y = flatten((try? Yams.load(yaml: b)) ?? nil)
        return Set(x.keys).union(y.keys).sorted().compactMap { path in
            x[path] == y[path] ? nil : InputDifference(path: path, a: x[path], b: y[path])
        }
    }

    static func flatten(_ node: Any?, path: String = "") -> [String: String] {
        switch node {
        case let map as [String: Any]:
            return map.reduce(into: [:]) { out, entry in
                out.merge(flatten(entry.value, path: path.isEmpty ? entry.key : "\(path).\(entry.key)")) { x, _ in x }
            }
        case let map as [AnyHashable: Any]:
            return map.reduce(into: [:]) { out, entry in
                let key = "\(entry.key)"
                out.merge(flatten(entry.value, path: path.isEmpty ? key : "\(path).\(key)")) { x, _ in x }
            }
        case let list as [Any]:
            return list.enumerated().reduce(into: [:]) { out, entry in
                out.merge(flatten(entry.element, path: "\(path)[\(entry.offset)]")) { x, _ in x }
            }
        case nil:
            return path.isEmpty ? [:] : [path: "null"]
        case let value?:
            return [path: "\(value)"]
        }
    }
}
