internal import CGLPK
import Foundation

/// Solves an `IntegerProgram` with GLPK's branch and cut (`glp_intopt`, presolver on).
///
/// GLPK keeps its environment per thread (Debian builds it with thread-local storage), so
/// solves on different threads do not interfere. Its own error handler aborts the process on a
/// malformed call; the program is checked before any call so that cannot happen.
struct GLPKSolver {
    /// Wall-clock budget for the branch and bound.
    var timeLimit: Double = 30
    /// Stop when the relative gap between the best solution and the best bound is below this.
    var gapTolerance: Double = 1e-6

    func solve(_ program: IntegerProgram) -> IntegerSolution {
        let clock = ContinuousClock()
        let started = clock.now
        func elapsed() -> Double {
            let d = clock.now - started
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        precondition(program.columns.allSatisfy { $0.cost.isFinite }, "objective coefficients must be finite")
        precondition(program.rows.allSatisfy { row in row.terms.allSatisfy { $0.coefficient.isFinite && program.columns.indices.contains($0.column) } },
                     "row terms must name existing columns with finite coefficients")
        guard !program.columns.isEmpty else {
            return IntegerSolution(status: .optimal, values: [], objective: 0, gap: 0, seconds: elapsed())
        }

        // GLPK rounds a node's bound up to the next multiple of the objective coefficients'
        // greatest common divisor when every costed column is integer with a whole cost: a
        // node within one cost step of the incumbent is then pruned at once. Without it, a plan
        // whose costs all step by one agent's week (ccbaby: $144) can sit 0.2% above a bound it
        // cannot beat until the time limit. Costs are therefore taken in whole cents.
        let scale = Self.objectiveScale(program)

        glp_term_out(GLP_OFF)
        let lp = glp_create_prob()!
        defer { glp_delete_prob(lp) }
        glp_set_obj_dir(lp, GLP_MIN)
        glp_add_cols(lp, Int32(program.columns.count))
        for (j, column) in program.columns.enumerated() {
            let c = Int32(j + 1)
            glp_set_col_name(lp, c, column.name)
            if let upper = column.upper, upper.isFinite {
                glp_set_col_bnds(lp, c, upper > 0 ? GLP_DB : GLP_FX, 0, max(0, upper))
            } else {
                glp_set_col_bnds(lp, c, GLP_LO, 0, 0)
            }
            glp_set_obj_coef(lp, c, scale == 1 ? column.cost : (column.cost * scale).rounded())
            if column.isInteger { glp_set_col_kind(lp, c, GLP_IV) }
        }
        if !program.rows.isEmpty {
            glp_add_rows(lp, Int32(program.rows.count))
        }
        // GLPK's sparse arrays are 1-based: element 0 is unused.
        var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
        ia.reserveCapacity(program.nonZeros + 1)
        ja.reserveCapacity(program.nonZeros + 1)
        ar.reserveCapacity(program.nonZeros + 1)
        for (i, row) in program.rows.enumerated() {
            let r = Int32(i + 1)
            glp_set_row_name(lp, r, row.name)
            switch (row.lower, row.upper) {
            case let (lower?, upper?) where lower == upper: glp_set_row_bnds(lp, r, GLP_FX, lower, upper)
            case let (lower?, upper?): glp_set_row_bnds(lp, r, GLP_DB, lower, max(lower, upper))
            case let (lower?, nil): glp_set_row_bnds(lp, r, GLP_LO, lower, 0)
            case let (nil, upper?): glp_set_row_bnds(lp, r, GLP_UP, 0, upper)
            case (nil, nil): glp_set_row_bnds(lp, r, GLP_FR, 0, 0)
            }
            for term in row.terms where term.coefficient != 0 {
                ia.append(r)
                ja.append(Int32(term.column + 1))
                ar.append(term.coefficient)
            }
        }
        glp_load_matrix(lp, Int32(ia.count - 1), ia, ja, ar)

        var parm = glp_iocp()
        glp_init_iocp(&parm)
        parm.msg_lev = GLP_MSG_OFF
        parm.presolve = GLP_ON
        parm.tm_lim = Int32(clamping: Int((max(timeLimit, 0.001) * 1000).rounded()))
        parm.mip_gap = gapTolerance
        parm.gmi_cuts = GLP_ON
        parm.mir_cuts = GLP_ON
        parm.cov_cuts = GLP_ON
        parm.fp_heur = GLP_ON
        let progress = SearchProgress()
        progress.scale = scale
        parm.cb_func = { tree, info in
            guard let tree, let info else { return }
            let progress = Unmanaged<SearchProgress>.fromOpaque(info).takeUnretainedValue()
            let node = glp_ios_best_node(tree)
            if node != 0 { progress.bound = glp_ios_node_bound(tree, node) / progress.scale }
            progress.gap = glp_ios_mip_gap(tree)
        }
        let code = withExtendedLifetime(progress) { () -> Int32 in
            parm.cb_info = Unmanaged.passUnretained(progress).toOpaque()
            return glp_intopt(lp, &parm)
        }

        let status = glp_mip_status(lp)
        let hasSolution = (code == 0 || code == GLP_ETMLIM || code == GLP_EMIPGAP) && (status == GLP_OPT || status == GLP_FEAS)
        guard hasSolution else {
            return IntegerSolution(status: .noSolution, values: [], objective: .nan, gap: nil, seconds: elapsed())
        }
        let values = program.columns.indices.map { j -> Double in
            let value = glp_mip_col_val(lp, Int32(j + 1))
            return program.columns[j].isInteger ? value.rounded() : max(0, value)
        }
        // The plan's own cost, not the cents GLPK minimised.
        let objective = zip(program.columns, values).reduce(0) { $0 + $1.0.cost * $1.1 }
        // Stopping at the gap tolerance counts as optimal: the tolerance is what "optimal" means here.
        let proved = status == GLP_OPT && code == 0
        let optimal = proved || code == GLP_EMIPGAP
        var gap: Double? = proved ? 0 : progress.gap
        if !proved, let bound = progress.bound, bound.isFinite {
            gap = abs(objective - bound) / (abs(objective) + Double.ulpOfOne)
        }
        return IntegerSolution(status: optimal ? .optimal : .feasible, values: values, objective: objective,
                               gap: gap, seconds: elapsed())
    }
}

extension GLPKSolver {
    /// 100 (costs in cents) when every column with a cost is integer and the cents stay within
    /// GLPK's integer range, so its bound rounding applies; 1 otherwise (costs as given).
    static func objectiveScale(_ program: IntegerProgram) -> Double {
        let costed = program.columns.filter { $0.cost != 0 }
        guard !costed.isEmpty, costed.allSatisfy({ $0.isInteger && abs($0.cost * 100) < Double(Int32.max) }) else { return 1 }
        return 100
    }
}

/// What GLPK's callback last saw of the search: the best bound and the relative gap.
private final class SearchProgress {
    var scale = 1.0
    var bound: Double?
    var gap: Double?
}
