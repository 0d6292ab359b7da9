import ContactCenter
import XCTest

/// The day's rota sort (a bucket sort by time) gives exactly the order of a comparison sort on
/// (time, agent, kind), whatever the input: shift seats starting together, crowded buckets, one
/// time for everything, tiny spans, negative times, and storage reused from day to day.
final class RosterDayTests: XCTestCase {
    private func reference(_ input: [AgentTransition]) -> [AgentTransition] {
        input.sorted { ($0.time, $0.agent, $0.kind.rawValue) < ($1.time, $1.agent, $1.kind.rawValue) }
    }

    private func check(_ input: [AgentTransition], into day: inout RosterDay, file: StaticString = #filePath, line: UInt = #line) {
        day.sort(input)
        XCTAssertEqual(day.transitions, reference(input), file: file, line: line)
    }

    func testMatchesAComparisonSort() {
        var generator = SystemRandomNumberGenerator()
        var day = RosterDay()
        let kinds = AgentTransition.Kind.allCases
        for round in 0..<200 {
            let n = round % 50 == 0 ? 0 : Int.random(in: 1...3000, using: &generator)
            var input: [AgentTransition] = []
            for i in 0..<n {
                // A mix: continuous times, shared shift starts (many seats at one time), times on a coarse grid.
                let time: Double = switch i % 4 {
                case 0: Double.random(in: -10...200_000, using: &generator)
                case 1: 8 * 3600
                case 2: Double(Int.random(in: 0...20, using: &generator)) * 900
                default: Double.random(in: 0...86_400, using: &generator)
                }
                input.append(AgentTransition(time: time, agent: Int.random(in: 0..<400, using: &generator),
                                             kind: kinds.randomElement(using: &generator)!))
            }
            check(input, into: &day)
        }
    }

    func testDegenerateSpans() {
        var day = RosterDay()
        let one = AgentTransition(time: 5, agent: 3, kind: .shiftEnd)
        check([one], into: &day)
        // Everything at one time: no span to bucket over.
        check((0..<100).reversed().map { AgentTransition(time: 7, agent: $0, kind: .shiftStart) }, into: &day)
        // A span too small to scale (subnormal): falls back to the comparison sort.
        check([AgentTransition(time: 0.0.nextUp, agent: 1, kind: .auxEnd), AgentTransition(time: 0, agent: 2, kind: .auxStart),
               AgentTransition(time: 0.0.nextDown, agent: 0, kind: .breakEnd)], into: &day)
        // Same time and agent: kind order decides.
        check(AgentTransition.Kind.allCases.reversed().map { AgentTransition(time: 100, agent: 1, kind: $0) }
              + [AgentTransition(time: 0, agent: 9, kind: .shiftStart)], into: &day)
    }
}
