import Foundation
import Scenarios
import Scheduling
import Testing

@Suite struct RequirementCSVTests {
    @Test func readsRowsByWeekdayAndTakesScheduledAgentsAsRequired() throws {
        let scenario = try loadTiny([2: "run: {horizon: 14d, interval: 1h, replications: 2}"], appending: ["calendar: {start: wed}"])
        // Day 0 is a Wednesday; day 7 is too, and the larger of the two counts.
        let text = """
        day,start,team,scheduled_agents,occupancy
        0,09:00,front,3.5,0.8
        7,09:00,front,4,0.8

        1,23:00,front,1,0.5
        """
        let requirement = try RequirementCSV.parse(text, file: "r.csv", scenario: scenario)
        let agents = try #require(requirement.agents[0])
        #expect(agents.count == 7 * 24)
        #expect(agents[requirement.slot(.wednesday, 9)] == 4)
        #expect(agents[requirement.slot(.thursday, 23)] == 1)
        #expect(agents.reduce(0, +) == 5)
        #expect(requirement.weekdaysGiven == [.wednesday, .thursday])
        #expect(requirement.agentHours(team: 0) == 5)
    }

    /// The header `ccsim staff` writes in staffing.csv: `scheduled_agents` is the requirement.
    @Test func readsStaffingCSVFromCcsimStaff() throws {
        let scenario = try loadTiny()
        let text = """
        day,weekday,start,team,erlang_on_phone,erlang_agents,erlang_fte,simulated_agents,scheduled_agents,scheduled_fte,occupancy,sl_voice,sl_voice_low,sl_voice_high
        0,mon,09:00,front,1.6667,4,3.1000,3,3,2.5000,0.5500,0.8500,0.8000,0.9000
        0,mon,10:00,front,1.6667,4,3.1000,4,4,2.5000,0.5500,,,
        """
        let requirement = try RequirementCSV.parse(text, file: "staffing.csv", scenario: scenario)
        #expect(requirement.agents[0]?[requirement.slot(.monday, 9)] == 3)
        #expect(requirement.agents[0]?[requirement.slot(.monday, 10)] == 4)
    }

    @Test func badRowsAreListedWithTheirLines() throws {
        let scenario = try loadTiny()
        let text = """
        day,start,team,required
        0,09:00,front,2
        -1,09:00,front,2
        0,09:30,front,2
        0,09:00,frnt,2
        0,10:00,front,lots
        0,09:00,front,3
        0,25:00,front,1
        0,11:00,front,1e308
        """
        do {
            _ = try RequirementCSV.parse(text, file: "r.csv", scenario: scenario)
            Issue.record("expected an error")
        } catch {
            let lines = error.description.split(separator: "\n").map(String.init)
            #expect(lines.count == 7, "\(error)")
            #expect(lines[0] == "r.csv:3: day '-1' is not a day number (0, 1, 2, … from the run's start)")
            #expect(lines[1] == "r.csv:4: start 09:30 is not on a 1h boundary (run.interval)")
            #expect(lines[2] == "r.csv:5: unknown team 'frnt'; did you mean 'front'?")
            #expect(lines[3] == "r.csv:6: required 'lots' is not a number of agents ≥ 0")
            #expect(lines[4] == "r.csv:7: day 0 09:00 front is given twice (first on line 2)")
            #expect(lines[5].hasPrefix("r.csv:8: start: "))
            // Not a GLPK time-out later: no center needs that many agents.
            #expect(lines[6] == "r.csv:9: required 1e308 is more than 1000000, the most agents ccsim models")
        }
    }

    @Test func aMissingColumnOrEmptyFileIsAnError() throws {
        let scenario = try loadTiny()
        #expect { try RequirementCSV.parse("day,start,agents\n0,09:00,2\n", file: "r.csv", scenario: scenario) } throws: { error in
            "\(error)" == "r.csv:1: the header needs the columns day, start, team and required (or scheduled_agents); missing: team, required"
        }
        // `ccsim erlang --forecast --out`'s file, per channel: named, with the two ways to a per-team one.
        let perChannel = "date,weekday,start,end,channel,volume,aht_s,load_erlangs,agents,scheduled,service_level,asa_s,occupancy\n"
        #expect { try RequirementCSV.parse(perChannel, file: "r.csv", scenario: scenario) } throws: { error in
            "\(error)".hasPrefix("r.csv:1: the header needs the columns day, start, team and required (or scheduled_agents); missing: day, team, required. "
                                 + "This looks like a requirement per channel (as `ccsim erlang --forecast --out` writes it)")
                && "\(error)".contains("leave out --requirement")
        }
        #expect { try RequirementCSV.parse("\n", file: "r.csv", scenario: scenario) } throws: { error in
            "\(error)".hasPrefix("r.csv: the file is empty")
        }
        #expect { try RequirementCSV.read(path: "/nonexistent/r.csv", scenario: scenario) } throws: { error in
            "\(error)".contains("cannot read the requirement file")
        }
    }
}
