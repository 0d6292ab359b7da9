import Foundation
import HTTPTypes
import Hummingbird
import Scenarios
import TrainingROI
import Workbench
import XCTest

/// ROI studies, staffing searches and schedules started from the page: kept in the history like
/// runs, their folders the files the same commands' `--out` write, rendered by the Report module.
final class JobTests: XCTestCase {
    /// A small center for ROI: one voice queue, 24 agents around the clock, two weeks in daily
    /// intervals, repeats valued; the program comes from the form.
    static let roiScenario = """
        name: roi-small
        run: {horizon: 2w, warmup: 0s, interval: 1d, replications: 4, seed: 5}
        channels:
          voice:
            kind: voice
            demand: {rate: 120/h}
            service_level: {answer_within: 20s, target: 80%}
        tiers:
          tier1:
            handle_time: {voice: {exponential: {mean: 8m}}}
            resolution: {resolved: 80%}
            repeats: {after_unresolved: 50%, delay: {exponential: {mean: 1d}}}
        teams:
          agents:
            skills: [{channel: voice, tier: tier1}]
            hourly_cost: 30
            shifts: [{start: "00:00", length: 24h, agents: 24}]
            workforce:
              initial_tenure: {uniform: {min: 0w, max: 100w}}
        training:
          valuation: {repeat_avoided: 10}   # a comment the study's text need not keep
          programs:
            - {name: course, participants: everyone, off_phone: 2h, cost_per_agent: 200, effects: {fcr: {relative: 5%}}}

        """

    /// The tiny scheduling scenario of SchedulingTests: one team, 20 calls an hour, shift templates.
    static let scheduleScenario = """
        name: tiny
        run: {horizon: 1d, interval: 1h, replications: 2, seed: 7}
        channels:
          voice: {kind: voice, demand: {rate: 20/h}, patience: {exponential: {mean: 2m}}, service_level: {answer_within: 20s, target: 80%}}
        tiers:
          tier1: {handle_time: {voice: {exponential: {mean: 5m}}}}
        teams:
          front:
            skills: [{channel: voice, tier: tier1}]
            hourly_cost: 10
            shifts:
              - {start: "00:00", length: 24h, agents: 3}
        scheduling:
          teams:
            front:
              templates:
                - {starts: ["00:00", "08:00", "16:00"], length: 8h}

        """

    func workspace() throws -> String {
        let path = try Fixture.workspace(self)
        try Self.roiScenario.write(toFile: path + "/roi.yaml", atomically: true, encoding: .utf8)
        try Self.scheduleScenario.write(toFile: path + "/tiny.yaml", atomically: true, encoding: .utf8)
        return path
    }

    nonisolated(unsafe) static let form: [String: Any] = [
        "name": "coaching", "participants": "agents", "offPhoneHours": 1, "costPerAgent": 100, "fixedCost": 500, "halfLifeWeeks": 4,
        "handleTime": ["min": -10, "mode": -5, "max": 0], "fcr": ["min": 0, "max": 10],
    ]

