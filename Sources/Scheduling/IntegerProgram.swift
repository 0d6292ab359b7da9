/// A mixed-integer linear program in the plain form the scheduler needs: minimise c·x subject to
/// row bounds on A·x, every variable ≥ 0, some of them integer.
///
/// Kept free of GLPK's types so the model can be built, inspected and tested on its own;
/// `GLPKSolver` is the only code that talks to the library.
struct IntegerProgram {
    struct Column {
        var name: String
        var cost: Double
        var isInteger: Bool
        /// Upper bound (nil = none); every column is ≥ 0.
        var upper: Double? = nil
    }

    struct Row {
        var name: String
        /// (column index, coefficient), each column at most once.
        var terms: [(column: Int, coefficient: Double)]
        var lower: Double?
        var upper: Double?
    }

    var columns: [Column] = []
    var rows: [Row] = []

    /// Adds a column and returns its index.
    mutating func addColumn(_ name: String, cost: Double, isInteger: Bool, upper: Double? = nil) -> Int {
        columns.append(Column(name: name, cost: cost, isInteger: isInteger, upper: upper))
        return columns.count - 1
    }

    mutating func addRow(_ name: String, _ terms: [(column: Int, coefficient: Double)], lower: Double? = nil, upper: Double? = nil) {
        rows.append(Row(name: name, terms: terms, lower: lower, upper: upper))
    }

    /// Number of non-zero coefficients.
    var nonZeros: Int { rows.reduce(0) { $0 + $1.terms.count } }
}

/// What the solver found.
struct IntegerSolution {
    enum Status: Equatable {
        /// Proved optimal (within the relative gap tolerance).
        case optimal
        /// An integer solution, stopped by the time limit before optimality was proved.
        case feasible
        /// No integer solution was found (within the time limit, or none exists).
        case noSolution
    }

    var status: Status
    /// Column values (integers rounded), empty without a solution.
    var values: [Double]
    var objective: Double
    /// Relative gap between the solution and the best bound when the search stopped; 0 when optimal.
    var gap: Double?
    var seconds: Double
}
