import CGSL

/// Switches GSL's abort-on-error handler off exactly once per process.
///
/// A `static let` initialiser runs once, thread-safely, on first access; the
/// stream initialisers touch it so GSL can never abort the simulator.
enum GSLSetup {
    static let quiet: Void = ccsim_gsl_quiet()

    @inline(__always)
    static func ensure() { _ = quiet }
}
