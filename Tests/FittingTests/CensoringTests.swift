import Fitting
import Stochastics
import XCTest

final class CensoringTests: XCTestCase {
    /// Patience ~ exponential(mean 180 s); waits ~ exponential(mean 60 s). A contact abandons
    /// when patience < wait (event at patience), otherwise it is answered (censored at wait).
    func sample(_ patience: Distribution, n: Int = 5000) -> CensoredSample {
        let p = draws(patience, n, replication: 1)
        let w = draws(.exponential(mean: 60), n, replication: 2)
        var s = CensoredSample(times: [], events: [])
        for (pi, wi) in zip(p, w) {
            s.times.append(min(pi, wi))
            s.events.append(pi < wi)
        }
        return s
    }

    func testCensoredExponentialRecoversTheMeanWhileTheNaiveMeanIsFarOff() throws {
        let s = sample(.exponential(mean: 180))
        let fit = try PatienceFit(s)
        guard case let .exponential(mean) = fit.exponential.distribution else { return XCTFail() }
        // ≈ 1250 events: sd(mean̂) ≈ 180/√1250 ≈ 5 s; allow 25 s (5 sd).
        XCTAssertEqual(mean, 180, accuracy: 25)
        // Only the impatient abandon: the naive mean sits near 1/(1/180 + 1/60) = 45 s.
        XCTAssertLessThan(s.naiveMean, 180 / 2)
        XCTAssertEqual(s.naiveMean, 45, accuracy: 6)
    }

    func testCensoredWeibullRecoversShapeAndScale() throws {
        let fit = try PatienceFit(sample(.weibull(shape: 1.5, scale: 150), n: 8000))
        guard case let .weibull(k, lambda) = fit.weibull.distribution else { return XCTFail() }
        XCTAssertEqual(k, 1.5, accuracy: 0.15)
        XCTAssertEqual(lambda, 150, accuracy: 15)
        XCTAssertEqual(fit.best.family, .weibull)
    }

    func testKaplanMeierMatchesTheTrueSurvivalAndItsRestrictedMeanLiesBelowTheMean() throws {
        let s = sample(.exponential(mean: 180))
        let km = KaplanMeier(s)
        for t in [30.0, 60, 120] {
            XCTAssertEqual(km.survival(at: t), exp(-t / 180), accuracy: 0.03, "S(\(t))")
        }
        XCTAssertLessThanOrEqual(km.restrictedMean, 180 * 1.05)
        XCTAssertGreaterThan(km.restrictedMean, s.naiveMean)
    }

    func testKaplanMeierWithoutCensoringIsTheEmpiricalSurvival() {
        let km = KaplanMeier(CensoredSample(times: [1, 2, 2, 4], events: [true, true, true, true]))
        XCTAssertEqual(km.survival(at: 1), 0.75)
        XCTAssertEqual(km.survival(at: 3), 0.25)
        XCTAssertEqual(km.survival(at: 4), 0)
        XCTAssertEqual(km.restrictedMean, 9.0 / 4, accuracy: 1e-12)
    }

    func testTooFewAbandonmentsIsAnError() {
        let s = CensoredSample(times: [1, 2, 3, 4], events: [true, false, false, true])
        XCTAssertThrowsError(try PatienceFit(s)) { error in
            XCTAssertEqual(error as? FittingError, .tooFewObservations(what: "patience (abandonments)", found: 2, needed: 10))
        }
    }
}
