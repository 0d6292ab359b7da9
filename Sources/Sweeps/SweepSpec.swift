import Scenarios
import Yams

/// A sweep file as written: which scenario to start from, what to vary, how to choose the
/// points, how many replications each gets, and what to keep. `SweepPlanner` turns it into
/// a `SweepPlan` of validated scenarios.
struct SweepSpec {
    var name: String
    /// The sweep file as the user named it, and its text.
    var file: String
    var text: String
    /// The base scenario: its path (resolved against the sweep file's folder) and field.
    var basePath: String
    var baseField: YAMLField
    var seed: UInt64?
    var replications: Int?
    var seeding: Seeding
    var design: Design
    var parameters: [Parameter]
    var metrics: [String]?
    /// Where `metrics:` is, for problems found once the base scenario is known.
    var metricsField: YAMLField?
    /// Per-interval series to record (`IntervalSeries` names), and where `series:` is.
    var series: [String]
    var seriesField: YAMLField?
    var parametersField: YAMLField
}

/// How replications draw their random numbers across points.
public enum Seeding: String, Sendable, CaseIterable, Codable {
    /// Point p, replication r runs with the sweep seed and replication index r: every point
    /// sees the same arrivals, handle times and patiences (common random numbers), so
    /// differences between points are not blurred by sampling noise.
    case common
    /// Point p, replication r runs with replication index p·R + r: disjoint streams, points
    /// statistically independent.
    case independent
}

/// How the points of a sweep are chosen.
public enum Design: Sendable, Hashable {
    /// Every combination of the parameters' listed values; the first parameter varies slowest.
    case grid
    /// `points` points spread over the parameters' ranges by Latin hypercube sampling, drawn
    /// from the MRG32k3a stream of `seed` (see `LatinHypercube`).
    case latinHypercube(points: Int, seed: UInt64)
}

/// One parameter of a sweep: a field path and the values (or factors) it takes.
struct Parameter {
    enum Operation: String {
        /// Put the value at the path, written as in scenarios (`5m`, `540/h`, `80%`, a mapping…).
        case set
        /// Multiply the number at the path by a factor, keeping its unit.
        case scale
    }

    /// A listed value, with where it is written in the sweep file (for errors found later).
    struct Level {
        var node: Node
        var field: YAMLField
    }

    enum Levels {
        case list([Level])
        /// `{from: A, to: B}`: a continuous range, for Latin hypercube designs.
        case range(from: WrittenQuantity, to: WrittenQuantity, field: YAMLField)
    }

    var path: FieldPath
    var operation: Operation
    var levels: Levels
    /// Round to whole numbers: explicit `whole:`, or nil to infer from the base scenario.
    var whole: Bool?
    /// The parameter's entry in the sweep file (`parameters[i]`), and its `path:` field.
    var field: YAMLField
    var pathField: YAMLField
}
