import Foundation
import Scenarios
import Testing

/// A minimal valid scenario; tests edit single lines so expected line numbers stay obvious.
///
///     1 name: t
///     2 arrivals:
///     3   rate: 540/h
///     4 team:
///     5   agents: 50
///     6 handle_time:
///     7   exponential: {mean: 5m}
let baseLines = [
    "name: t",
    "arrivals:",
    "  rate: 540/h",
    "team:",
    "  agents: 50",
    "handle_time:",
    "  exponential: {mean: 5m}",
]

/// The base scenario with 1-based lines replaced (`nil` blanks a line, keeping numbering) and
/// extra lines appended from line 8 on.
func yaml(_ replacements: [Int: String?] = [:], appending extra: [String] = []) -> String {
    var lines = baseLines
    for (line, text) in replacements { lines[line - 1] = text ?? "" }
    return (lines + extra).joined(separator: "\n") + "\n"
}

/// The error thrown for `text`, or nil (recording a test failure) if it loads.
func loadError(_ text: String, file: String = "t.yaml", baseDirectory: String? = nil,
               sourceLocation: SourceLocation = #_sourceLocation) -> ScenarioError? {
    do {
        let scenario = try ScenarioLoader.parse(yaml: text, file: file, baseDirectory: baseDirectory)
        Issue.record("expected an error, but loaded \(scenario.name)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// The error thrown loading the file at `path`, or nil (recording a test failure) if it loads.
func loadError(path: String, sourceLocation: SourceLocation = #_sourceLocation) -> ScenarioError? {
    do {
        let scenario = try ScenarioLoader.load(path: path)
        Issue.record("expected an error, but loaded \(scenario.name)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// Repository root, found from this file's location (Tests/ScenariosTests/Support.swift).
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fresh temporary directory for files a test writes (CSV samples, unreadable files).
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("ccsim-scenarios-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A minimal valid full-form scenario; tests edit single lines so expected line numbers stay obvious.
/// Voice is open 08:00–20:00; tier 1 escalates 10% to tier 2 by warm transfer; frontline serves
/// only voice, so its shifts must lie within voice's opening hours.
let fullBaseLines = [
    /*  1 */ "name: f",
    /*  2 */ "run: {horizon: 1d, interval: 30m}",
    /*  3 */ "channels:",
    /*  4 */ "  voice:",
    /*  5 */ "    demand: {per_day: 1000, profile: business_day, open: \"08:00\", close: \"20:00\"}",
    /*  6 */ "    tiers: {tier1: 80%, tier2: 20%}",
    /*  7 */ "    patience: {exponential: {mean: 3m}}",
    /*  8 */ "  email:",
    /*  9 */ "    demand: {per_day: 200}",
    /* 10 */ "    tiers: {tier1: 50%, tier2: 50%}",
    /* 11 */ "tiers:",
    /* 12 */ "  tier1:",
    /* 13 */ "    handle_time: {voice: {exponential: {mean: 4m}}, email: {exponential: {mean: 5m}}}",
    /* 14 */ "    resolution: {resolved: 85%, escalated: 10%}",
    /* 15 */ "    escalation: {to: tier2}",
    /* 16 */ "  tier2:",
    /* 17 */ "    handle_time: {voice: {exponential: {mean: 12m}}, email: {exponential: {mean: 10m}}}",
    /* 18 */ "teams:",
    /* 19 */ "  frontline:",
    /* 20 */ "    skills: [{channel: voice, tier: tier1}]",
    /* 21 */ "    shifts:",
    /* 22 */ "      - {start: \"08:00\", length: 8h, agents: 10}",
    /* 23 */ "  experts:",
    /* 24 */ "    skills: [{channel: [voice, email], tier: tier2}, {channel: email, tier: tier1}]",
    /* 25 */ "    shifts: [{start: \"08:00\", length: 12h, agents: 5}]",
]

/// The full-form base with 1-based lines replaced (`nil` blanks a line) and lines appended from 26 on.
/// A replacement may hold several lines (`"a\nb"`), which shifts the lines after it.
func fullYAML(_ replacements: [Int: String?] = [:], appending extra: [String] = []) -> String {
    var lines = fullBaseLines
    for (line, text) in replacements { lines[line - 1] = text ?? "" }
    return (lines + extra).joined(separator: "\n") + "\n"
}

/// Loads YAML text that must be valid, recording the problems otherwise.
func loadValid(_ text: String, file: String = "t.yaml", sourceLocation: SourceLocation = #_sourceLocation) throws -> Scenario {
    do {
        return try ScenarioLoader.parse(yaml: text, file: file)
    } catch {
        Issue.record("expected a valid scenario:\n\(error.detailedDescription)", sourceLocation: sourceLocation)
        throw error
    }
}