    func testROIFromTheFormRunsWithProgressAndRendersTheROIPage() async throws {
        let server = try Fixture.server(self, path: try workspace())
        try await server.withClient { client in
            let (status, started) = try await client.send(.post, "/api/roi", json: [
                "path": "roi.yaml", "program": Self.form, "replications": 4, "sensitivityReplications": 1,
            ])
            XCTAssertEqual(status, .accepted, "\(String(describing: started))")
            let record = try XCTUnwrap(started as? [String: Any])
            XCTAssertEqual(record["kind"] as? String, "roi")
            let id = try XCTUnwrap(record["id"] as? String)
            let (_, watched) = try await client.send(.get, "/api/runs/\(id)")
            if let progress = (watched as? [String: Any])?["progress"] as? [String: Any] {
                XCTAssertEqual(progress["unit"] as? String, "arm runs")
                XCTAssertEqual(progress["stepsPerUnit"] as? Int, 1)
                XCTAssertGreaterThanOrEqual(progress["total"] as? Int ?? 0, 8, "both arms of 4 pairs, then the sensitivity runs")
            }
            let run = try await client.waitForEnd(id, seconds: 120)
            XCTAssertEqual(run["state"] as? String, "done", "\(run)")
            // The verdict sentence is kept with the study.
            XCTAssertTrue((run["message"] as? String ?? "").lowercased().contains("coaching"), "\(run)")
            // The study's text is the scenario with the form's program; the file is unchanged.
            let yaml = try XCTUnwrap(run["yaml"] as? String)
            XCTAssertEqual(TrainingProgramForm.programs(in: yaml).map(\.name), ["course", "coaching"])
            XCTAssertEqual(try server.workspace.read("roi.yaml"), Self.roiScenario)
            let folder = server.history.folder(of: id).path
            for file in ["roi.json", "weekly.csv", "replications.csv", "tornado.csv"] {
                XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/" + file), file)
            }
            // The page is the Report module's ROI page: verdict, distribution, payback, break-even.
            try await client.execute(uri: "/runs/\(id)/report", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                let html = String(buffer: response.body)
                XCTAssertTrue(html.contains("Training ROI"))
                XCTAssertTrue(html.contains("Break-even"))
                XCTAssertTrue(html.contains("<svg"))
            }
            // The same paired replications as `ccsim roi`'s ROIStudy on that text.
            let scenario = try ScenarioLoader.parse(yaml: yaml, file: "roi.yaml")
            let study = ROIStudy(arms: try ROIArms.program("coaching", in: scenario), replications: 4, jobs: 2)
            let expected = ROIFiles.replicationsCSV(try study.run())
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: folder + "/replications.csv")), expected)
            // Runs are compared; an ROI study is not a run to compare.
            try await client.expect(.get, "/api/compare?a=\(id)&b=\(id)", .ok)
        }
    }

    func testROIRequestsAreCheckedWithTheirField() async throws {
        let server = try Fixture.server(self, path: try workspace())
        try await server.withClient { client in
            // A named program of the scenario is studied as written.
            let (named, _) = try await client.send(.post, "/api/roi", json: ["path": "roi.yaml", "programName": "course", "replications": 2,
                                                                              "sensitivityReplications": 0])
            XCTAssertEqual(named, .accepted)
            let (unknown, error) = try await client.send(.post, "/api/roi", json: ["path": "roi.yaml", "programName": "cours"])
            XCTAssertEqual(unknown, .badRequest)
            XCTAssertTrue(((error as? [String: Any])?["error"] as? String ?? "").contains("did you mean 'course'"), "\(String(describing: error))")
            try await client.expect(.post, "/api/roi", json: ["path": "roi.yaml"], .badRequest)
            try await client.expect(.post, "/api/roi", json: ["path": "roi.yaml", "programName": "course", "replications": 1], .badRequest)
            try await client.expect(.post, "/api/roi", json: ["path": "roi.yaml", "programName": "course", "sensitivityReplications": 99], .badRequest)
            try await client.expect(.post, "/api/roi", json: ["path": "../roi.yaml", "programName": "course"], .forbidden)
            // A form value the scenario schema refuses comes back as the loader's message at its field.
            var bad = Self.form
            bad["participants"] = "nobody"
            let (refused, issues) = try await client.send(.post, "/api/roi", json: ["path": "roi.yaml", "program": bad])
            XCTAssertEqual(refused, .unprocessableContent)
            let issue = ((issues as? [String: Any])?["issues"] as? [[String: Any]])?.first ?? [:]
            XCTAssertTrue((issue["path"] as? String ?? "").hasPrefix("training.programs[1].participants"), "\(issue)")
            await server.runs.waitForAll()
        }
    }

    func testProgramsOfAScenarioFillTheForm() async throws {
        let server = try Fixture.server(self, path: try workspace())
        try await server.withClient { client in
            let yaml = try String(contentsOfFile: "\(server.workspace.root.path)/roi.yaml", encoding: .utf8)
            let (status, body) = try await client.send(.post, "/api/roi/programs", json: ["path": "roi.yaml", "yaml": yaml])
            XCTAssertEqual(status, .ok)
            let programs = try XCTUnwrap((body as? [String: Any])?["programs"] as? [[String: Any]])
            XCTAssertEqual(programs.count, 1)
            XCTAssertEqual(programs[0]["name"] as? String, "course")
            XCTAssertEqual(programs[0]["participants"] as? String, "everyone")
            XCTAssertEqual(programs[0]["offPhoneHours"] as? Double, 2)
            XCTAssertEqual((programs[0]["fcr"] as? [String: Any])?["min"] as? Double, 5)
        }
        // Form → YAML → form is the identity for what the form shows.
        let form = TrainingProgramForm(name: "p", participants: "a, b", offPhoneHours: 42, spreadWeeks: 2, costPerAgent: 5000, fixedCost: 10,
                                       halfLifeWeeks: 26, handleTime: .init(min: -35, mode: -30, max: -10), fcr: .init(min: 5, max: 30),
                                       attrition: .init(min: -40, max: -40))
        let text = try form.applied(to: "name: x\n")
        XCTAssertEqual(TrainingProgramForm.programs(in: text), [form])
    }

    func testStaffThenScheduleFromItsPlan() async throws {
        let server = try Fixture.server(self, path: try workspace())
        try await server.withClient { client in
            let (status, started) = try await client.send(.post, "/api/staff", json: ["path": "tiny.yaml", "replications": 4, "maxIterations": 6])
            XCTAssertEqual(status, .accepted, "\(String(describing: started))")
            let staffID = try XCTUnwrap((started as? [String: Any])?["id"] as? String)
            let staffed = try await client.waitForEnd(staffID, seconds: 120)
            XCTAssertEqual(staffed["state"] as? String, "done", "\(staffed)")
            XCTAssertEqual(staffed["kind"] as? String, "staff")
            XCTAssertTrue((staffed["message"] as? String ?? "").contains("plans simulated"), "\(staffed)")
            let folder = server.history.folder(of: staffID).path
            let staffing = try String(contentsOfFile: folder + "/staffing.csv", encoding: .utf8)
            XCTAssertTrue(staffing.hasPrefix("day,weekday,start,team,"), staffing)
            try await client.execute(uri: "/runs/\(staffID)/report", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                let html = String(buffer: response.body)
                XCTAssertTrue(html.contains("<h1>Staffing"))
                XCTAssertTrue(html.contains("Requirement by interval"))
            }
            let (scheduled, body) = try await client.send(.post, "/api/schedule", json: ["path": "tiny.yaml", "replications": 2,
                                                                                         "requirementRun": staffID])
            XCTAssertEqual(scheduled, .accepted, "\(String(describing: body))")
            let scheduleID = try XCTUnwrap((body as? [String: Any])?["id"] as? String)
            let schedule = try await client.waitForEnd(scheduleID, seconds: 120)
            XCTAssertEqual(schedule["state"] as? String, "done", "\(schedule)")
            XCTAssertTrue((schedule["message"] as? String ?? "").contains("agents, weekly cost"), "\(schedule)")
            let files = Set(try FileManager.default.contentsOfDirectory(atPath: server.history.folder(of: scheduleID).path))
            XCTAssertTrue(files.isSuperset(of: ["schedule.csv", "coverage.csv", "roster.csv", "scenario.yaml", "staffing.csv", "summary.json"]), "\(files)")
            // The staffing plan the schedule covered is the search's, byte for byte.
            XCTAssertEqual(try String(contentsOfFile: server.history.folder(of: scheduleID).path + "/staffing.csv", encoding: .utf8), staffing)
            try await client.execute(uri: "/runs/\(scheduleID)/report", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                let html = String(buffer: response.body)
                XCTAssertTrue(html.contains("Coverage by interval"))
                XCTAssertTrue(html.contains("Chosen shifts"))
            }
            // A schedule needs a scheduling section, and a finished staffing search as its requirement.
            try await client.expect(.post, "/api/schedule", json: ["path": "queue.yaml"], .badRequest)
            try await client.expect(.post, "/api/schedule", json: ["path": "tiny.yaml", "requirementRun": scheduleID], .conflict)
            try await client.expect(.post, "/api/schedule", json: ["path": "tiny.yaml", "requirementRun": "r1-none"], .notFound)
            try await client.expect(.post, "/api/staff", json: ["path": "tiny.yaml", "maxIterations": 0], .badRequest)
            try await client.expect(.post, "/api/staff", json: ["path": "tiny.yaml", "replications": 1], .badRequest)
        }
    }

    func testACancelledROIStudyEndsCancelledWithoutAFolder() async throws {
        let server = try Fixture.server(self, path: try workspace(), concurrentRuns: 1, jobs: 1)
        try await server.withClient { client in
            // The only slot is busy with a long run; the study waits and is cancelled while queued…
            let yaml = Fixture.singleQueue(replications: 1000).replacingOccurrences(of: "horizon: 4h", with: "horizon: 400h")
                .replacingOccurrences(of: "interval: 30m", with: "interval: 8h")
            let (_, long) = try await client.send(.post, "/api/runs", json: ["path": "queue.yaml", "yaml": yaml])
            let longID = try XCTUnwrap((long as? [String: Any])?["id"] as? String)
            let (_, started) = try await client.send(.post, "/api/roi", json: ["path": "roi.yaml", "programName": "course", "replications": 50])
            let id = try XCTUnwrap((started as? [String: Any])?["id"] as? String)
            try await client.expect(.post, "/api/runs/\(id)/cancel", .accepted)
            try await client.expect(.post, "/api/runs/\(longID)/cancel", .accepted)
            try await client.expectEnd(id, "cancelled")
            XCTAssertFalse(FileManager.default.fileExists(atPath: server.history.folder(of: id).path))
            // … and one cancelled while running stops between arm runs, long before its 100 arm runs.
            let (_, again) = try await client.send(.post, "/api/roi", json: ["path": "roi.yaml", "programName": "course", "replications": 50])
            let runningID = try XCTUnwrap((again as? [String: Any])?["id"] as? String)
            var steps = 0
            for _ in 0..<400 where steps == 0 {
                try await Task.sleep(for: .milliseconds(25))
                let (_, body) = try await client.send(.get, "/api/runs/\(runningID)")
                steps = ((body as? [String: Any])?["progress"] as? [String: Any])?["stepsDone"] as? Int ?? 0
            }
            try await client.expect(.post, "/api/runs/\(runningID)/cancel", .accepted)
            try await client.expectEnd(runningID, "cancelled")
        }
    }

    func testTheFormFindsTheMostUsedFieldsAtTheirCharacters() async throws {
        let yaml = try String(contentsOfFile: Self.repoFile("scenarios/training-roi.yaml"), encoding: .utf8)
        let form = ScenarioForm(yaml: yaml)
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertFalse(form.fields.isEmpty)
        for field in form.fields {
            // Each value is exactly where the form says: replacing those characters edits that field only.
            let line = Array(lines[field.line - 1])
            let text = String(line[(field.column - 1)...].prefix(field.value.count))
            XCTAssertEqual(text, field.value, field.path)
        }
        let paths = Set(form.fields.map(\.path))
        for path in ["teams.frontline.shifts[0].agents", "channels.voice.demand.per_day", "channels.voice.patience.exponential.mean",
                     "channels.voice.service_level.target", "channels.voice.service_level.answer_within",
                     "tiers.tier1.handle_time.voice.lognormal.mean"] {
            XCTAssertTrue(paths.contains(path), path)
        }
        // The single-queue form too.
        let single = Set(ScenarioForm(yaml: Fixture.singleQueue()).fields.map(\.path))
        XCTAssertEqual(single, ["arrivals.rate", "team.agents", "handle_time.exponential.mean", "patience.exponential.mean"])
        // An edit at those characters keeps the comments and validates, with messages at their line.
        let field = try XCTUnwrap(form.fields.first { $0.path == "teams.frontline.shifts[0].agents" })
        var edited = lines
        var chars = Array(edited[field.line - 1])
        chars.replaceSubrange((field.column - 1)..<(field.column - 1 + field.value.count), with: Array("-4"))
        edited[field.line - 1] = String(chars)
        let text = edited.joined(separator: "\n")
        XCTAssertEqual(text.components(separatedBy: "#").count, yaml.components(separatedBy: "#").count, "comments kept")
        let server = try Fixture.server(self)
        try await server.withClient { client in
            let (_, check) = try await client.send(.post, "/api/validate", json: ["path": "queue.yaml", "yaml": text])
            let issue = ((check as? [String: Any])?["issues"] as? [[String: Any]])?.first ?? [:]
            XCTAssertEqual(issue["line"] as? Int, field.line)
            XCTAssertEqual(issue["path"] as? String, field.path)
            let (status, answer) = try await client.send(.post, "/api/form", json: ["path": "queue.yaml", "yaml": text])
            XCTAssertEqual(status, .ok)
            XCTAssertNotNil((answer as? [String: Any])?["fields"] as? [[String: Any]])
            try await client.expect(.post, "/api/form", json: ["path": "/etc/x.yaml", "yaml": text], .forbidden)
        }
    }

    static func repoFile(_ relative: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(relative).path
    }
}
