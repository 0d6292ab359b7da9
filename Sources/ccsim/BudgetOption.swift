import ArgumentParser
import Experiments
import Scenarios

/// `--budget N`, shared by every command that simulates. Each checks its runs against N times the
/// default resource budget (``ResourceBudget``) before the first simulation starts, so a mistyped
/// `horizon: 10y` is one line naming the field, not hours of staffing search or sweep.
struct BudgetOption: ParsableArguments {
    @Option(help: "Allow N times the default resource budget (contacts, agents, interval figures, trace size; see scenarios/README.md, Limits).")
    var budget: Double = 1

    func validate() throws {
        if !(budget.isFinite && budget > 0 && budget <= 1e6) {
            throw ValidationError("--budget must be a factor above 0 (at most 1000000), got \(budget)")
        }
    }

    /// Refuses one run of `scenario` (with `replications`, when the command overrides them) beyond
    /// the budget; `what` names the run when the command makes several (a sweep's point, an ROI arm).
    func check(_ scenario: Scenario, replications: Int? = nil, tracing: Bool = false, what: String? = nil) throws {
        var scenario = scenario
        if let replications { scenario.run.replications = replications }
        do {
            try ResourceBudget(scale: budget).check(scenario, tracing: tracing)
        } catch let refusal as ResourceBudget.Refusal {
            guard let what else { throw refusal }
            throw BudgetRefusal(description: "\(what): \(refusal.description)")
        }
    }
}

/// A refusal that names which of a command's runs it is about.
struct BudgetRefusal: Error, CustomStringConvertible {
    let description: String
}
