import ContactCenter
import Experiments
import Foundation
import Scenarios
import XCTest

/// Deterministic mutation fuzzing of the bundled scenarios (issue 12).
///
/// Each mutant is one of the bundled files with lines deleted or duplicated, a number replaced
/// by an extreme (1e308, 9.3e18, 4e-320, 2^63, …), a value swapped for another type, the text
/// truncated, or random bytes inserted. Every mutant goes through loading in-process and must
/// give a valid scenario or a clear error (`file:line: path: problem`, one line per issue) within
/// a time budget; mutants that load are also run for one day and one replication (unless the
/// resource budget refuses them, itself a clear answer). A crash fails the whole test run, so
/// reaching the end means none crashed. The seed is fixed: a failure reproduces.
final class ScenarioMutationFuzzTests: XCTestCase {
    static let loadMutants = 2_400
    static let runMutantsWanted = 120
    /// Per-mutant budget in seconds: loading is milliseconds; a slow one means a blow-up.
    static let loadBudget = 2.0
    static let runBudget = 20.0

    /// SplitMix64: a tiny deterministic generator (the test needs no statistical quality).
    struct Mix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    static let extremes = ["1e308", "9.3e18", "4e-320", "9223372036854775808", "-9223372036854775809", "2147483648",
                           "-1", "0", "1e-9", "1e19", "0.0000001", "1e15", "nan", ".inf", "-0"]
    static let units = ["ms", "s", "m", "h", "d", "w", "/h", "/s", "%", ""]
    static let swaps = ["[1, 2]", "{a: 1}", "\"text\"", "~", "''", "[]", "{}", "*undefined", "&a x", "!!binary AAAA", "yes"]

    static func mutate(_ text: String, _ rng: inout Mix) -> String {
        var lines = text.components(separatedBy: "\n")
        switch rng.below(7) {
        case 0:  // delete lines
            for _ in 0...rng.below(3) where !lines.isEmpty { lines.remove(at: rng.below(lines.count)) }
        case 1:  // duplicate a line
            let i = rng.below(lines.count)
            lines.insert(lines[i], at: rng.below(lines.count + 1))
        case 2, 3:  // an extreme number (with a unit) in place of a number
            for _ in 0...rng.below(2) {
                let i = rng.below(lines.count)
                let line = lines[i]
                let digits = line.indices.filter { line[$0].isNumber }
                guard let at = digits.isEmpty ? nil : digits[rng.below(digits.count)] else { continue }
                var end = at
                while end < line.endIndex, line[end].isNumber || line[end] == "." || line[end] == "e" { end = line.index(after: end) }
                var start = at
                while start > line.startIndex, line[line.index(before: start)].isNumber || line[line.index(before: start)] == "." { start = line.index(before: start) }
                var unitEnd = end
                while unitEnd < line.endIndex, line[unitEnd].isLetter || line[unitEnd] == "/" || line[unitEnd] == "%" { unitEnd = line.index(after: unitEnd) }
                let unit = rng.below(3) == 0 ? rng.pick(units) : String(line[end..<unitEnd])
                lines[i] = String(line[..<start]) + rng.pick(extremes) + unit + String(line[unitEnd...])
            }
        case 4:  // a value of another type
            let i = rng.below(lines.count)
            if let colon = lines[i].firstIndex(of: ":") {
                lines[i] = String(lines[i][...colon]) + " " + rng.pick(swaps)
            }
        case 5:  // truncation
            let cut = rng.below(text.utf8.count)
            return String(decoding: Array(text.utf8.prefix(cut)), as: UTF8.self)
        default:  // random bytes
            var bytes = Array(text.utf8)
            for _ in 0...rng.below(4) {
                let b = rng.below(4) == 0 ? UInt8(truncatingIfNeeded: rng.next()) : rng.pick(Array("{}[]:,&*!|>-#'\"\t \n%@`".utf8))
                bytes.insert(b, at: rng.below(bytes.count + 1))
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return lines.joined(separator: "\n")
    }

    func testMutatedScenariosLoadOrFailClearlyAndRun() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 5)
        let texts = try files.map { try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8) }

        var rng = Mix(state: 20_261_202)
        var loaded = 0, rejected = 0, ran = 0, refused = 0, runErrors = 0
        var slowest = (seconds: 0.0, label: "")
        for n in 0..<Self.loadMutants {
            let which = n % texts.count
            var text = texts[which]
            for _ in 0...rng.below(2) { text = Self.mutate(text, &rng) }
            let label = "mutant \(n) of \(files[which])"
            let started = Date()
            let scenario: Scenario?
            do {
                scenario = try ScenarioLoader.parse(yaml: text, file: "m.yaml", baseDirectory: directory.path)
                loaded += 1
            } catch {
                rejected += 1
                scenario = nil
                XCTAssertFalse(error.issues.isEmpty, label)
                for issue in error.issues {
                    XCTAssertFalse(issue.message.isEmpty, label)
                    XCTAssertTrue(issue.description.hasPrefix("m.yaml"), "\(label): \(issue)")
                    XCTAssertFalse(issue.description.contains("\n"), "\(label): \(issue)")
                }
            }
            let loadSeconds = Date().timeIntervalSince(started)
            if loadSeconds > slowest.seconds { slowest = (loadSeconds, label + " (load)") }
            XCTAssertLessThan(loadSeconds, Self.loadBudget, "\(label) took \(loadSeconds) s to load:\n\(text)")

            guard var scenario, ran + refused < Self.runMutantsWanted else { continue }
            // One day, one replication (the interval is kept: profiles are per interval).
            if 86_400.truncatingRemainder(dividingBy: scenario.run.interval) == 0 { scenario.run.horizon = 86_400 }
            scenario.run.warmup = 0
            scenario.run.replications = 1
            // A test-sized budget: a mutant that asks for more is refused, which is a clear answer.
            do {
                try ResourceBudget(scale: 1e-2).check(scenario)
            } catch {
                refused += 1
                XCTAssertTrue("\(error)".contains("--budget"), label)
                continue
            }
            let runStarted = Date()
            do {
                _ = try ContactCenterSimulator.run(scenario, replication: 0)
                ran += 1
            } catch {
                runErrors += 1
                XCTAssertFalse("\(error)".isEmpty, label)
            }
            let runSeconds = Date().timeIntervalSince(runStarted)
            if runSeconds > slowest.seconds { slowest = (runSeconds, label + " (one-day run)") }
            XCTAssertLessThan(runSeconds, Self.runBudget, "\(label) took \(runSeconds) s to run:\n\(text)")
        }
        print("mutation fuzz: \(Self.loadMutants) mutants loaded in-process (\(loaded) valid, \(rejected) rejected with a located error), "
              + "\(ran + runErrors) run for one day (\(runErrors) errors), \(refused) refused by the budget, 0 crashes; "
              + "slowest: \(slowest.label) \(String(format: "%.3f", slowest.seconds)) s")
        XCTAssertGreaterThanOrEqual(Self.loadMutants, 2_000)
        XCTAssertGreaterThanOrEqual(ran + runErrors, 100, "too few mutants loaded to run 100 of them")
    }
}
