import Foundation
import Scenarios

/// `ccsim roi --programs a,b,c`: each program against none, all on the same random numbers.
///
/// The "none" arm is the scenario with no training at all; arm p runs program p alone (the
/// file's programs not listed run in no arm, as with `--program`). Replication r of every arm shares its
/// streams, so the programs' differences are paired too: for each pair, the difference of net
/// benefits with its interval, and for each program the share of replications in which it has
/// the highest net benefit of all options, none included (P(best)).
public struct ProgramRanking: Sendable {
    public var programs: [String]
    /// One study per program, each against the same "none" ledgers.
    public var results: [ROIResult]
    public var studies: [ROIStudy]

    public struct Entry: Sendable {
        public var program: String
        public var result: ROIResult
        /// Share of replications where this program's net benefit is the highest (none = 0 included).
        public var probabilityBest: Double
    }

    public struct PairDifference: Sendable {
        public var first: String
        public var second: String
        /// Net benefit of `first` minus `second`, per paired replication.
        public var net: ROIResult.Estimate
    }

    /// The arms of program `name` against none.
    public static func arms(_ name: String, of programs: [String], in scenario: Scenario) throws(ROIError) -> ROIArms {
        for p in programs { _ = try ROIArms.alone(p, in: scenario) }
        return try ROIArms.program(name, in: scenario)
    }

    /// Runs the none arm once and every program's arm, `replications` each.
    public static func run(_ programs: [String], in scenario: Scenario, replications: Int, jobs: Int, mode: ROIStudy.Mode,
                           progress: (@Sendable () -> Void)?) throws -> ProgramRanking {
        var results: [ROIResult] = []
        var studies: [ROIStudy] = []
        for name in programs {
            var study = ROIStudy(arms: try arms(name, of: programs, in: scenario), replications: replications, jobs: jobs, mode: mode)
            study.progress = progress
            if let first = results.first {
                results.append(try study.rerunWith(study.arms.with, against: first, count: replications))
            } else {
                results.append(try study.run())
            }
            studies.append(study)
        }
        return ProgramRanking(programs: programs, results: results, studies: studies)
    }

    /// Programs by mean net benefit, best first.
    public var ranked: [Entry] {
        let n = results[0].replications.count
        var wins = Array(repeating: 0, count: programs.count)
        for r in 0..<n {
            let nets = results.map { $0.replications[r].net }
            if let best = nets.indices.max(by: { nets[$0] < nets[$1] }), nets[best] > 0 { wins[best] += 1 }
        }
        return programs.indices.map { Entry(program: programs[$0], result: results[$0], probabilityBest: Double(wins[$0]) / Double(n)) }
            .sorted { $0.result.net.mean > $1.result.net.mean }
    }

    /// Share of replications in which no program pays (none is best).
    public var probabilityNoneBest: Double {
        let n = results[0].replications.count
        return Double((0..<n).filter { r in results.allSatisfy { $0.replications[r].net <= 0 } }.count) / Double(n)
    }

    /// Every pair, in ranking order: net(first) − net(second), paired by replication.
    public var pairs: [PairDifference] {
        let order = ranked
        var out: [PairDifference] = []
        for i in order.indices {
            for j in order.indices where j > i {
                let a = order[i].result, b = order[j].result
                let d = zip(a.replications, b.replications).map { $0.net - $1.net }
                out.append(PairDifference(first: order[i].program, second: order[j].program, net: ROIResult.Estimate(d, level: a.confidenceLevel)))
            }
        }
        return out
    }
}
