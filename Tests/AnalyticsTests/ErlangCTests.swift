import Analytics
import Foundation
import XCTest

final class ErlangCTests: XCTestCase {
    /// Published worked example: 100 calls per 30 min, AHT 180 s, 14 agents,
    /// target 20 s → traffic 10 Erl, P(wait) 0.1741319, SL 0.88835,
    /// ASA 7.83593701177724 s, occupancy 0.7142857.
    /// Sources: pyworkforce 0.1.0 README on PyPI (ErlangC(transactions=100,
    /// aht=3, interval=30, asa=20/60) → waiting_probability 0.1741319335950498,
    /// service_level 0.8883500191794669, occupancy 0.7142857142857143), and the
    /// R package ErlangC 0.1.0 README (rdocumentation.org/packages/ErlangC),
    /// whose erlang_c(100, 30 min, 180 s, 20 s, 14) prints the same numbers and
    /// average_speed_of_answer "7.83593701177724s"; its agent-search table lists
    /// P(wait) = 0.6821182 for 11 agents.
    func testPublishedCallCenterExample() {
        let c = ErlangC(agents: 14, arrivalRate: 100.0 / 1800, meanHandleTime: 180)
        XCTAssertEqual(c.offeredLoad, 10, accuracy: 1e-12)
        XCTAssertTrue(c.isStable)
        XCTAssertEqual(c.probabilityOfWait, 0.1741319335950498, accuracy: 1e-12)
        XCTAssertEqual(c.serviceLevel(answerWithin: 20), 0.8883500191794669, accuracy: 1e-12)
        XCTAssertEqual(c.averageSpeedOfAnswer, 7.83593701177724, accuracy: 1e-10)
        XCTAssertEqual(c.occupancy, 0.7142857142857143, accuracy: 1e-15)
        XCTAssertEqual(c.meanQueueLength, 100.0 / 1800 * 7.83593701177724, accuracy: 1e-10)

        let eleven = ErlangC(agents: 11, arrivalRate: 100.0 / 1800, meanHandleTime: 180)
        XCTAssertEqual(eleven.probabilityOfWait, 0.6821182, accuracy: 5e-8)
    }

    /// Same sources: the minimum staffing for 80 % within 20 s is 14 agents.
    func testPublishedStaffingAnswer() {
        XCTAssertEqual(Staffing.minimumAgentsErlangC(arrivalRate: 100.0 / 1800, meanHandleTime: 180,
                                                     answerWithin: 20, target: 0.8), 14)
        XCTAssertLessThan(ErlangC(agents: 13, arrivalRate: 100.0 / 1800, meanHandleTime: 180)
            .serviceLevel(answerWithin: 20), 0.8)
    }

    /// M/M/1 closed forms: P(wait) = ρ, E[W] = ρ/(μ − λ).
    func testSingleAgentIsMM1() {
        let lambda = 0.8 / 60, aht = 60.0
        let c = ErlangC(agents: 1, arrivalRate: lambda, meanHandleTime: aht)
        XCTAssertEqual(c.probabilityOfWait, 0.8, accuracy: 1e-14)
        XCTAssertEqual(c.averageSpeedOfAnswer, 0.8 / (1 / aht - lambda), accuracy: 1e-10)
        XCTAssertEqual(c.serviceLevel(answerWithin: 30), 1 - 0.8 * exp(-(1 / aht - lambda) * 30), accuracy: 1e-14)
    }

    func testUnstableQueueIsReportedExplicitly() {
        for load in [10.0, 12.5] {
            let c = ErlangC(agents: 10, arrivalRate: load / 300, meanHandleTime: 300)
            XCTAssertFalse(c.isStable)
            XCTAssertEqual(c.probabilityOfWait, 1)
            XCTAssertEqual(c.serviceLevel(answerWithin: 20), 0)
            XCTAssertEqual(c.averageSpeedOfAnswer, .infinity)
            XCTAssertEqual(c.meanQueueLength, .infinity)
            XCTAssertEqual(c.occupancy, 1)
            XCTAssertEqual(c.waitQuantile(0.5), .infinity)
        }
    }

    func testWaitQuantileInvertsServiceLevel() {
        let c = ErlangC(agents: 14, arrivalRate: 100.0 / 1800, meanHandleTime: 180)
        XCTAssertEqual(c.waitQuantile(0.5), 0)               // 82.6 % answered at once
        for p in [0.85, 0.9, 0.99, 0.999] {
            let w = c.waitQuantile(p)
            XCTAssertEqual(c.serviceLevel(answerWithin: w), p, accuracy: 1e-12)
        }
        XCTAssertEqual(c.waitQuantile(1), .infinity)
    }

    /// 1 to 5,000 agents at 99.9 % load: finite, in range, monotone in agents.
    func testStabilityAtScaleAndHighLoad() {
        for agents in [1, 2, 10, 100, 1_000, 5_000] {
            let c = ErlangC(agents: agents, arrivalRate: 0.999 * Double(agents) / 300, meanHandleTime: 300)
            XCTAssertTrue(c.isStable)
            XCTAssertTrue(c.probabilityOfWait > 0 && c.probabilityOfWait <= 1, "n=\(agents)")
            XCTAssertTrue(c.averageSpeedOfAnswer.isFinite && c.averageSpeedOfAnswer > 0)
            XCTAssertTrue(c.serviceLevel(answerWithin: 20).isFinite)
        }
        // Fixed load 4,995 Erl: more agents, less waiting.
        var previous = (wait: 1.0, asa: Double.infinity, sl: 0.0)
        for agents in 4_996...5_030 {
            let c = ErlangC(agents: agents, arrivalRate: 4_995.0 / 300, meanHandleTime: 300)
            XCTAssertLessThan(c.probabilityOfWait, previous.wait)
            XCTAssertLessThan(c.averageSpeedOfAnswer, previous.asa)
            XCTAssertGreaterThan(c.serviceLevel(answerWithin: 20), previous.sl)
            previous = (c.probabilityOfWait, c.averageSpeedOfAnswer, c.serviceLevel(answerWithin: 20))
        }
    }

    func testNoTraffic() {
        let c = ErlangC(agents: 3, arrivalRate: 0, meanHandleTime: 100)
        XCTAssertEqual(c.probabilityOfWait, 0)
        XCTAssertEqual(c.serviceLevel(answerWithin: 0), 1)
        XCTAssertEqual(c.averageSpeedOfAnswer, 0)
    }
}
