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

    /// The CSV itself is malformed (an unclosed quote), from `line` on.
    case malformed(line: Int, reason: String)

    /// More than `ContactLog.maxRejectedShare` of the rows were rejected: the file is probably not
    /// what the fit expects (wrong columns, another export's outcome names), so no fit is made.
    case tooManyRejected(rejected: Int, total: Int, examples: [String])

    public var description: String {
        switch self {
        case let .missingColumn(name): "contact log has no '\(name)' column"
        case let .unreadable(path, reason): "cannot read \(path): \(reason)"
        case let .tooFewObservations(what, found, needed):
            "too few usable observations for \(what): found \(found), need at least \(needed)"
        case let .constant(what, value): "every value of \(what) is \(value): use a deterministic duration"
        case let .malformed(line, reason): "contact log line \(line): \(reason)"
        case let .tooManyRejected(rejected, total, examples):
            "\(rejected) of \(total) rows rejected (more than \(Int(ContactLog.maxRejectedShare * 100))%), so no fit is made; first problems: \(examples.joined(separator: "; ")). Map the log's columns with --column, or clean the file"
        }
    }
}
