import ArgumentParser
import Experiments
import Foundation
import Scenarios
import Stochastics
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
          ccsim roi scenarios/training-roi.yaml --program onboarding --versus coaching --replications 50
          ccsim roi --with plan-a.yaml --without plan-b.yaml --out results/roi
        """
    )


    @Argument(help: "A scenario file with a top-level 'training:' section (see scenarios/README.md).")
    var scenario: String?

    @Option(help: "The program to evaluate: the scenario as written against a copy without it.")
    var program: String?

    @Option(help: "With --program: compare against this other program instead of against none (each arm runs one of the two).")
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

    @Option(help: "Replications per point of the sensitivity table (0 = no sensitivity table).")
    var sensitivityReplications: Int = 10

    @Flag(help: "Run the arm without the program on another seed (unpaired), to see what pairing gains.")
    var unpaired = false

    @Option(help: "Directory to write roi.json, weekly.csv, replications.csv and tornado.csv into.")
    var out: String?

    @Option(help: "Replications run at once (default: number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if let out { _ = try OutputFolder.validated(out) }
        switch (scenario, withPath, withoutPath) {
        case (_?, nil, nil):
            if program == nil { throw ValidationError("name the program to evaluate with --program NAME (or give --with A.yaml --without B.yaml)") }
        case (nil, _?, _?):
            if program != nil || versus != nil { throw ValidationError("--program and --versus apply to a single scenario, not to --with/--without") }
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

    func run() throws {
        var arms = try makeArms()
        if let seed {
            arms.with.run.seed = seed
            arms.without.run.seed = seed
        }
        let count = replications ?? max(2, arms.with.run.replications)
        var staffingNote = ""
        if mode == .equalService {
            let staffed = try EqualService(replications: staffingReplications, jobs: jobs)
                .staff(arms) { FileHandle.standardError.write(Data("staffing \($0)\n".utf8)) }
            arms = staffed.arms
            staffingNote = "              staffed to the same targets: shifts × \(String(format: "%.2f", staffed.factorWith)) with the program,"
                + " × \(String(format: "%.2f", staffed.factorWithout)) without (\(staffed.evaluations) levels tried)"
                + (staffed.reachedLimit ? "; an arm misses even at × 3" : "") + "\n"
        }
        let study = ROIStudy(arms: arms, replications: count, jobs: jobs, pairing: unpaired ? .independent : .commonRandomNumbers,
                             mode: mode)
        let result = try study.run()
        let sensitivity = sensitivityReplications > 0 && !unpaired
            ? try Sensitivity.run(study, base: result, replications: sensitivityReplications) : nil
        let modeText = "\(mode.rawValue) · " + (unpaired ? "unpaired (independent seeds)" : "common random numbers")
        var table = ROITable.render(result, arms: arms, mode: modeText, sensitivity: sensitivity)
        if !staffingNote.isEmpty, let end = table.firstIndex(of: "\n") {
            let second = table[table.index(after: end)...].firstIndex(of: "\n")!
            table.insert(contentsOf: staffingNote, at: table.index(after: second))
        }
        print(table, terminator: "")
        fflush(nil)
        if let out, let folder = try outputFolder(out) {
            try ROIFiles.write(result, arms: arms, mode: mode.rawValue, sensitivity: sensitivity, to: folder.staging.path)
            try folder.commit()
            let files = "roi.json, weekly.csv, replications.csv" + (sensitivity == nil ? "" : " and tornado.csv")
            FileHandle.standardError.write(Data("wrote \(files) in \(out)\n".utf8))
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
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}

extension ROIStudy.Mode: ExpressibleByArgument {}
