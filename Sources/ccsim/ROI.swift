import ArgumentParser
import Experiments
import Foundation
import Scenarios
import Stochastics
import Sweeps
import TrainingROI

struct ROI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roi",
        abstract: "Is a training program worth it? Paired runs with and without it: ROI with a CI, payback week, what drives it.",
        discussion: """
        Replication r of both arms uses the same random numbers (customers, patience, attrition \
        draws), so only what the program changes differs and the difference is measured far more \
        precisely than with unpaired runs; the table says by how much. Each replication also draws \
        the program's uncertain effects, so the spread of ROI across replications is the trainer's \
        uncertainty: P(ROI > 0) is the chance the program pays.

        Examples:
          ccsim roi scenarios/training-roi.yaml --program onboarding
          ccsim roi scenarios/training-roi.yaml --programs onboarding,coaching
          ccsim roi scenarios/training-roi.yaml --program onboarding \\
              --versus coaching --replications 50
          ccsim roi --with plan-a.yaml --without plan-b.yaml --out results/roi
        """
    )


    @Argument(help: "A scenario file with a top-level 'training:' section (see scenarios/README.md).")
    var scenario: String?

    @Option(help: "The program to evaluate: the scenario with that program alone against no training (the file's other programs run in neither arm).")
    var program: String?

    @Option(help: "Rank several programs (comma-separated), each alone against no training on the same random numbers: pairwise differences and P(best).")
    var programs: String?

    @Option(help: "With --program: compare against this other program instead of against none (each arm runs one of the two, alone).")
    var versus: String?

    @Option(name: .customLong("with"), help: "Instead of --program: the scenario with the program(s)…")
    var withPath: String?

    @Option(name: .customLong("without"), help: "…and the same center without them.")
    var withoutPath: String?

    @Option(help: "Paired replications; overrides run.replications.")
    var replications: Int?

    @Option(help: "Random seed (0…\(StreamPlan.maxSeed)); overrides run.seed.")
    var seed: UInt64?

    @Option(help: "What the program buys: fixed-staffing (service, at the scenario's staffing) or equal-service (labour: each arm staffed by the staffing search to meet the same SLAs).")
    var mode: ROIStudy.Mode = .fixedStaffing

    @Option(help: "Equal service: replications per staffing level tried.")
    var staffingReplications: Int = 5

    @Option(help: "Replications per point of the sensitivity table and the break-even search (0 = neither).")
    var sensitivityReplications: Int = 4

    @Flag(help: "Skip the break-even search (the sensitivity table is still made).")
    var noBreakEven = false

    @Flag(help: "Run the arm without the program on another seed (unpaired), to see what pairing gains.")
    var unpaired = false

    @Option(help: "Directory to write roi.json, weekly.csv, replications.csv and tornado.csv into.")
    var out: String?

    @Option(help: "Replications run at once; the default is the number of cores here.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var progressOptions: QuietOption

    @OptionGroup var budget: BudgetOption

    /// "; the scenario's programs: a, b" (or that it has none), to name one; "" when the scenario
    /// cannot be read (`run` then says why).
    private var programsNote: String {
        guard let scenario, let loaded = try? ScenarioLoader.load(path: scenario) else { return "" }
        let names = loaded.center.training?.programs.map(\.name) ?? []
        return names.isEmpty ? "; \(scenario) has no training programs (add a top-level 'training:' section)"
            : "; the programs of \(scenario): " + names.joined(separator: ", ")
    }

    func validate() throws {
        if let out { _ = try OutputFolder.validated(out) }
        switch (scenario, withPath, withoutPath) {
        case (_?, nil, nil):
            if program == nil && programs == nil {
                throw ValidationError("name the program to evaluate with --program NAME or --programs A,B (or give --with A.yaml --without B.yaml)"
                                      + programsNote)
            }
            if program != nil && programs != nil { throw ValidationError("give --program NAME or --programs A,B, not both") }
            if let list = programList {
                if list.count < 2 { throw ValidationError("--programs needs at least two names, comma-separated (for one, use --program)") }
                if Set(list).count != list.count { throw ValidationError("--programs names a program twice: \(programs!)") }
                if mode == .equalService { throw ValidationError("--programs ranks programs at fixed staffing; compare them one at a time in equal-service mode") }
                if unpaired { throw ValidationError("--programs always pairs the arms (common random numbers); --unpaired applies to --program") }
            }
        case (nil, _?, _?):
            if program != nil || versus != nil || programs != nil {
                throw ValidationError("--program, --programs and --versus apply to a single scenario, not to --with/--without")
            }
        case (nil, nil, nil):
            throw ValidationError("give a scenario and --program NAME, or --with A.yaml --without B.yaml")
        default:
            throw ValidationError("give either a scenario with --program, or both --with and --without (not both forms)")
        }
        if versus != nil && program == nil { throw ValidationError("--versus needs --program") }
        if let seed, seed > StreamPlan.maxSeed {
            throw ValidationError("--seed must be between 0 and \(StreamPlan.maxSeed), got \(seed)")
        }
        if let replications, replications < 2 || replications > StreamPlan.maxReplications {
            throw ValidationError("--replications must be between 2 and \(StreamPlan.maxReplications), got \(replications)")
        }
        if staffingReplications < 2 { throw ValidationError("--staffing-replications must be at least 2, got \(staffingReplications)") }
        if sensitivityReplications < 0 { throw ValidationError("--sensitivity-replications must be 0 or more, got \(sensitivityReplications)") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
    }

    var programList: [String]? {
        programs.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }

    /// A progress bar with ETA on stderr when it is a terminal (``ProgressLine``, shared by every command); nothing otherwise.
    func progress(_ label: String, total: Int) -> ProgressLine? {
        guard !progressOptions.quiet, ProgressLine.stderrIsTerminal, total > 0 else { return nil }
        Console.note(label)
        return ProgressLine(total: total, unit: "replications", style: .bar, quietFor: 0)
    }

    static func tick(_ progress: ProgressLine?) -> (@Sendable () -> Void)? {
        guard let progress else { return nil }
        return { progress.advance() }
    }

    func run() throws {
        if let list = programList { return try runRanking(list) }
        var arms = try makeArms()
        if let seed {
            arms.with.run.seed = seed
            arms.without.run.seed = seed
        }
        let count = replications ?? max(2, arms.with.run.replications)
        try budget.check(arms.with, replications: count, what: "the arm with the program")
        try budget.check(arms.without, replications: count, what: "the arm without it")
        var staffingNote: String?
        if mode == .equalService {
            let staffed = try EqualService(replications: staffingReplications, jobs: jobs)
                .staff(arms) { [quiet = progressOptions.quiet] in if !quiet { Console.note("staffing \($0)") } }
            arms = staffed.arms
            staffingNote = "staffed to the same targets: shifts × \(String(format: "%.2f", staffed.factorWith)) with the program,"
                + " × \(String(format: "%.2f", staffed.factorWithout)) without (\(staffed.evaluations) levels tried)"
                + (staffed.reachedLimit ? "; an arm misses even at × 3" : "")
        }
        var study = ROIStudy(arms: arms, replications: count, jobs: jobs, pairing: unpaired ? .independent : .commonRandomNumbers,
                             mode: mode)
        let headline = progress("running \(count) paired replications", total: 2 * count)
        study.progress = Self.tick(headline)
        let result = try study.run()
        headline?.finish()
        let sensitivity = try sensitivityStudy(study, result)
        let modeText = "\(mode.rawValue) · " + (unpaired ? "unpaired (independent seeds)" : "common random numbers")
        print(ROITable.render(result, arms: arms, mode: mode, modeText: modeText, sensitivity: sensitivity, staffingNote: staffingNote),
              terminator: "")
        fflush(nil)
        if let out, let folder = try outputFolder(out) {
            try ROIFiles.write(result, arms: arms, mode: mode, sensitivity: sensitivity, to: folder.staging.path)
            try folder.commit()
            let files = "roi.json, weekly.csv, replications.csv" + (sensitivity == nil ? "" : " and tornado.csv")
            Console.note("wrote \(files) in \(out)")
        }
    }

    /// The tornado and break-even runs, with their own progress bar (its total is an upper bound:
    /// the break-even search usually stops early).
    private func sensitivityStudy(_ study: ROIStudy, _ result: ROIResult) throws -> Sensitivity? {
        guard sensitivityReplications > 0, !unpaired, !Sensitivity.ranges(study.arms).isEmpty else { return nil }
        let count = min(sensitivityReplications, result.replications.count)
        var study = study
        let bar = progress("sensitivity and break-even of \(study.arms.programs.joined(separator: ", ")) (\(count) replications a point; at most)",
                                total: count * Sensitivity.plannedEvaluations(study.arms, breakEven: !noBreakEven))
        study.progress = Self.tick(bar)
        defer { bar?.finish() }
        return try Sensitivity.run(study, base: result, replications: count, breakEven: !noBreakEven)
    }

    private func runRanking(_ list: [String]) throws {
        var scenario = try ScenarioArgument.load(path: self.scenario!)
        if let seed { scenario.run.seed = seed }
        let count = replications ?? max(2, scenario.run.replications)
        try budget.check(scenario, replications: count, what: "each program's arm")
        let bar = progress("running \(list.count) programs and none, \(count) paired replications each", total: (list.count + 1) * count)
        let ranking: ProgramRanking
        do {
            ranking = try ProgramRanking.run(list, in: scenario, replications: count, jobs: jobs, mode: mode, progress: Self.tick(bar))
        } catch let error as ROIError {
            Console.note("error: \(error)")
            throw ExitCode(2)
        }
        bar?.finish()
        var sensitivities: [String: Sensitivity] = [:]
        for (name, study) in zip(ranking.programs, ranking.studies) {
            let result = ranking.results[ranking.programs.firstIndex(of: name)!]
            sensitivities[name] = try sensitivityStudy(study, result)
        }
        print(ROIRankingTable.render(ranking, scenario: scenario, sensitivities: sensitivities), terminator: "")
        fflush(nil)
        if let out, let folder = try outputFolder(out) {
            try ROIFiles.write(ranking, sensitivities: sensitivities, to: folder.staging.path)
            try folder.commit()
            Console.note("wrote roi.json (the best program, with the ranking), ranking.csv and programs/<name>/ in \(out)")
        }
    }

    private func makeArms() throws -> ROIArms {
        do {
            if let withPath, let withoutPath {
                return try ROIArms.scenarios(with: ScenarioArgument.load(path: withPath),
                                             without: ScenarioArgument.load(path: withoutPath))
            }
            let loaded = try ScenarioArgument.load(path: scenario!)
            guard let program else { throw ExitCode(2) }
            if let versus { return try ROIArms.program(program, versus: versus, in: loaded) }
            return try ROIArms.program(program, in: loaded)
        } catch let error as ROIError {
            Console.note("error: \(error)")
            throw ExitCode(2)
        }
    }
}

extension ROIStudy.Mode: ExpressibleByArgument {}
