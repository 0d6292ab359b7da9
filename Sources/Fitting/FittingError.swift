import Foundation

/// Why a fit could not be made. Thrown rather than returning a meaningless estimate.
///
/// Errors about a file are `located` in it (`ContactLog.read` does this), so every message the
/// user sees starts like a scenario error: `contacts.csv:2: reason` or `contacts.csv: reason`.
public indirect enum FittingError: Error, Equatable, CustomStringConvertible {
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

    /// The file holds no header line at all.
    case empty

    /// A quantity a fit would need is beyond the limits ccsim works in (an interval, a span of days).
    case outOfRange(what: String, reason: String)

    /// `error`, about the file at `file`.
    case located(file: String, error: FittingError)

    /// This error as an error about the file `path` (an `unreadable` one already names its path).
    public func located(in path: String) -> FittingError {
        switch self {
        case .located, .unreadable: self
        default: .located(file: path, error: self)
        }
    }

    /// The error without its file (`located`'s inner error), for matching on the case.
    public var underlying: FittingError {
        if case let .located(_, error) = self { return error.underlying }
        return self
    }

    public var description: String {
        switch self {
        case let .missingColumn(name): "contact log has no '\(name)' column"
        case let .unreadable(path, reason): "cannot read \(path): \(reason)"
        case let .tooFewObservations(what, found, needed):
            "too few usable observations for \(what): found \(found), need at least \(needed)"
        case let .constant(what, value): "every value of \(what) is \(value): use a deterministic duration"
        case let .malformed(line, reason): "contact log line \(line): \(reason)"
        case let .tooManyRejected(rejected, total, examples):
            "\(rejected) of \(total) rows rejected (more than \(String(format: "%g", ContactLog.maxRejectedShare * 100))%), so no fit is made; first problems: \(examples.joined(separator: "; ")). Map the log's columns with --column, or clean the file"
        case .empty: "the contact log is empty: it starts with a header line naming its columns (\(ContactLog.requiredColumns.joined(separator: ", ")), …)"
        case let .outOfRange(what, reason): "\(what): \(reason)"
        case let .located(file, error):
            switch error {
            case let .missingColumn(name): "\(file):1: the header has no '\(name)' column (a contact log needs \(ContactLog.requiredColumns.joined(separator: ", ")); map another header with --column)"
            case let .malformed(line, reason): "\(file):\(line): \(reason)"
            case .empty: "\(file): the file is empty: a contact log starts with a header line naming its columns (\(ContactLog.requiredColumns.joined(separator: ", ")), …)"
            default: "\(file): \(error)"
            }
        }
    }
}
