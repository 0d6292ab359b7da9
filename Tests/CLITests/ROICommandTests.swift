import CCSimCommandLine
import Foundation
import XCTest

/// `ccsim roi` end to end on the bundled example: the table, the files, and the argument errors.
final class ROICommandTests: XCTestCase {
    func testComparesTwoProgramsAndWritesItsFiles() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-roi-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try CCSimCommand.run(["roi", "scenarios/training-roi.yaml", "--program", "onboarding", "--versus", "short-onboarding",
                                        "--replications", "3", "--sensitivity-replications", "2", "--no-break-even", "--out", out])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("Onboarding instead of short-onboarding costs "), run.stdout)
        for line in ["Training ROI  onboarding vs short-onboarding · training-roi", "ROI = (benefit − cost) / cost", "P(ROI > 0)",
                     "payback (median)", "NPV at 8.0% a year", "discounted payback (median)", "common random numbers: net-benefit variance",
                     "capacity freed (not cash, not in the ROI", "with − without (paired)",
                     "onboarding: first-contact resolution (relative, multiplied)",
                     "Sensitivity: ROI with one effect fixed at a percentile", "at 5th pct effect", "How to read this"] {
            XCTAssertTrue(run.stdout.contains(line), "missing '\(line)' in\n\(run.stdout)")
        }
        XCTAssertTrue(run.stderr.contains("wrote roi.json, weekly.csv, replications.csv and tornado.csv"), run.stderr)
        // A figure and its interval in one precision: never `1,007` beside `-462.07` on one line.
        let grouped = try NSRegularExpression(pattern: #"\d,\d{3}(?!\.)"#), decimals = try NSRegularExpression(pattern: #"\d\.\d\d\b"#)
        for line in run.stdout.split(separator: "\n").map(String.init) where line.contains("[") && !line.contains("%") && !line.contains(" h") {
            let range = NSRange(line.startIndex..., in: line)
            XCTAssertFalse(grouped.firstMatch(in: line, range: range) != nil && decimals.firstMatch(in: line, range: range) != nil,
                           "mixed precision: \(line)")
        }
        let weekly = try String(contentsOfFile: "\(out)/weekly.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(weekly.count, 1 + 26, "a header and one row per week")
        XCTAssertTrue(weekly[0].hasPrefix("week,net,cumulative_net,cumulative_net_lower,cumulative_net_upper,cost,benefit,"))
        let replications = try String(contentsOfFile: "\(out)/replications.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(replications.count, 1 + 3)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(out)/roi.json"))) as? [String: Any]
        XCTAssertEqual(json?["kind"] as? String, "roi")
        XCTAssertEqual(json?["versus"] as? String, "short-onboarding")
        XCTAssertEqual((json?["roi_by_replication"] as? [Any])?.count, 3)
    }

    /// `--programs`: the ranking against none with P(best) and paired differences, each program's
    /// break-even, NPV and payback, and the files `ccsim report` opens.
    func testRanksProgramsAgainstNone() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-roi-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try CCSimCommand.run(["roi", "scenarios/training-roi.yaml", "--programs", "onboarding,coaching",
                                        "--replications", "2", "--sensitivity-replications", "1", "--out", out])
        XCTAssertEqual(run.status, 0, run.stderr)
        for line in ["rank program", "P(best)", "Paired differences of net benefit", "coaching − onboarding", "Onboarding costs ",
                     "Coaching costs ", "Break-even (ROI = 0", "  coaching ", "NPV at 8.0% a year", "payback (median)"] {
            XCTAssertTrue(run.stdout.contains(line), "missing '\(line)' in\n\(run.stdout)")
        }
        let ranking = try String(contentsOfFile: "\(out)/ranking.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(ranking.count, 3)
        XCTAssertTrue(FileManager.default.fileExists(atPath: "\(out)/programs/onboarding/roi.json"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(out)/roi.json"))) as? [String: Any]
        XCTAssertEqual((json?["ranking"] as? [Any])?.count, 2)
        XCTAssertTrue(try XCTUnwrap(json?["ranking_verdict"] as? String).hasPrefix(run.stdout.components(separatedBy: ".\n")[0]), run.stdout)
        let report = try CCSimCommand.run(["report", out])
        XCTAssertEqual(report.status, 0, report.stderr)
        let html = try String(contentsOfFile: "\(out)/report.html", encoding: .utf8)
        let verdict = try XCTUnwrap(json?["ranking_verdict"] as? String).replacingOccurrences(of: ">", with: "&gt;")
        let opening = try XCTUnwrap(html.range(of: "</header>")).upperBound
        XCTAssertTrue(html[opening...].drop(while: \.isNewline).hasPrefix("<p style=\"font-size:1.3em;font-weight:600;margin:0.6em 0\">\(verdict)."), "the page opens with the verdict")
        for text in ["How to read this", "Programs compared", "Break-even", "first-contact resolution", "P(best)"] {
            XCTAssertTrue(html.contains(text), "report misses '\(text)'")
        }

        let one = try CCSimCommand.run(["roi", "scenarios/training-roi.yaml", "--programs", "onboarding"])
        XCTAssertNotEqual(one.status, 0)
        XCTAssertTrue(one.stderr.contains("--programs needs at least two names"), one.stderr)
        let misspelt = try CCSimCommand.run(["roi", "scenarios/training-roi.yaml", "--programs", "onboarding,coachin", "--replications", "2"])
        XCTAssertEqual(misspelt.status, 2)
        XCTAssertTrue(misspelt.stderr.contains("no training program 'coachin'"), misspelt.stderr)
    }

    func testArgumentErrorsNameWhatIsWrong() throws {
        let noProgram = try CCSimCommand.run(["roi", "scenarios/training-roi.yaml"])
        XCTAssertNotEqual(noProgram.status, 0)
        XCTAssertTrue(noProgram.stderr.contains("name the program to evaluate with --program NAME or --programs A,B"), noProgram.stderr)
        XCTAssertTrue(noProgram.stderr.contains("the programs of scenarios/training-roi.yaml: onboarding, short-onboarding, coaching"), noProgram.stderr)
        let noneToName = try CCSimCommand.run(["roi", "scenarios/tiered-support.yaml"])
        XCTAssertTrue(noneToName.stderr.contains("scenarios/tiered-support.yaml has no training programs"), noneToName.stderr)
        let misspelt = try CCSimCommand.run(["roi", "scenarios/training-roi.yaml", "--program", "onbording"])
        XCTAssertEqual(misspelt.status, 2)
        XCTAssertTrue(misspelt.stderr.contains("no training program 'onbording' in scenarios/training-roi.yaml; did you mean 'onboarding'?"),
                      misspelt.stderr)
        let untrained = try CCSimCommand.run(["roi", "scenarios/tiered-support.yaml", "--program", "x"])
        XCTAssertEqual(untrained.status, 2)
        XCTAssertTrue(untrained.stderr.contains("has no training programs"), untrained.stderr)
        let otherCenter = try CCSimCommand.run(["roi", "--with", "scenarios/tiered-support.yaml", "--without", "scenarios/igaming.yaml"])
        XCTAssertEqual(otherCenter.status, 2)
        XCTAssertTrue(otherCenter.stderr.contains("must describe the same center"), otherCenter.stderr)
    }

    /// A small four-week center with the given programs (the `programs:` list's items), in a temporary file.
    func smallScenario(_ programs: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-roi-\(UUID().uuidString).yaml").path
        let yaml = """
            name: roi-small
            run: {horizon: 4w, interval: 1d, replications: 2, seed: 3}
            channels:
              voice: {kind: voice, demand: {rate: 60/h}, service_level: {answer_within: 20s, target: 80%}}
            tiers:
              tier1:
                handle_time: {voice: {exponential: {mean: 8m}}}
                resolution: {resolved: 80%}
                repeats: {after_unresolved: 50%, delay: {exponential: {mean: 1d}}}
            teams:
              agents:
                skills: [{channel: voice, tier: tier1}]
                hourly_cost: 30
                shifts: [{start: "00:00", length: 24h, agents: 12}]
                workforce: {initial_tenure: {uniform: {min: 0w, max: 100w}}}
            training:
              valuation: {repeat_avoided: 10}
              programs:
            \(programs)
            """
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A program that does nothing: no payback claimed, the verdict says there is no effect, the
    /// effects block is shown without a sensitivity study, and the comparison is against no
    /// training (the file's other program, which does cost, runs in neither arm).
    func testAProgramThatDoesNothingHasNoEffectToEvaluate() throws {
        let path = try smallScenario("""
                - {name: nothing, participants: everyone}
                - {name: course, participants: everyone, cost_per_agent: 100, effects: {handle_time: -10%}}
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try CCSimCommand.run(["roi", path, "--program", "nothing", "--sensitivity-replications", "0"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("Nothing made no difference in any of the 2 replications over 4 weeks"), run.stdout)
        XCTAssertTrue(run.stdout.contains("there is no effect to evaluate"), run.stdout)
        for line in ["Training ROI  nothing vs no training · roi-small", "Effects as written (nothing): none",
                     "no cost and no cash benefit in any replication: nothing to pay back"] {
            XCTAssertTrue(run.stdout.contains(line), "missing '\(line)' in\n\(run.stdout)")
        }
        XCTAssertFalse(run.stdout.contains("pays back in week"), run.stdout)
        XCTAssertFalse(run.stdout.contains("program cost (direct)"), "course's cost would show if it ran in the arm with 'nothing'\n\(run.stdout)")

        let course = try CCSimCommand.run(["roi", path, "--program", "course", "--sensitivity-replications", "0"])
        XCTAssertEqual(course.status, 0, course.stderr)
        XCTAssertTrue(course.stdout.contains("Effects as written (course):\n  course: handle time (relative) -10%"), course.stdout)
        XCTAssertFalse(course.stdout.contains("Sensitivity: ROI with one effect fixed at a percentile"), course.stdout)
    }

    func testAProgramStartingAfterTheRunIsRefusedAtItsLine() throws {
        let path = try smallScenario("""
                - {name: late, participants: everyone, start_week: 4, fixed_cost: 100}
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try CCSimCommand.run(["roi", path, "--program", "late"])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("\(path):19"), run.stderr)
        XCTAssertTrue(run.stderr.contains("training.programs[0].start_week"), run.stderr)
        XCTAssertTrue(run.stderr.contains("the program would never start in the run"), run.stderr)
    }
}
