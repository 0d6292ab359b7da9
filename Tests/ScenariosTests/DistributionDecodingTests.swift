import Foundation
import Scenarios
import Stochastics
import Testing

@Suite struct DistributionDecodingTests {
    func decode(_ text: String, kind: QuantityKind = .duration, baseDirectory: String? = nil) throws -> Distribution {
        try ScenarioLoader.parseDistribution(yaml: text, kind: kind, baseDirectory: baseDirectory)
    }

    func decodeError(_ text: String, kind: QuantityKind = .duration, baseDirectory: String? = nil) -> ScenarioError? {
        do {
            let d = try decode(text, kind: kind, baseDirectory: baseDirectory)
            Issue.record("expected an error, got \(d)")
            return nil
        } catch {
            return error as? ScenarioError
        }
    }

    @Test func nativeForms() throws {
        #expect(try decode("{exponential: {mean: 5m}}") == .exponential(mean: 300))
        #expect(try decode("{lognormal: {mu: 5.2, sigma: 0.6}}") == .lognormal(mu: 5.2, sigma: 0.6))
        #expect(try decode("{gamma: {shape: 2, scale: 150s}}") == .gamma(shape: 2, scale: 150))
        #expect(try decode("{erlang: {phases: 3, mean: 5m}}") == .erlang(phases: 3, mean: 300))
        #expect(try decode("{weibull: {shape: 0.8, scale: 200s}}") == .weibull(shape: 0.8, scale: 200))
        #expect(try decode("{uniform: {min: 1m, max: 3m}}") == .uniform(lower: 60, upper: 180))
        #expect(try decode("{triangular: {min: 1m, mode: 2m, max: 6m}}") == .triangular(lower: 60, mode: 120, upper: 360))
        #expect(try decode("{deterministic: 5m}") == .deterministic(300))
        #expect(try decode("{empirical: [120s, 300s, 45s]}") == .empirical([120, 300, 45]))
    }

    @Test func momentFormsGoThroughStochastics() throws {
        #expect(try decode("{lognormal: {mean: 4m, cv: 0.7}}") == Distribution.lognormal(mean: 240, cv: 0.7))
        #expect(try decode("{gamma: {mean: 5m, cv: 0.5}}") == Distribution.gamma(mean: 300, cv: 0.5))
        #expect(try decode("{weibull: {mean: 3m, cv: 1.2}}") == Distribution.weibull(mean: 180, cv: 1.2))
    }

    @Test func blockStyleAndMixtures() throws {
        let text = """
            mixture:
              - weight: 0.7
                exponential: {mean: 3m}
              - weight: 30%
                lognormal:
                  mean: 12m
                  cv: 0.5
            """
        let decoded = try decode(text)
        guard case .mixture(let components) = decoded else { Issue.record("not a mixture"); return }
        #expect(components.count == 2)
        #expect(abs(components.map(\.weight).reduce(0, +) - 1) < 1e-12)
        #expect(components.map(\.distribution) == [.exponential(mean: 180), try Distribution.lognormal(mean: 720, cv: 0.5)])
    }

    @Test func dimensionlessKindReadsPlainNumbers() throws {
        #expect(try decode("{exponential: {mean: 5}}", kind: .number) == .exponential(mean: 5))
        #expect(try decode("{uniform: {min: 1, max: 3}}", kind: .number) == .uniform(lower: 1, upper: 3))
        let error = try #require(decodeError("{exponential: {mean: 5m}}", kind: .number))
        #expect(error.description == "<distribution>:1:22: exponential.mean: expected a plain number without unit, got '5m'")
        let bare = try #require(decodeError("{exponential: {mean: 5}}", kind: .duration))
        #expect(bare.message == "'5' has no unit; add a unit, e.g. '5s' or '5m'")
    }

    // MARK: CSV files

