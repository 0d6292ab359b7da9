import Foundation

/// The parts of `roi.json` (written by `ccsim roi --out`) that the report shows, decoded on their
/// own so the report does not link the simulator. Money is in the scenario's currency.
public struct RoiResults: Decodable, Sendable {
    /// A figure over paired replications: mean and confidence interval.
    public struct Estimate: Decodable, Sendable {
        public var mean: Double
        public var standardDeviation: Double?
        public var lower: Double?
        public var upper: Double?
        public var count: Int?
        /// The interval was cut back to the replications' range (costs only; absent otherwise).
        public var clamped: Bool?
    }
    public struct Line: Decodable, Sendable {
        public var name: String
        public var label: String
        public var isCost: Bool
        public var estimate: Estimate
    }
    public struct Share: Decodable, Sendable {
        public var share: Double
        public var lower: Double
        public var upper: Double
    }
    public struct Payback: Decodable, Sendable {
        public var median: Double?
        public var p10: Double?
        public var p90: Double?
        public var withinHorizon: Double
    }
    public struct Change: Decodable, Sendable {
        public struct Difference: Decodable, Sendable {
            public var with: Estimate
            public var without: Estimate
            public var change: Estimate
        }
        public var name: String
        /// Words for the figure (absent in files from before the label was written).
        public var label: String?
        public var unit: String
        public var difference: Difference
    }
    public struct Sensitivity: Decodable, Sendable {
        public struct Range: Decodable, Sendable {
            public var program: String
            public var effect: String
            public var low: Double
            public var base: Double
            public var high: Double
            public var basis: String?
        }
        public struct Row: Decodable, Sendable {
            public var range: Range
            public var roiAtLow: Double?
            public var roiAtHigh: Double?
        }
        public var replications: Int
        public var baseRoi: Double?
        public var rows: [Row]
    }

    public struct Capacity: Decodable, Sendable {
        public var handlingHoursSaved: Estimate
        public var offPhoneHours: Estimate
        public var netHours: Estimate
        public var netFte: Estimate
        public var hoursPerFte: Double
    }
    public struct BreakEven: Decodable, Sendable {
        public var program: String
        public var effect: String
        public var outcome: String
        public var value: Double
        public var sentence: String
    }
    public struct RankingRow: Decodable, Sendable {
        public var program: String
        public var verdict: String
        public var cost: Double
        public var benefit: Double
        public var net: Estimate
        public var npv: Double
        public var roi: Double?
        public var probabilityPositive: Double
        public var probabilityBest: Double
        public var paybackMedian: Double?
        public var netOverNext: Estimate?
    }

    public var kind: String
    /// The plain-language sentence the page opens with.
    public var verdict: String?
    /// With several programs: the ranking's sentence, which the page opens with instead.
    public var rankingVerdict: String?
    public var howToRead: [String]?
    public var ccsimVersion: String?
    public var scenario: String
    public var file: String?
    public var programs: [String]
    public var versus: String?
    public var mode: String?
    public var seed: UInt64?
    public var replications: Int
    public var weeks: Int
    public var confidenceLevel: Double
    public var lines: [Line]
    public var cost: Estimate
    public var benefit: Estimate
    public var net: Estimate
    public var roi: Estimate?
    public var discountRate: Double?
    public var npv: Estimate?
    public var probabilityPositive: Share
    public var payback: Payback
    public var discountedPayback: Payback?
    public var capacity: Capacity?
    public var breakEven: [BreakEven]?
    public var ranking: [RankingRow]?
    public var varianceReduction: Double?
    public var changes: [Change]
    public var cumulativeNet: [Estimate]
    public var roiByReplication: [Double?]
    public var sensitivity: Sensitivity?

    /// Reads a `roi.json` document (snake_case keys; infinities written as "inf").
    public static func decode(_ data: Data) throws -> RoiResults {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(RoiResults.self, from: data)
    }
}
