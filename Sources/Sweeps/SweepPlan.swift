import Scenarios

/// A validated sweep, ready to run: every point's scenario has been built and checked by the
/// scenario loader, so nothing found later can be a user error.
public struct SweepPlan: Sendable {
    public var name: String
    /// The sweep file as named on the command line, its text and SHA-256.
    public var file: String
    public var text: String
    public var textHash: String
    /// The base scenario file, its text and SHA-256.
    public var baseFile: String
    public var baseText: String
    public var baseHash: String
    public var seed: UInt64
    public var replications: Int
    public var seeding: Seeding
    public var design: Design
    public var parameters: [ParameterInfo]
    public var metrics: [String]
    /// Per-interval series recorded for every run (`IntervalSeries` names; empty: none).
    public var series: [String] = []
    public var points: [SweepPoint]

    /// What a store must match to hold this sweep's runs: the sweep file's and base scenario's
    /// YAML content, so that editing a comment or the layout keeps the stored runs (they would be
    /// the same runs), while any change of a value is another sweep.
    public var identity: String {
        SHA256.hex(Array((YAMLContent.fingerprint(text) + "\n" + YAMLContent.fingerprint(baseText)).utf8))
    }

    /// The identity stores made by ccsim before comments were ignored: of the exact texts.
    public var textIdentity: String { SHA256.hex(Array((textHash + "\n" + baseHash).utf8)) }

    public var runCount: Int { points.count * replications }

    /// The replication index (random-stream selector) of point `point`, replication `replication`:
    /// `r` with common random numbers, `p·R + r` with independent seeding.
    public func replicationIndex(point: Int, replication: Int) -> Int {
        switch seeding {
        case .common: replication
        case .independent: point * replications + replication
        }
    }

    /// The runs of `shard` (all runs when nil), point-major: run i = p·R + r belongs to shard
    /// K of N when i mod N = K − 1, so every shard gets a similar mix of points.
    public func runs(shard: Shard? = nil) -> [RunKey] {
        var keys: [RunKey] = []
        keys.reserveCapacity(shard.map { runCount / $0.count + 1 } ?? runCount)
        for point in points.indices {
            for replication in 0..<replications {
                let i = point * replications + replication
                if let shard, i % shard.count != shard.index - 1 { continue }
                keys.append(RunKey(point: point, replication: replication))
            }
        }
        return keys
    }
}

/// A parameter as the store records it.
public struct ParameterInfo: Sendable, Hashable, Codable {
    public var path: String
    /// `set` (the column holds the value) or `scale` (the column holds the factor, and the
    /// column `"PATH result"` the resulting number).
    public var operation: String

    public init(path: String, operation: String) {
        self.path = path
        self.operation = operation
    }

    /// The `points` column of the number a `scale` parameter gave (paths have no spaces, so
    /// it cannot clash with a parameter's own column).
    public var resultColumn: String? { operation == "scale" ? path + " result" : nil }
}

/// One point of a sweep: the parameters' values and the scenario they give.
public struct SweepPoint: Sendable {
    public var id: Int
    public var values: [ParameterValue]
    /// The complete scenario YAML of this point (runnable with `ccsim run`, after setting its seed).
    public var scenarioYAML: String
    public var scenario: Scenario

    /// `team.agents=48, handle_time.exponential.mean×1.1`
    public var label: String { Self.label(values) }

    static func label(_ values: [ParameterValue]) -> String {
        values.map { $0.operation == "scale" ? "\($0.path)\($0.written)" : "\($0.path)=\($0.written)" }
            .joined(separator: ", ")
    }
}

/// A parameter's value at a point: as written (`5m`, `×1.1`) and as a number for tables and
/// plots (durations in seconds, rates per hour, percentages as shares, factors as is).
public struct ParameterValue: Sendable, Hashable {
    public var path: String
    public var operation: String
    public var written: String
    public var number: Double?
    /// For `scale`: the resulting number at the path (summed over the fields a wildcard
    /// selects), in the same units as a `set` value would be; nil for `set`.
    public var result: Double? = nil
}

/// One run of a sweep: a point and a replication number (0-based, within the point).
public struct RunKey: Sendable, Hashable, Comparable {
    public var point: Int
    public var replication: Int

    public init(point: Int, replication: Int) {
        self.point = point
        self.replication = replication
    }

    public static func < (a: RunKey, b: RunKey) -> Bool {
        (a.point, a.replication) < (b.point, b.replication)
    }
}

/// The K-th of N deterministic slices of a sweep's runs (`--shard K/N`, K from 1).
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `K/N` with 1 ≤ K ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else { return nil }
        index = k
        count = n
    }

    public var description: String { "\(index)/\(count)" }
}
