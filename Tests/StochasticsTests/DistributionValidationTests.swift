import Stochastics
import XCTest

final class DistributionValidationTests: XCTestCase {
    /// Each bad distribution and the parameter its error must name.
    func testEachBadParameterIsNamed() {
        let bad: [(Distribution, String)] = [
            (.exponential(mean: 0), "mean"),
            (.exponential(mean: -1), "mean"),
            (.exponential(mean: .nan), "mean"),
            (.exponential(mean: .infinity), "mean"),
            (.gamma(shape: 0, scale: 1), "shape"),
            (.gamma(shape: 1, scale: -2), "scale"),
            (.erlang(phases: 0, mean: 1), "phases"),
            (.erlang(phases: 2, mean: 0), "mean"),
            (.lognormal(mu: .nan, sigma: 1), "mu"),
            (.lognormal(mu: 1, sigma: 0), "sigma"),
            (.lognormal(mu: 1, sigma: -0.5), "sigma"),
            (.weibull(shape: -1, scale: 1), "shape"),
            (.weibull(shape: 1, scale: 0), "scale"),
            (.uniform(lower: 5, upper: 5), "upper"),
            (.uniform(lower: 6, upper: 5), "upper"),
            (.uniform(lower: -1, upper: 3), "lower"),
            (.uniform(lower: 0, upper: .infinity), "upper"),
            (.triangular(lower: 1, mode: 0.5, upper: 3), "mode"),
            (.triangular(lower: 1, mode: 4, upper: 3), "mode"),
            (.triangular(lower: 3, mode: 3, upper: 3), "upper"),
            (.triangular(lower: -1, mode: 0, upper: 1), "lower"),
            (.triangular(lower: 0, mode: .nan, upper: 1), "mode"),
            (.deterministic(-1), "value"),
            (.deterministic(.nan), "value"),
            (.empirical([]), "values"),
            (.empirical([1, -2]), "values[1]"),
            (.empirical([1, 2, .infinity]), "values[2]"),
            (.mixture([]), "components"),
            (.mixture([MixtureComponent(weight: -1, distribution: .deterministic(1))]), "components[0].weight"),
            (.mixture([MixtureComponent(weight: .nan, distribution: .deterministic(1))]), "components[0].weight"),
            (.mixture([MixtureComponent(weight: 0, distribution: .deterministic(1)),
                       MixtureComponent(weight: 0, distribution: .deterministic(2))]), "components"),
            (.mixture([MixtureComponent(weight: 1, distribution: .deterministic(1)),
                       MixtureComponent(weight: 1, distribution: .exponential(mean: -3))]), "components[1].mean"),
            (.mixture([MixtureComponent(weight: 1, distribution: .mixture([
                MixtureComponent(weight: 1, distribution: .deterministic(1)),
                MixtureComponent(weight: -2, distribution: .deterministic(1)),
            ]))]), "components[0].components[1].weight"),
        ]
        for (distribution, parameter) in bad {
            XCTAssertThrowsError(try distribution.validate(), "\(distribution)") { error in
                guard let error = error as? DistributionError else { return XCTFail("\(error)") }
                XCTAssertEqual(error.parameter, parameter, "\(distribution): \(error)")
                XCTAssertFalse(error.message.isEmpty)
            }
        }
    }

    func testMessagesSayWhatIsWrong() {
        XCTAssertThrowsError(try Distribution.exponential(mean: -1).validate()) { error in
            XCTAssertEqual(error as? DistributionError,
                           DistributionError(parameter: "mean", message: "must be greater than 0, got -1.0"))
            XCTAssertEqual("\(error)", "mean must be greater than 0, got -1.0")
        }
        XCTAssertThrowsError(try Distribution.empirical([]).validate()) { error in
            XCTAssertEqual((error as? DistributionError)?.message, "must not be empty")
        }
    }

    func testMeanCVConstructorsValidate() {
        let bad: [(() throws -> Distribution, String)] = [
            ({ try .lognormal(mean: 0, cv: 1) }, "mean"),
            ({ try .lognormal(mean: 1, cv: 0) }, "cv"),
            ({ try .lognormal(mean: 1, cv: .infinity) }, "cv"),
            ({ try .gamma(mean: -1, cv: 1) }, "mean"),
            ({ try .gamma(mean: 1, cv: -1) }, "cv"),
            ({ try .weibull(mean: .nan, cv: 1) }, "mean"),
            ({ try .weibull(mean: 1, cv: 0) }, "cv"),
            ({ try .weibull(mean: 1, cv: 1e-9) }, "cv"),  // needs a shape beyond the solver's range
        ]
        for (make, parameter) in bad {
            XCTAssertThrowsError(try make()) { error in
                XCTAssertEqual((error as? DistributionError)?.parameter, parameter, "\(error)")
            }
        }
    }

    func testBoundaryValuesAreValid() {
        let good: [Distribution] = [
            .deterministic(0),
            .triangular(lower: 0, mode: 0, upper: 1),
            .triangular(lower: 0, mode: 1, upper: 1),
            .uniform(lower: 0, upper: 1e-9),
            .empirical([0]),
            .erlang(phases: 1, mean: 1),
            .mixture([MixtureComponent(weight: 0, distribution: .deterministic(1)),
                      MixtureComponent(weight: 1e-300, distribution: .deterministic(2))]),
        ]
        for d in good { XCTAssertNoThrow(try d.validate(), "\(d)") }
    }
}
