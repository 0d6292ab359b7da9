extension Distribution {
    /// The family's name, as scenario files spell it (`{lognormal: {...}}`) and reports print it.
    public var family: String {
        switch self {
        case .exponential: "exponential"
        case .gamma: "gamma"
        case .erlang: "erlang"
        case .lognormal: "lognormal"
        case .weibull: "weibull"
        case .uniform: "uniform"
        case .triangular: "triangular"
        case .deterministic: "deterministic"
        case .empirical: "empirical"
        case .mixture: "mixture"
        }
    }
}
