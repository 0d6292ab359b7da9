import ArgumentParser
import ResultsSchema

/// The `ccsim` command: a thin layer over the Experiments, Analytics and Scenarios modules.
@main
struct CCSim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ccsim",
        abstract: "A discrete-event simulator of contact centers, driven by scenario files.",
        version: ResultsVersion.ccsim,
        subcommands: [Run.self, Erlang.self, Staff.self, Schedule.self, ROI.self, Validate.self, Sweep.self, Report.self, Fit.self]
    )
}