    @Test func csvWithHeaderColumnAndUnit() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "id,seconds\r\n1,120\r\n2,\"300\"\r\n\r\n# a comment\r\n3,45.5\r\n"
            .write(to: dir.appendingPathComponent("handle.csv"), atomically: true, encoding: .utf8)
        let d = try decode("{empirical: {file: handle.csv, column: seconds, unit: s}}", baseDirectory: dir.path)
        #expect(d == .empirical([120, 300, 45.5]))
        let minutes = try decode("{empirical: {file: handle.csv, column: seconds, unit: m}}", baseDirectory: dir.path)
        #expect(minutes == .empirical([7200, 18000, 2730]))
    }

    /// Exports from spreadsheets: a byte-order mark, a quoted header with a comma, quoted numbers.
    @Test func csvFromASpreadsheetExport() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "\u{FEFF}id,\"handle, s\"\r\n1,\"120\"\r\n2,\"150\"\r\n"
            .write(to: dir.appendingPathComponent("h.csv"), atomically: true, encoding: .utf8)
        #expect(try decode("{empirical: {file: h.csv, column: 'handle, s', unit: s}}", baseDirectory: dir.path) == .empirical([120, 150]))
    }

    /// A decimal comma (`10,5`) makes a row longer than the file's first line: refused at its line,
    /// not read as its first cell.
    @Test func csvRowLongerThanTheHeaderIsRefused() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "seconds,agent\n120,a\n10,5,b\n".write(to: dir.appendingPathComponent("h.csv"), atomically: true, encoding: .utf8)
        let error = try #require(decodeError("{empirical: {file: h.csv, column: seconds, unit: s}}", baseDirectory: dir.path))
        #expect(error.message.contains("h.csv:3: row has 3 cells, but line 1 has 2"), "\(error.message)")
    }

    @Test func csvSingleColumnWithUnitsInCells() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "handle\n2m\n90s\n".write(to: dir.appendingPathComponent("h.csv"), atomically: true, encoding: .utf8)
        #expect(try decode("{empirical: {file: h.csv}}", baseDirectory: dir.path) == .empirical([120, 90]))
    }

    @Test func csvPathIsRelativeToTheScenarioFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "300\n200\n".write(to: dir.appendingPathComponent("times.csv"), atomically: true, encoding: .utf8)
        let scenarioFile = dir.appendingPathComponent("s.yaml")
        try yaml([7: "  empirical: {file: times.csv, unit: s}"]).write(to: scenarioFile, atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader.load(path: scenarioFile.path)
        #expect(scenario.singleQueue?.handleTime == .empirical([300, 200]))
    }

    @Test(arguments: [
        ("id,seconds\n1,120\n2,abc\n3,x\n", "{file: f.csv, column: seconds, unit: s}", "handle_time.empirical.file",
         "f.csv:3: expected a number, got 'abc' (and 1 more bad row)"),
        ("120\n300\n", "{file: f.csv}", "handle_time.empirical.file",
         "f.csv:1: '120' has no unit; add 'unit: s' (or m, h…) to the empirical entry, or write '120s' in the file (and 1 more bad row)"),
        ("a,b\n1,2\n", "{file: f.csv, column: c, unit: s}", "handle_time.empirical.column",
         "no column 'c' in the header of 'f.csv' (line 1 has 'a', 'b')"),
        ("a,b\n1,2\n", "{file: f.csv, unit: s}", "handle_time.empirical.file", "'f.csv' has 2 columns on line 1; choose one with 'column:'"),
        ("seconds\n", "{file: f.csv, unit: s}", "handle_time.empirical.file", "'f.csv' has no values"),
        ("", "{file: f.csv, unit: s}", "handle_time.empirical.file", "'f.csv' has no values"),
        ("a,b\n1\n", "{file: f.csv, column: b, unit: s}", "handle_time.empirical.file", "f.csv:2: row has 1 cell, no column 'b'"),
        ("5\n-3\n", "{file: f.csv, unit: s}", "handle_time.empirical.file", "f.csv:2: a duration cannot be negative, got '-3'"),
        ("5\n", "{file: f.csv, unit: sec}", "handle_time.empirical.unit", "unknown duration unit 'sec'; did you mean 's'? use ms, s, m, h or d"),
        ("seconds\n\"120\n300\n", "{file: f.csv, unit: s}", "handle_time.empirical.file",
         "f.csv:2: a quoted cell is never closed (a \" without its closing \")"),
        // A quoted note over two lines: the bad row is reported on the line an editor shows.
        ("note,seconds\n\"two\nlines\",120\nx,abc\n", "{file: f.csv, column: seconds, unit: s}", "handle_time.empirical.file",
         "f.csv:4: expected a number, got 'abc'"),
    ])
    func csvProblems(_ csv: String, _ entry: String, _ path: String, _ message: String) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try csv.write(to: dir.appendingPathComponent("f.csv"), atomically: true, encoding: .utf8)
        let error = try #require(loadError(yaml([7: "  empirical: \(entry)"]), baseDirectory: dir.path))
        #expect(error.path == path)
        #expect(error.line == 7)
        // Messages name the CSV as resolved against the base directory.
        #expect(error.message == message.replacingOccurrences(of: "f.csv", with: dir.appendingPathComponent("f.csv").path))
        #expect(!error.description.contains("\n"))
    }

    @Test func missingCSVNamesTheFileRelativeToTheScenario() throws {
        let error = try #require(loadError(yaml([7: "  empirical: {file: data/none.csv, unit: s}"]), baseDirectory: "scenarios"))
        #expect(error.description == "t.yaml:7:21: handle_time.empirical.file: cannot read 'scenarios/data/none.csv': no such file")
    }
}
