import CGSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Distribution {
    /// One draw from `stream`, through GSL's samplers.
    ///
    /// `@inlinable` so a call with a known case (the common
    /// `exponential(mean:)`) specialises to a direct `gsl_ran_exponential`
    /// call in the caller's module. The distribution should be valid
    /// (``validate()``); invalid parameters give meaningless draws.
    ///
    /// Random numbers used: one uniform for exponential, uniform, triangular
    /// and (usually) empirical; two generator outputs a try for lognormal (2.05 a draw on
    /// average over 10^7 draws: a few tries in a hundred are rejected); a variable number for
    /// gamma and erlang; none for deterministic; one plus the component's for a mixture.
    /// Complexity: O(1), except a mixture scans its components linearly.
    @inlinable
    public func sample(from stream: RandomStream) -> Double {
        let r = stream.rng
        switch self {
        case let .exponential(mean):
            return stream.exponential(mean: mean)  // gsl_ran_exponential: GSL takes the mean (mu), not the rate
        case let .gamma(shape, scale):
            return gsl_ran_gamma(r, shape, scale)  // gsl_ran_gamma(r, a = shape, b = scale)
        case let .erlang(phases, mean):
            return gsl_ran_gamma(r, Double(phases), mean / Double(phases))
        case let .lognormal(mu, sigma):
            // exp(μ + σZ), Z standard normal from GSL's ziggurat (the normal gsl_ran_gamma uses too):
            // gsl_ran_lognormal's polar method takes 2.5 uniforms, a logarithm and a square root
            // for one normal and discards its pair, twice the cost (lognormal handle times are
            // the common case, drawn for every contact).
            return exp(mu + gsl_ran_gaussian_ziggurat(r, sigma))
        case let .weibull(shape, scale):
            return gsl_ran_weibull(r, scale, shape)  // gsl_ran_weibull(r, a = scale, b = shape)
        case let .uniform(lower, upper):
            return gsl_ran_flat(r, lower, upper)
        case let .triangular(lower, mode, upper):
            return Self.triangularQuantile(gsl_rng_uniform(r), lower: lower, mode: mode, upper: upper)
        case let .deterministic(value):
            return value
        case let .empirical(values):
            return values[Int(gsl_rng_uniform_int(r, UInt(values.count)))]
        case let .mixture(components):
            return Self.sampleMixture(components, from: stream)
        }
    }

    /// Inverse CDF of the triangular distribution at u ∈ [0, 1).
    ///
    /// GSL has no triangular sampler, so the triangular case inverts the CDF
    /// of one `gsl_rng_uniform` draw: below the mode's CDF value
    /// F(c) = (c − a)/(b − a) the left branch a + √(u (b − a)(c − a)),
    /// above it the right branch b − √((1 − u)(b − a)(b − c)).
    @inlinable
    public static func triangularQuantile(_ u: Double, lower a: Double, mode c: Double, upper b: Double) -> Double {
        let width = b - a
        if u * width < c - a {
            return a + (u * width * (c - a)).squareRoot()
        }
        return b - ((1 - u) * width * (b - c)).squareRoot()
    }

    /// Picks a component by a cumulative scan of one `gsl_rng_uniform` draw
    /// scaled by the total weight, then samples it. Nothing is precomputed;
    /// with ≤ 10 components the scan costs less than the sampler it selects.
    @usableFromInline
    static func sampleMixture(_ components: [MixtureComponent], from stream: RandomStream) -> Double {
        var total = 0.0
        for component in components { total += component.weight }
        let target = gsl_rng_uniform(stream.rng) * total
        var cumulative = 0.0
        var chosen = components.count - 1
        for (i, component) in components.enumerated() {
            cumulative += component.weight
            if target < cumulative {
                chosen = i
                break
            }
        }
        // Rounding can leave target ≥ the final sum; fall back to the last
        // component that can actually be chosen.
        while components[chosen].weight <= 0 && chosen > 0 { chosen -= 1 }
        return components[chosen].distribution.sample(from: stream)
    }
}
