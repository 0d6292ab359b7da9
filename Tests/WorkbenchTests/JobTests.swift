import CCSimCommandLine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
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
            let record = try await client.start("/api/roi", json: [
                "path": "roi.yaml", "program": Self.form, "replications": 4, "sensitivityReplications": 1,
            ])
            XCTAssertEqual(record.kind, .roi)
            XCTAssertEqual(record.replications, 4)
            let id = record.id
            if let progress = try await client.state(id).progress {
                XCTAssertEqual(progress.unit, "arm runs")
                XCTAssertEqual(progress.stepsPerUnit, 1)
                XCTAssertGreaterThanOrEqual(progress.total, 8, "both arms of 4 pairs, then the sensitivity runs")
            }
            let run = try await client.waitForEnd(id, seconds: 120)
            XCTAssertEqual(run.state, .done, "\(run)")
            // The verdict sentence is kept with the study.
            XCTAssertTrue((run.message ?? "").lowercased().contains("coaching"), "\(run)")
            // The study's text is the scenario with the form's program; the file is unchanged.
            let yaml = run.yaml
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
            _ = try await client.decode(RunComparison.self, .get, "/api/compare?a=\(id)&b=\(id)")
        }
    }

    func testROIRequestsAreCheckedWithTheirField() async throws {
        let server = try Fixture.server(self, path: try workspace())
        try await server.withClient { client in
            // A named program of the scenario is studied as written.
            let named = try await client.start("/api/roi", json: ["path": "roi.yaml", "programName": "course", "replications": 2,
                                                                  "sensitivityReplications": 0])
            XCTAssertEqual(named.kind, .roi)
            XCTAssertTrue(named.name.hasPrefix("ROI of course"), named.name)
            let error = try await client.expect(.post, "/api/roi", json: ["path": "roi.yaml", "programName": "cours"], .badRequest)
            XCTAssertTrue(error.contains("did you mean 'course'"), error)
            try await client.expect(.post, "/api/roi", json: ["path": "roi.yaml"], .badRequest)
            try await client.expect(.post, "/api/roi", json: ["path": "roi.yaml", "programName": "course", "replications": 1], .badRequest)
            try await client.expect(.post, "/api/roi", json: ["path": "roi.yaml", "programName": "course", "sensitivityReplications": 99], .badRequest)
            try await client.expect(.post, "/api/roi", json: ["path": "../roi.yaml", "programName": "course"], .forbidden)
            // A form value the scenario schema refuses comes back as the loader's message at its field.
            var bad = Self.form
            bad["participants"] = "nobody"
            let issues = try await client.decode(ScenarioCheck.self, .post, "/api/roi", json: ["path": "roi.yaml", "program": bad], status: .unprocessableContent)
            let issue = try XCTUnwrap(issues.issues.first)
            XCTAssertTrue(issue.path.hasPrefix("training.programs[1].participants"), "\(issue)")
            await server.runs.waitForAll()
        }
    }

    func testProgramsOfAScenarioFillTheForm() async throws {
        let server = try Fixture.server(self, path: try workspace())
        try await server.withClient { client in
            let yaml = try String(contentsOfFile: "\(server.workspace.root.path)/roi.yaml", encoding: .utf8)
            let programs = try await client.decode(WorkbenchServer.Programs.self, .post, "/api/roi/programs",
                                                   json: ["path": "roi.yaml", "yaml": yaml]).programs
            XCTAssertEqual(programs.count, 1)
            XCTAssertEqual(programs.first?.name, "course")
            XCTAssertEqual(programs.first?.participants, "everyone")
            XCTAssertEqual(programs.first?.offPhoneHours, 2)
            XCTAssertEqual(programs.first?.costPerAgent, 200)
            XCTAssertEqual(programs.first?.fcr?.min, 5)
            XCTAssertEqual(programs.first?.fcr?.max, 5)
            // A text with no training section has no programs; a path outside is refused.
            let none = try await client.decode(WorkbenchServer.Programs.self, .post, "/api/roi/programs",
                                               json: ["path": "queue.yaml", "yaml": Fixture.singleQueue()])
            XCTAssertEqual(none.programs, [])
            try await client.expect(.post, "/api/roi/programs", json: ["path": "../roi.yaml", "yaml": yaml], .forbidden)
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
            let staffID = try await client.start("/api/staff", json: ["path": "tiny.yaml", "replications": 4, "maxIterations": 6]).id
            let staffed = try await client.waitForEnd(staffID, seconds: 120)
            XCTAssertEqual(staffed.state, .done, "\(staffed)")
            XCTAssertEqual(staffed.kind, .staff)
            XCTAssertEqual(staffed.replications, 4)
            XCTAssertTrue((staffed.message ?? "").contains("plans simulated"), "\(staffed)")
            XCTAssertEqual(try staffed.headlines.map(\.channel), ["voice"])
            let folder = server.history.folder(of: staffID).path
            let staffing = try String(contentsOfFile: folder + "/staffing.csv", encoding: .utf8)
            XCTAssertTrue(staffing.hasPrefix("day,weekday,start,team,"), staffing)
            try await client.execute(uri: "/runs/\(staffID)/report", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                let html = String(buffer: response.body)
                XCTAssertTrue(html.contains("<h1>Staffing"))
                XCTAssertTrue(html.contains("Requirement by interval"))
            }
            let scheduleID = try await client.start("/api/schedule", json: ["path": "tiny.yaml", "replications": 2, "requirementRun": staffID]).id
            let schedule = try await client.waitForEnd(scheduleID, seconds: 120)
            XCTAssertEqual(schedule.state, .done, "\(schedule)")
            XCTAssertEqual(schedule.kind, .schedule)
            XCTAssertTrue((schedule.message ?? "").contains("agents, weekly cost"), "\(schedule)")
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
            try await client.expect(.post, "/api/staff", json: ["path": "tiny.yaml", "maxIterations": 201], .badRequest)
            try await client.expect(.post, "/api/staff", json: ["path": "../tiny.yaml"], .forbidden)
        }
    }

    /// The page's schedule is `ccsim schedule`'s: with a requirement too low for the service level
    /// (one agent an hour for 1.7 Erlangs), both solve, simulate, raise the requirement where the
    /// service level fell short and solve again, and give the same plan, file for file.
    func testScheduleFromThePageIsTheCommandsPlanWithItsSecondSolve() async throws {
        let path = try workspace()
        var requirement = "day,start,team,required\n"
        for day in 0..<7 { for hour in 0..<24 { requirement += "\(day),\(hour < 10 ? "0" : "")\(hour):00,front,1\n" } }
        let csv = path + "/plan/staffing.csv", out = path + "/cli-schedule"
        try FileManager.default.createDirectory(atPath: path + "/plan", withIntermediateDirectories: true)
        try requirement.write(toFile: csv, atomically: true, encoding: .utf8)
        let server = try Fixture.server(self, path: path)
        // A finished staffing job whose staffing.csv is that requirement.
        try server.history.insert(.init(id: "r1-hand", kind: .staff, name: "hand-made", file: "tiny.yaml", yaml: Self.scheduleScenario,
                                        createdAt: "2026-01-01T00:00:00Z", state: .done, message: nil, seed: 7, replications: 2,
                                        seconds: 0, headline: nil))
        try FileManager.default.createDirectory(at: server.history.folder(of: "r1-hand"), withIntermediateDirectories: true)
        try requirement.write(to: server.history.folder(of: "r1-hand").appendingPathComponent("staffing.csv"), atomically: true, encoding: .utf8)
        let id = try await server.withClient { client in
            let id = try await client.start("/api/schedule", json: ["path": "tiny.yaml", "replications": 2, "requirementRun": "r1-hand"]).id
            let run = try await client.waitForEnd(id, seconds: 120)
            XCTAssertEqual(run.state, .done, "\(run)")
            XCTAssertTrue((run.message ?? "").hasPrefix("second plan (the first, "), "\(run)")
            return id
        }
        let command = try CCSimCommand.run(["schedule", path + "/tiny.yaml", "--requirement", csv, "--out", out, "--replications", "2", "--jobs", "1"])
        XCTAssertEqual(command.status, 0, command.stderr)
        XCTAssertTrue(command.stdout.contains("solving again"), command.stdout)
        let page = server.history.folder(of: id).path
        for file in ["schedule.csv", "coverage.csv", "roster.csv", "staffing.csv"] {
            let mine = try String(contentsOfFile: page + "/" + file, encoding: .utf8)
            XCTAssertEqual(mine, try String(contentsOfFile: out + "/" + file, encoding: .utf8), file)
        }
    }

    func testACancelledROIStudyEndsCancelledWithoutAFolder() async throws {
        let server = try Fixture.server(self, path: try workspace(), concurrentRuns: 1, jobs: 1)
        try await server.withClient { client in
            // The only slot is busy with a long run; the study waits and is cancelled while queued…
            let longID = try await client.start("/api/runs", json: ["path": "queue.yaml", "yaml": Fixture.longQueue]).id
            let id = try await client.start("/api/roi", json: ["path": "roi.yaml", "programName": "course", "replications": 50]).id
            try await client.expect(.post, "/api/runs/\(id)/cancel", .accepted)
            try await client.expect(.post, "/api/runs/\(longID)/cancel", .accepted)
            try await client.expectEnd(id, .cancelled)
            XCTAssertFalse(FileManager.default.fileExists(atPath: server.history.folder(of: id).path))
            // … and one cancelled while running stops between arm runs, long before its 100 arm runs.
            let runningID = try await client.start("/api/roi", json: ["path": "roi.yaml", "programName": "course", "replications": 50]).id
            try await client.waitUntilRunning(runningID)
            try await client.expect(.post, "/api/runs/\(runningID)/cancel", .accepted)
            try await client.expectEnd(runningID, .cancelled)
            let ended = try await client.state(runningID).run
            XCTAssertLessThan(ended.seconds ?? .infinity, 60, "stopped long before its 100 arm runs")
        }
    }

    /// A cancel reaches inside a staffing search's plan: one plan of this search is 1000
    /// replications of 400 h (tens of minutes on one thread), yet the job ends cancelled at once.
    /// Before the search took a cancelling `replicate`, the cancel waited for the plan to end.
    func testACancelledStaffingSearchStopsInsideItsPlan() async throws {
        let server = try Fixture.server(self, concurrentRuns: 1, jobs: 1)
        try await server.withClient { client in
            // Staffing plans whole intervals: no warm-up of half an 8-hour interval.
            let yaml = Fixture.longQueue.replacingOccurrences(of: "warmup: 30m", with: "warmup: 0s")
            let id = try await client.start("/api/staff", json: ["path": "queue.yaml", "yaml": yaml, "replications": 1000,
                                                                 "maxIterations": 1]).id
            for _ in 0..<400 {
                if try await client.state(id).progress?.state == .running { break }
                try await Task.sleep(for: .milliseconds(25))
            }
            try await Task.sleep(for: .milliseconds(300))
            try await client.expect(.post, "/api/runs/\(id)/cancel", .accepted)
            let run = try await client.waitForEnd(id, seconds: 30)
            XCTAssertEqual(run.state, .cancelled, "\(run)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: server.history.folder(of: id).path))
        }
    }

    /// A cancel reaches inside an ROI study's sensitivity and break-even search: the study below
    /// has 10 pairs of 20-week arm runs, then a tornado and break-even search of at least 40 arm runs
    /// more (a quarter of a second each); cancelled as the search starts, it ends cancelled after its
    /// next arm run. Before the study's progress could throw, the cancel waited for the whole search.
    func testACancelledROISensitivityStopsAfterItsNextArmRun() async throws {
        let server = try Fixture.server(self, path: try workspace(), concurrentRuns: 1, jobs: 2)
        let long = Self.roiScenario.replacingOccurrences(of: "horizon: 2w", with: "horizon: 20w")
        try await server.withClient { client in
            let id = try await client.start("/api/roi", json: ["path": "roi.yaml", "yaml": long, "program": Self.form, "replications": 10,
                                                               "sensitivityReplications": 10]).id
            var message = ""
            for _ in 0..<2400 where !message.hasPrefix("sensitivity") {
                try await Task.sleep(for: .milliseconds(25))
                guard let progress = try await client.state(id).progress else { break }
                message = progress.message ?? ""
            }
            XCTAssertTrue(message.hasPrefix("sensitivity"), "the study did not reach its sensitivity search: \(message)")
            try await client.expect(.post, "/api/runs/\(id)/cancel", .accepted)
            let run = try await client.waitForEnd(id, seconds: 5)
            XCTAssertEqual(run.state, .cancelled, "\(run)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: server.history.folder(of: id).path))
        }
    }

    /// A cancelled schedule stops in its simulation and leaves no folder.
    func testACancelledScheduleEndsCancelledWithoutAFolder() async throws {
        let path = try workspace()
        let long = Self.scheduleScenario.replacingOccurrences(of: "horizon: 1d", with: "horizon: 60d")
        let server = try Fixture.server(self, path: path, concurrentRuns: 1, jobs: 1)
        try server.history.insert(.init(id: "r1-hand", kind: .staff, name: "hand-made", file: "tiny.yaml", yaml: Self.scheduleScenario,
                                        createdAt: "2026-01-01T00:00:00Z", state: .done, message: nil, seed: 7, replications: 2,
                                        seconds: 0, headline: nil))
        try FileManager.default.createDirectory(at: server.history.folder(of: "r1-hand"), withIntermediateDirectories: true)
        try "day,start,team,required\n0,08:00,front,3\n".write(to: server.history.folder(of: "r1-hand").appendingPathComponent("staffing.csv"),
                                                               atomically: true, encoding: .utf8)
        try await server.withClient { client in
            // 200 replications of 60 days (about 6 million calls on one thread), within the memory budget.
            let id = try await client.start("/api/schedule", json: ["path": "tiny.yaml", "yaml": long, "replications": 200,
                                                                    "requirementRun": "r1-hand"]).id
            try await client.waitUntilRunning(id)
            try await client.expect(.post, "/api/runs/\(id)/cancel", .accepted)
            let run = try await client.waitForEnd(id, seconds: 30)
            XCTAssertEqual(run.state, .cancelled, "\(run)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: server.history.folder(of: id).path))
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
            let check = try await client.decode(ScenarioCheck.self, .post, "/api/validate", json: ["path": "queue.yaml", "yaml": text])
            let issue = try XCTUnwrap(check.issues.first)
            XCTAssertEqual(issue.line, field.line)
            XCTAssertEqual(issue.path, field.path)
            let answer = try await client.decode(ScenarioForm.self, .post, "/api/form", json: ["path": "queue.yaml", "yaml": text])
            XCTAssertEqual(answer, ScenarioForm(yaml: text))
            XCTAssertTrue(answer.fields.contains { $0.path == field.path && $0.value == "-4" && $0.line == field.line })
            try await client.expect(.post, "/api/form", json: ["path": "/etc/x.yaml", "yaml": text], .forbidden)
        }
    }

    static func repoFile(_ relative: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(relative).path
    }
}
