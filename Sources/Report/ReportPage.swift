import Foundation
import ResultsSchema

/// The report of a `ccsim run --out` folder as one self-contained HTML document: inline CSS,
/// inline SVG, no script and no external resource, so it opens offline, can be mailed as one
/// file, and prints.
public struct ReportPage {
    public var results: SummaryDocument
    /// Shown in the footer: the folder the results came from.
    public var source: String
    /// The folder's staffing-check.csv, when it has one (`ccsim run --out` writes it).
    public var staffingCheck: StaffingCheckResults?

    public init(results: SummaryDocument, source: String, staffingCheck: StaffingCheckResults? = nil) {
        self.results = results
        self.source = source
        self.staffingCheck = staffingCheck
    }

    static let note = "Every figure is a mean over replications; brackets are its confidence interval."

    /// The run's sections without the document around them, so the staffing and schedule pages
    /// can show the simulation of their plan below their own charts.
    static func sections(_ results: SummaryDocument, staffingCheck: StaffingCheckResults? = nil) -> String {
        var s = SLACards(results: results).html
        s += "<h2>By interval</h2>\n"
        for figure in IntervalCharts(results: results).figures { s += figure.html }
        if let staffingCheck { s += NetStaffingSection(results: results, check: staffingCheck).html }
        s += "<h2>Teams</h2>\n"
        if let figure = IntervalCharts(results: results).occupancyByTeam { s += figure.html }
        s += TierFlowTable(results: results).html
        s += CostSummary(results: results).html
        return s
    }

    public func html() -> String {
        HTMLShell.page(title: "ccsim report — \(results.scenario.name)",
                       body: ScenarioHeader(results: results).html + Self.sections(results, staffingCheck: staffingCheck),
                       source: source, version: results.ccsimVersion, note: Self.note)
    }
}
