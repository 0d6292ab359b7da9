import Foundation
import Scenarios
import Testing

/// One malformed scenario and where its first error must point.
struct Malformed: CustomTestStringConvertible, Sendable {
    let label: String
    let yaml: String
    let path: String
    let line: Int
    let column: Int?
    let says: String

    init(_ label: String, _ yaml: String, path: String, line: Int, column: Int? = nil, says: String) {
        self.label = label
        self.yaml = yaml
        self.path = path
        self.line = line
        self.column = column
        self.says = says
    }

    var testDescription: String { label }
}

/// Checks that loading `c.yaml` fails with its first problem where `c` says, on one line.
func expectFirstProblem(_ c: Malformed) throws {
    let error = try #require(loadError(c.yaml))
    #expect(error.path == c.path)
    #expect(error.line == c.line)
    if let column = c.column { #expect(error.column == column) }
    #expect(c.says.isEmpty || error.message.contains(c.says), "message was: \(error.message)")
    #expect(!error.message.isEmpty)
    #expect(error.file == "t.yaml")
    // One line, FILE:LINE[:COL]: [PATH: ]problem.
    let text = error.description
    #expect(!text.contains("\n"))
    var prefix = "t.yaml:\(c.line):"
    if let column = c.column { prefix += "\(column):" }
    #expect(text.hasPrefix(prefix), "description was: \(text)")
    if !c.path.isEmpty { #expect(text.contains(": \(c.path): "), "description was: \(text)") }
    #expect(text.hasSuffix(error.message.split(whereSeparator: \.isNewline).joined(separator: " ")))
    #expect(error.issues.first?.description == text)
}

let malformedCases: [Malformed] = [
    // Missing fields: named, and located at the parent's line.
    Malformed("missing name", yaml([1: nil]), path: "name", line: 2, column: 1, says: "required field 'name' is missing"),
    Malformed("missing agents", yaml([5: "  name: a"]), path: "team.agents", line: 4, column: 1,
              says: "required field 'agents' is missing from 'team'"),
    Malformed("missing handle_time", yaml([6: nil, 7: nil]), path: "handle_time", line: 1, column: 1,
              says: "required field 'handle_time' is missing"),
    Malformed("required field without value", yaml([5: "  agents:"]), path: "team.agents", line: 5,
              says: "required field has no value"),
    Malformed("missing service level target", yaml(appending: ["service_level:", "  answer_within: 20s"]),
              path: "service_level.target", line: 8, column: 1, says: "required field 'target' is missing"),
    // Ranges.
    Malformed("negative rate", yaml([3: "  rate: -540/h"]), path: "arrivals.rate", line: 3, column: 9,
              says: "must be greater than 0, got -540/h"),
    Malformed("zero agents", yaml([5: "  agents: 0"]), path: "team.agents", line: 5, column: 11,
              says: "must be at least 1, got 0"),
    Malformed("zero horizon", yaml(appending: ["run: {horizon: 0s}"]), path: "run.horizon", line: 8, column: 16,
              says: "must be greater than 0"),
    Malformed("negative warmup", yaml(appending: ["run:", "  warmup: -1h"]), path: "run.warmup", line: 9, column: 11,
              says: "must be 0 or more, got -1h"),
    Malformed("zero replications", yaml(appending: ["run:", "  replications: 0"]), path: "run.replications", line: 9,
              says: "must be between 1 and 16777216, got 0"),
    Malformed("zero max_arrivals", yaml(appending: ["run:", "  max_arrivals: 0"]), path: "run.max_arrivals", line: 9,
              says: "must be at least 1, got 0"),
    Malformed("seed too large", yaml(appending: ["run:", "  seed: 2147483648"]), path: "run.seed", line: 9, column: 9,
              says: "must be between 0 and 2147483647, got 2147483648"),
    Malformed("negative seed", yaml(appending: ["run:", "  seed: -1"]), path: "run.seed", line: 9,
              says: "must be between 0 and 2147483647, got -1"),
    Malformed("huge seed", yaml(appending: ["run:", "  seed: 99999999999999999999"]), path: "run.seed", line: 9,
              says: "99999999999999999999 is too large"),
    Malformed("interval does not divide horizon", yaml(appending: ["run:", "  horizon: 8h", "  interval: 25m"]),
              path: "run.interval", line: 10, column: 13, says: "must divide horizon (8h) into whole intervals, got 25m"),
    Malformed("default interval does not divide horizon", yaml(appending: ["run:", "  horizon: 45m"]),
              path: "run.interval", line: 9,
              says: "must divide horizon (45m) into whole intervals, got 30m (horizon / interval = 1.5); 30m is the default, set run.interval"),
    Malformed("interval longer than horizon", yaml(appending: ["run: {horizon: 1h, interval: 2h}"]),
              path: "run.interval", line: 8, says: "must divide horizon"),
    Malformed("too many intervals", yaml(appending: ["run: {horizon: 2d, interval: 1s}"]),
              path: "run.interval", line: 8, says: "at most 100000"),
    Malformed("percent above 100", yaml(appending: ["service_level: {answer_within: 20s, target: 120%}"]),
              path: "service_level.target", line: 8, says: "must be between 0% and 100%, got '120%'"),
    Malformed("fraction above 1", yaml(appending: ["service_level: {answer_within: 20s, target: 80}"]),
              path: "service_level.target", line: 8, says: "did you mean '80%'?"),
    Malformed("zero answer_within", yaml(appending: ["service_level: {answer_within: 0s, target: 80%}"]),
              path: "service_level.answer_within", line: 8, says: "must be greater than 0"),
    Malformed("empty name", yaml([1: "name: ''"]), path: "name", line: 1, column: 7, says: "must not be empty"),
    // Unknown keys.
    Malformed("misspelt top-level key", yaml([6: "handle_tme:"]), path: "handle_tme", line: 6, column: 1,
              says: "unknown field 'handle_tme'; did you mean 'handle_time'?"),
    Malformed("misspelt nested key", yaml([5: "  agnets: 50"]), path: "team.agnets", line: 5, column: 3,
              says: "did you mean 'agents'?"),
    Malformed("camelCase key", yaml([6: "handleTime:"]), path: "handleTime", line: 6, says: "did you mean 'handle_time'?"),
    Malformed("unknown key without suggestion", yaml(appending: ["colour: blue"]), path: "colour", line: 8,
              says: "unknown field 'colour'; expected one of: name, description, run"),
    Malformed("merge key", yaml(appending: ["<<: {seed: 1}"]), path: "<<", line: 8, says: "merge keys ('<<') are not supported"),
    Malformed("section field at top level", yaml(appending: ["horizon: 8h"]), path: "horizon", line: 8,
              says: "it belongs under 'run'"),
    Malformed("misspelt convention", yaml(appending: ["service_level: {answer_within: 20s, target: 80%, convention: offerd}"]),
              path: "service_level.convention", line: 8, says: "unknown value 'offerd'; did you mean 'offered'?"),
    // Types and units.
    Malformed("bad duration unit", yaml([7: "  exponential: {mean: 5 minutes}"]), path: "handle_time.exponential.mean",
              line: 7, column: 23, says: "unknown duration unit 'minutes' in '5 minutes'; did you mean '5m'? use ms, s, m, h or d"),
    Malformed("not a duration", yaml(appending: ["run: {horizon: soon}"]), path: "run.horizon", line: 8,
              says: "expected a duration such as '20s', '4m' or '1.5h', got 'soon'"),
    Malformed("bare number for a duration", yaml([7: "  exponential: {mean: 300}"]), path: "handle_time.exponential.mean",
              line: 7, says: "'300' has no unit; add a unit, e.g. '300s'"),
    Malformed("bare number for a rate", yaml([3: "  rate: 540"]), path: "arrivals.rate", line: 3, column: 9,
              says: "'540' has no time unit; add one, e.g. '540/h'"),
    Malformed("bad rate unit", yaml([3: "  rate: 540/hour"]), path: "arrivals.rate", line: 3, says: "unknown rate unit '/hour'"),
    Malformed("text for a number", yaml([5: "  agents: abc"]), path: "team.agents", line: 5, column: 11,
              says: "expected a whole number, got 'abc'"),
    Malformed("fractional agents", yaml([5: "  agents: 2.5"]), path: "team.agents", line: 5, says: "expected a whole number, got '2.5'"),
    Malformed("scalar for a section", yaml([4: "team: 50", 5: nil]), path: "team", line: 4, column: 7,
              says: "expected a mapping, got '50'"),
    Malformed("list for a number", yaml([5: "  agents: [1, 2]"]), path: "team.agents", line: 5, says: "expected a whole number, got a list"),
    Malformed("top level is a list", "- a\n- b\n", path: "", line: 1, column: 1, says: "expected a mapping of scenario fields"),
    // Distributions.
    Malformed("cv of zero", yaml([7: "  lognormal: {mean: 4m, cv: 0}"]), path: "handle_time.lognormal.cv", line: 7, column: 29,
              says: ""),
    Malformed("negative mean", yaml([7: "  exponential: {mean: -5m}"]), path: "handle_time.exponential.mean", line: 7, says: ""),
    Malformed("empty empirical list", yaml([7: "  empirical: []"]), path: "handle_time.empirical", line: 7, column: 14,
              says: "must list at least one value"),
    Malformed("two families", yaml([7: "  {exponential: {mean: 5m}, lognormal: {mean: 4m, cv: 0.5}}"]), path: "handle_time.lognormal",
              line: 7, column: 29, says: "exactly one family, but 'exponential' and 'lognormal' are both given"),
    Malformed("no family", yaml([7: "  {}"]), path: "handle_time", line: 7, says: "no distribution family given"),
    Malformed("misspelt family", yaml([7: "  exponental: {mean: 5m}"]), path: "handle_time.exponental", line: 7,
              says: "did you mean 'exponential'?"),
    Malformed("scalar distribution", yaml([6: "handle_time: 5m", 7: nil]), path: "handle_time", line: 6, column: 14,
              says: "write {deterministic: 5m} for a fixed value"),
    Malformed("mixed parameter forms", yaml([7: "  lognormal: {mean: 4m, sigma: 0.5}"]), path: "handle_time.lognormal", line: 7,
              says: "give either mean and cv, or mu and sigma, not a mix of both"),
    Malformed("missing cv", yaml([7: "  gamma: {mean: 4m}"]), path: "handle_time.gamma.cv", line: 7, column: 3,
              says: "required field 'cv' is missing from 'handle_time.gamma'"),
    Malformed("unknown parameter", yaml([7: "  exponential: {mean: 5m, sd: 1m}"]), path: "handle_time.exponential.sd", line: 7,
              says: "unknown field 'sd'"),
    Malformed("zero mean handle time", yaml([7: "  deterministic: 0s"]), path: "handle_time", line: 7,
              says: "mean handle time must be greater than 0, got 0s"),
    Malformed("negative uniform time", yaml([7: "  uniform: {min: -1m, max: 3m}"]), path: "handle_time.uniform.min", line: 7,
              says: ""),
    Malformed("negative empirical time", yaml([7: "  empirical: [1m, -2m]"]), path: "handle_time.empirical[1]", line: 7,
              column: 19, says: ""),
    Malformed("mixture weights", yaml([7: "  mixture: [{weight: 70%, exponential: {mean: 3m}}, {weight: 20%, deterministic: 1m}]"]),
              path: "handle_time.mixture", line: 7, says: "component weights must add up to 100%, got 90%"),
    Malformed("mixture component parameter", yaml([7: "  mixture: [{weight: 0.5, exponential: {mean: 3m}}, {weight: 0.5, lognormal: {mean: 4m, cv: -1}}]"]),
              path: "handle_time.mixture[1].lognormal.cv", line: 7, says: ""),
    Malformed("mixture component without weight", yaml([7: "  mixture: [{exponential: {mean: 3m}}]"]),
              path: "handle_time.mixture[0].weight", line: 7, says: "required field 'weight' is missing"),
    Malformed("patience parameter", yaml(appending: ["patience: {erlang: {phases: 0, mean: 3m}}"]),
              path: "patience.erlang.phases", line: 8, says: ""),
    Malformed("missing csv file", yaml([7: "  empirical: {file: nope.csv}"]), path: "handle_time.empirical.file", line: 7,
              says: "cannot read 'nope.csv': no such file"),
    // Whole-file problems.
    Malformed("YAML syntax error", "name: t\nteam:\n  agents: [50\narrivals: {rate: 1/s}\n", path: "", line: 4,
              says: "YAML syntax error"),
    Malformed("tab indentation", "name: t\nteam:\n\tagents: 5\n", path: "", line: 3, says: "YAML syntax error"),
    Malformed("duplicate key", yaml(appending: ["name: again"]), path: "", line: 1, says: "duplicate key 'name'"),
    Malformed("two documents", yaml(appending: ["---", "name: x"]), path: "", line: 8, column: 1,
              says: "a scenario file holds one YAML document, but a second one starts here"),
]

@Suite struct MalformedScenarioTests {
    @Test(arguments: malformedCases)
    func reportsTheRightPlaceOnOneLine(_ c: Malformed) throws {
        try expectFirstProblem(c)
    }

    @Test func emptyFiles() throws {
        for text in ["", "\n\n", "# only a comment\n", "~\n"] {
            let error = try #require(loadError(text, file: "empty.yaml"))
            #expect(error.description == "empty.yaml: file is empty; a scenario needs at least 'name', 'arrivals', 'team' and 'handle_time'")
            #expect(error.line == nil)
        }
    }

    /// A sweep spec given where a scenario belongs is named as one, not told it lacks every scenario field.
    @Test func sweepSpecInsteadOfScenario() throws {
        let error = try #require(loadError("base: mmc-basic.yaml\nparameters:\n  team.agents: [10, 11]\n", file: "grid.yaml"))
        #expect(error.issues.count == 1)
        #expect(error.description == "grid.yaml:1:1: grid.yaml is a sweep spec (a base scenario and parameters to vary), not a scenario: run it with `ccsim sweep run grid.yaml` (`--dry-run` checks it)")
    }

    @Test func missingFile() {
        let error = loadError(path: "no/such/dir/missing.yaml")
        #expect(error?.description == "no/such/dir/missing.yaml: cannot read scenario: no such file")
        #expect(error?.path.isEmpty == true && error?.line == nil)
    }

    @Test func directoryInsteadOfFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(loadError(path: dir.path)?.description == "\(dir.path): cannot read scenario: it is a directory; it holds no YAML files")
        try "name: a".write(to: dir.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try "name: b".write(to: dir.appendingPathComponent("b.yml"), atomically: true, encoding: .utf8)
        try "x".write(to: dir.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        #expect(loadError(path: dir.path)?.description
            == "\(dir.path): cannot read scenario: it is a directory; the YAML files in it: \(dir.path)/a.yaml, \(dir.path)/b.yml")
    }

    /// A mistyped name is answered with the file of that kind it most likely meant, in the folder
    /// it names or, for a bare name, in the bundled folders; an unrelated name gets no guess.
    @Test func missingFileSuggestsTheLikeliestOne() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["erlang-a.yaml", "tiered-support.yaml", "forecast.csv"] {
            try "name: x".write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        for typo in ["erlang-a.yml", "erlanga.yaml", "Erlang_A.yaml", "tiered-suport.yaml"] {
            let meant = typo.hasPrefix("tiered") ? "tiered-support.yaml" : "erlang-a.yaml"
            let error = loadError(path: dir.appendingPathComponent(typo).path)
            #expect(error?.description.hasSuffix("cannot read scenario: no such file; did you mean \(dir.path)/\(meant)?") == true,
                    "\(String(describing: error))")
        }
        #expect(NearbyFiles.hint(for: dir.appendingPathComponent("billing.yaml").path) == "")
        #expect(NearbyFiles.hint(for: dir.appendingPathComponent("forecast.yaml").path) == "", "a file of another kind is not offered")
        // A bare name: the bundled folder's file, written as a path from here.
        #expect(NearbyFiles.hint(for: "erlang-a.yaml", folders: [dir.path]) == "; did you mean \(dir.path)/erlang-a.yaml?")
        #expect(NearbyFiles.siblingHint(for: dir.appendingPathComponent("forcast.csv").path, extensions: ["csv"])
            == "; did you mean forecast.csv (in the same folder)?")
    }

    @Test func notUTF8() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("latin1.yaml")
        try Data([0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xE9, 0xFF, 0x0A]).write(to: file)
        #expect(loadError(path: file.path)?.description == "\(file.path): cannot read scenario: not UTF-8 text")
    }

    @Test func collectsEveryProblemInFileOrder() throws {
        let text = yaml([3: "  rate: -1/h", 5: "  agents: 0", 7: "  exponential: {mean: 5}"],
                        appending: ["run: {seed: -3, interval: 7m}", "colour: red"])
        let error = try #require(loadError(text))
        #expect(error.issues.map(\.path) == [
            "arrivals.rate", "team.agents", "handle_time.exponential.mean", "run.seed", "run.interval", "colour",
        ])
        #expect(error.issues.map { $0.line ?? 0 } == [3, 5, 7, 8, 8, 9])
        #expect(error.description == error.issues[0].description)
        #expect(error.detailedDescription.split(separator: "\n").count == 7)
        #expect(error.detailedDescription.hasSuffix("6 problems found"))
    }

    @Test func misspeltRequiredKeyIsReportedOnce() throws {
        let error = try #require(loadError(yaml([6: "handle_tme:"])))
        #expect(error.issues.count == 1)
    }
}
