import Foundation
import Scenarios
import Scheduling
import Testing

/// A tiny scenario; tests replace single lines so expected line numbers stay obvious.
///
/// One team on constant voice demand (no opening hours to respect), hourly cost 10, 1-hour
/// intervals, and two templates: a 2-hour shift at 08:00 or 10:00, and a 3-hour shift at 09:00.
let tinyLines = [
    /*  1 */ "name: tiny",
    /*  2 */ "run: {horizon: 1d, interval: 1h, replications: 2}",
    /*  3 */ "channels:",
    /*  4 */ "  voice: {kind: voice, demand: {rate: 20/h}, patience: {exponential: {mean: 2m}}, service_level: {answer_within: 20s, target: 80%}}",
    /*  5 */ "tiers:",
    /*  6 */ "  tier1: {handle_time: {voice: {exponential: {mean: 5m}}}}",
    /*  7 */ "teams:",
    /*  8 */ "  front:",
    /*  9 */ "    skills: [{channel: voice, tier: tier1}]",
    /* 10 */ "    hourly_cost: 10",
    /* 11 */ "    shifts:                # replaced by the plan",
    /* 12 */ "      - {start: \"08:00\", length: 4h, agents: 3}",
    /* 13 */ "      # a comment inside the shifts goes with them",
    /* 14 */ "    absenteeism: 0%        # a field after the shifts stays",
    /* 15 */ "scheduling:",
    /* 16 */ "  teams:",
    /* 17 */ "    front:",
    /* 18 */ "      templates:",
    /* 19 */ "        - {starts: [\"08:00\", \"10:00\"], length: 2h}",
    /* 20 */ "        - {starts: \"09:00\", length: 3h}",
]

/// The tiny scenario with 1-based lines replaced (`nil` blanks a line) and lines appended.
func tinyYAML(_ replacements: [Int: String?] = [:], appending extra: [String] = []) -> String {
    var lines = tinyLines
    for (line, text) in replacements { lines[line - 1] = text ?? "" }
    return (lines + extra).joined(separator: "\n") + "\n"
}

func loadTiny(_ replacements: [Int: String?] = [:], appending extra: [String] = []) throws -> Scenario {
    try ScenarioLoader.parse(yaml: tinyYAML(replacements, appending: extra), file: "tiny.yaml")
}

/// The same requirement on every day of the week: `byHour[h]` agents from h:00 (hours not given: 0).
func everyDayCSV(_ byHour: [Int: Double], team: String = "front") -> String {
    var text = "day,start,team,required\n"
    for day in 0..<7 {
        for (hour, agents) in byHour.sorted(by: { $0.key < $1.key }) {
            text += "\(day),\(hour < 10 ? "0" : "")\(hour):00,\(team),\(agents)\n"
        }
    }
    return text
}

/// The hand-solved instance: 2, 3, 3, 1 agents from 08:00 to 12:00 every day.
let handRequirement: [Int: Double] = [8: 2, 9: 3, 10: 3, 11: 1]

/// A fresh temporary directory.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ccsim-schedule-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The agents of each shift, keyed by start time `HH:MM` and length in hours.
func agentsByShift(_ shifts: [Shift]) -> [String: Int] {
    var out: [String: Int] = [:]
    for shift in shifts where shift.agents > 0 {
        out["\(ClockTime.describe(shift.start))/\(Quantity.describe(duration: shift.length))", default: 0] += shift.agents
    }
    return out
}
