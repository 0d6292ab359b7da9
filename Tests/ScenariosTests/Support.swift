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
