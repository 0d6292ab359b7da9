/// Why a fit could not be made. Thrown rather than returning a meaningless estimate.
public enum FittingError: Error, Equatable, CustomStringConvertible {
    /// The file is missing a column the fit needs.
    case missingColumn(String)
    /// The log could not be read at all.
    case unreadable(path: String, reason: String)
    /// Fewer usable observations than a fit needs; `found` says how many there were.
    case tooFewObservations(what: String, found: Int, needed: Int)

    /// Every value is the same: no spread to fit a two-parameter family to.
    case constant(what: String, value: Double)

    public var description: String {
        switch self {
        case let .missingColumn(name): "contact log has no '\(name)' column"
        case let .unreadable(path, reason): "cannot read \(path): \(reason)"
        case let .tooFewObservations(what, found, needed):
            "too few usable observations for \(what): found \(found), need at least \(needed)"
        case let .constant(what, value): "every value of \(what) is \(value): use a deterministic duration"
        }
    }
}
