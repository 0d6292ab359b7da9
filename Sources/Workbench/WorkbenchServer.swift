import Experiments
import Foundation
import Hummingbird
import NIOCore
import Report
import Scenarios
import TrainingROI

/// The HTTP side of `ccsim serve`: the page, its script, and the JSON API over the workspace,
/// the run queue, the what-if engine and the history. See README.md, Workbench, for the routes.
public final class WorkbenchServer: Sendable {
    public let workspace: Workspace
    public let history: HistoryStore
    public let runs: RunManager
    public let whatIf: WhatIfEngine
    public let slots: RunSlots
    /// The per-session token every state-changing request must carry (see `RequestGuard`).
    public let token: String
    /// Largest request body accepted (a scenario of `Workspace.maxFileBytes`, JSON-escaped).
    public let maxBodyBytes: Int
    /// Most replications a page may ask for (a run or a what-if).
    public static let maxReplications = 1000

    public init(workspace: Workspace, concurrentRuns: Int = ProcessInfo.processInfo.activeProcessorCount,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, maxBodyBytes: Int = 2 * Workspace.maxFileBytes,
                token: String? = nil) throws {
        self.workspace = workspace
        history = try HistoryStore(folder: workspace.historyFolder)
        slots = RunSlots(limit: concurrentRuns)
        runs = RunManager(history: history, slots: slots, jobs: jobs)
        whatIf = WhatIfEngine(slots: slots, jobs: jobs)
        self.maxBodyBytes = maxBodyBytes
        self.token = token ?? Self.randomToken()
    }

    static func randomToken() -> String {
        (0..<4).map { _ in String(UInt64.random(in: 0...UInt64.max), radix: 36) }.joined()
    }

    /// The application, bound to `host:port` (port 0: any free port, reported to `onRunning`).
    public func application(host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol {
        Application(router: router(loopbackOnly: Self.isLoopbackAddress(host)),
                    configuration: .init(address: .hostname(host, port: port), serverName: "ccsim"),
                    onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) })
    }

    /// Serves until SIGINT or SIGTERM, then lets active runs end as cancelled.
    public func serve(host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void) async throws {
        try await application(host: host, port: port, onRunning: onRunning).runService()
    }

    public static func isLoopbackAddress(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    // MARK: Routes

    public func router(loopbackOnly: Bool = true) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestGuard(token: token, loopbackOnly: loopbackOnly))
        router.get("/") { _, _ in self.page(WorkbenchPage.html) }
        router.get("/app.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: WorkbenchScript.javascript)))
        }
        router.get("/api/status") { _, _ in
            let load = await self.slots.load
            return JSONReply.value(Status(slots: self.slots.limit, running: load.running, queued: load.queued,
                                          workspace: self.workspace.root.path))
        }
        router.get("/api/scenarios") { _, _ in
            let listing = self.workspace.listing()
            return JSONReply.value(ScenarioList(files: listing.scenarios, sweeps: listing.sweeps))
        }
        router.get("/api/scenario") { request, _ in
            try await self.answer {
                let path = try Self.query(request, "path")
                return JSONReply.value(ScenarioText(path: path, yaml: try self.workspace.read(path)))
            }
        }
        router.put("/api/scenario") { request, _ in
            try await self.answer(request, as: ScenarioText.self) { body in
                try self.workspace.write(body.yaml, to: body.path)
                return JSONReply.value(self.check(body.yaml, file: body.path))
            }
        }
        router.post("/api/validate") { request, _ in
            try await self.answer(request, as: ScenarioText.self) { body in
                _ = try self.workspace.scenarioURL(body.path)
                return JSONReply.value(self.check(body.yaml, file: body.path))
            }
        }
        router.post("/api/form") { request, _ in
            try await self.answer(request, as: ScenarioText.self) { body in
                _ = try self.workspace.scenarioURL(body.path)
                return JSONReply.value(ScenarioForm(yaml: body.yaml))
            }
        }
        router.post("/api/runs") { request, _ in
            try await self.answer(request, as: RunRequest.self) { body in
                let (yaml, scenario) = try self.scenario(path: body.path, yaml: body.yaml, replications: body.replications, seed: body.seed)
                let record = try await self.runs.start(file: body.path, yaml: yaml, scenario: scenario, name: body.name)
                return JSONReply.value(record, status: .accepted)
            }
        }
        router.get("/api/runs") { _, _ in try await self.answer { JSONReply.value(try self.history.runs()) } }
        router.get("/api/runs/:id") { _, context in
            try await self.answer {
                let record = try self.record(context)
                return JSONReply.value(RunState(run: record, progress: await self.runs.progress(record.id)))
            }
        }
        router.get("/api/runs/:id/events") { _, context in
            try await self.answer { try self.events(try self.record(context).id) }
        }
        router.post("/api/runs/:id/cancel") { _, context in
            try await self.answer {
                let record = try self.record(context)
                guard await self.runs.cancel(record.id) else {
                    throw WorkbenchError.conflict("run \(record.id) has already ended (\(record.state.rawValue))")
                }
                return JSONReply.value(Cancelling(cancelling: record.id), status: .accepted)
            }
        }
        router.patch("/api/runs/:id") { request, context in
            try await self.answer(request, as: Rename.self) { body in
                let record = try self.record(context)
                let name = body.name.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !name.isEmpty, name.count <= 200 else { throw WorkbenchError.badRequest("name: must be 1 to 200 characters") }
                _ = try self.history.rename(record.id, to: name)
                return JSONReply.value(try self.history.run(record.id))
            }
        }
        router.delete("/api/runs/:id") { _, context in
            try await self.answer {
                let record = try self.record(context)
                guard await self.runs.progress(record.id) == nil else {
                    throw WorkbenchError.conflict("run \(record.id) is still \(record.state.rawValue): cancel it first")
                }
                _ = try self.history.delete(record.id)
                return JSONReply.value(Deleted(deleted: record.id))
            }
        }
        router.get("/runs/:id/report") { _, context in
            try await self.answer {
                let record = try self.record(context)
                guard record.state == .done else { throw WorkbenchError.conflict("run \(record.id) is \(record.state.rawValue): no results") }
                let document = try ReportDocument.load(folder: self.history.folder(of: record.id).path)
                return self.page(document.html(source: "\(record.file) — \(record.name)"))
            }
        }
        router.post("/api/whatif") { request, _ in
            try await self.answer(request, as: WhatIfRequest.self) { body in
                let (_, scenario) = try self.scenario(path: body.path, yaml: body.yaml, replications: body.replications, seed: nil)
                return JSONReply.value(try await self.whatIf.answer(file: body.path, scenario: scenario, changes: body.changes))
            }
        }
        router.post("/api/roi/programs") { request, _ in
            try await self.answer(request, as: ScenarioText.self) { body in
                _ = try self.workspace.scenarioURL(body.path)
                return JSONReply.value(Programs(programs: TrainingProgramForm.programs(in: body.yaml)))
            }
        }
        router.post("/api/roi") { request, _ in
            try await self.answer(request, as: ROIJob.Request.self) { body in try await self.startROI(body) }
        }
        router.post("/api/staff") { request, _ in
            try await self.answer(request, as: StaffingJob.Request.self) { body in try await self.startStaffing(body, schedule: false) }
        }
        router.post("/api/schedule") { request, _ in
            try await self.answer(request, as: StaffingJob.Request.self) { body in try await self.startStaffing(body, schedule: true) }
        }
        router.get("/api/compare") { request, _ in
            try await self.answer {
                let a = try self.record(id: try Self.query(request, "a")), b = try self.record(id: try Self.query(request, "b"))
                return JSONReply.value(RunComparison(a: a, b: b, aValues: try self.history.values(of: a.id),
                                                     bValues: try self.history.values(of: b.id)))
            }
        }
        return router
    }

    // MARK: ROI and staffing jobs

    /// `POST /api/roi`: the program named, or the form's program written into the scenario text.
    func startROI(_ body: ROIJob.Request) async throws -> Response {
        var text = try body.yaml ?? workspace.read(body.path)
        let program: String
        if let form = body.program {
            program = form.name.trimmingCharacters(in: .whitespaces)
            guard !program.isEmpty, program.count <= 100 else { throw WorkbenchError.badRequest("program.name: must be 1 to 100 characters") }
            text = try form.applied(to: text)
        } else if let name = body.programName, !name.isEmpty {
            program = name
        } else {
            throw WorkbenchError.badRequest("give 'programName' (a program of the scenario) or 'program' (the form)")
        }
        let (yaml, scenario) = try self.scenario(path: body.path, yaml: text, replications: nil, seed: body.seed)
        let replications = body.replications ?? max(2, scenario.run.replications)
        guard (2...ROIJob.maxReplications).contains(replications) else {
            throw WorkbenchError.badRequest("replications: must be between 2 and \(ROIJob.maxReplications), got \(replications)")
        }
        let sensitivity = body.sensitivityReplications ?? 2
        guard (0...ROIJob.maxSensitivityReplications).contains(sensitivity) else {
            throw WorkbenchError.badRequest("sensitivityReplications: must be between 0 and \(ROIJob.maxSensitivityReplications), got \(sensitivity)")
        }
        var arms: ROIArms
        do { arms = try ROIArms.program(program, in: scenario) } catch { throw WorkbenchError.badRequest(error.description) }
        arms.with.run.replications = replications
        arms.without.run.replications = replications
        try ResourceBudget().check(arms.with, tracing: false)
        let record = try await runs.start(
            kind: .roi, file: body.path, yaml: yaml, name: body.name ?? "ROI of \(program) \(RunManager.clock())", seed: scenario.run.seed,
            replications: replications, control: ROIJob.control(arms, replications: replications, sensitivityReplications: sensitivity),
            work: ROIJob.work(arms, replications: replications, sensitivityReplications: sensitivity, jobs: runs.jobs))
        return JSONReply.value(record, status: .accepted)
    }

    /// `POST /api/staff` and `POST /api/schedule`.
    func startStaffing(_ body: StaffingJob.Request, schedule: Bool) async throws -> Response {
        let (yaml, scenario) = try self.scenario(path: body.path, yaml: body.yaml, replications: nil, seed: body.seed)
        let replications = body.replications ?? (schedule ? scenario.run.replications : 20)
        guard (2...Self.maxReplications).contains(replications) else {
            throw WorkbenchError.badRequest("replications: must be between 2 and \(Self.maxReplications), got \(replications)")
        }
        let iterations = body.maxIterations ?? 60
        guard (1...StaffingJob.maxIterationsLimit).contains(iterations) else {
            throw WorkbenchError.badRequest("maxIterations: must be between 1 and \(StaffingJob.maxIterationsLimit), got \(iterations)")
        }
        try ResourceBudget().check(scenario, tracing: false)
        if !schedule {
            let started = try await runs.start(
                kind: .staff, file: body.path, yaml: yaml, name: body.name ?? "Staffing of \(scenario.name) \(RunManager.clock())",
                seed: scenario.run.seed, replications: replications, control: StaffingJob.staffControl(maxIterations: iterations),
                work: StaffingJob.staff(scenario, replications: replications, maxIterations: iterations, jobs: runs.jobs))
            return JSONReply.value(started, status: .accepted)
        }
        guard scenario.scheduling != nil else {
            throw WorkbenchError.badRequest("\(body.path): the scenario has no 'scheduling' section (shift templates per team); see scenarios/README.md, \"Shift scheduling\"")
        }
        var requirement: String?
        if let id = body.requirementRun {
            let source = try record(id: id)
            guard source.kind == .staff, source.state == .done else {
                throw WorkbenchError.conflict("run \(id) is not a finished staffing search: its staffing.csv is the requirement")
            }
            requirement = try String(contentsOf: history.folder(of: id).appendingPathComponent("staffing.csv"), encoding: .utf8)
        }
        try StaffingJob.checkWritable(scenario, yaml: yaml, file: body.path, requirementCSV: requirement)
        let started = try await runs.start(
            kind: .schedule, file: body.path, yaml: yaml, name: body.name ?? "Schedule of \(scenario.name) \(RunManager.clock())",
            seed: scenario.run.seed, replications: replications,
            control: StaffingJob.scheduleControl(replications: replications, searching: requirement == nil, maxIterations: iterations),
            work: StaffingJob.schedule(scenario, yaml: yaml, file: body.path, requirementCSV: requirement, replications: replications,
                                       maxIterations: iterations, baseDirectory: workspace.baseDirectory(of: body.path), jobs: runs.jobs))
        return JSONReply.value(started, status: .accepted)
    }

    // MARK: Request and answer shapes (package: the endpoint tests decode the answers into them)

    package struct Status: Codable { package var slots: Int; package var running: Int; package var queued: Int; package var workspace: String }
    package struct ScenarioList: Codable { package var files: [String]; package var sweeps: [String] }
    package struct ScenarioText: Codable { package var path: String; package var yaml: String }
    struct RunRequest: Codable { var path: String; var yaml: String?; var name: String?; var replications: Int?; var seed: UInt64? }
    struct WhatIfRequest: Codable { var path: String; var yaml: String?; var replications: Int?; var changes: WhatIfChanges }
    struct Rename: Codable { var name: String }
    package struct RunState: Codable { package var run: HistoryStore.RunRecord; package var progress: RunManager.Progress? }
    package struct Cancelling: Codable { package var cancelling: String }
    package struct Deleted: Codable { package var deleted: String }
    package struct Programs: Codable { package var programs: [TrainingProgramForm] }

    // MARK: Helpers

    func check(_ yaml: String, file: String) -> ScenarioCheck {
        if Workspace.isSweepSpec(yaml) {
            return ScenarioCheck(.failure(ScenarioError(file: file, line: 1, column: 1, message: ScenarioLoader.sweepSpecNote(file))))
        }
        return ScenarioCheck(workspace.load(yaml: yaml, file: file))
    }

    /// The scenario to simulate: the text sent (the editor's, possibly unsaved) or the file's.
    func scenario(path: String, yaml: String?, replications: Int?, seed: UInt64?) throws -> (String, Scenario) {
        let text = try yaml ?? workspace.read(path)
        _ = try workspace.scenarioURL(path)
        if Workspace.isSweepSpec(text) { throw WorkbenchError.badRequest(ScenarioLoader.sweepSpecNote(path)) }
        var scenario: Scenario
        switch workspace.load(yaml: text, file: path) {
        case .success(let loaded): scenario = loaded
        case .failure(let error): throw error
        }
        if let replications {
            guard (1...Self.maxReplications).contains(replications) else {
                throw WorkbenchError.badRequest("replications: must be between 1 and \(Self.maxReplications), got \(replications)")
            }
            scenario.run.replications = replications
        }
        if let seed { scenario.run.seed = seed }
        try scenario.validate()
        return (text, scenario)
    }

    func record(_ context: BasicRequestContext) throws -> HistoryStore.RunRecord {
        try record(id: try context.parameters.require("id"))
    }

    func record(id: String) throws -> HistoryStore.RunRecord {
        guard HistoryStore.isRunID(id), let record = try history.run(id) else { throw WorkbenchError.notFound("no run '\(id)'") }
        return record
    }

    static func query(_ request: Request, _ name: String) throws -> String {
        guard let value = request.uri.queryParameters.get(name), !value.isEmpty else {
            throw WorkbenchError.badRequest("missing query parameter '\(name)'")
        }
        return value
    }

    func page(_ html: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: html.replacingOccurrences(of: "{{SESSION_TOKEN}}", with: token))))
    }

    /// Progress as server-sent events, twice a second, until the run ends: `progress` events, then
    /// one `end` event with the run's final state. A closed tab ends the stream, not the run.
    func events(_ id: String) -> Response {
        let body = ResponseBody { writer in
            while true {
                if let progress = await self.runs.progress(id) {
                    try await writer.write(ByteBuffer(string: Self.event("progress", progress)))
                } else {
                    let record = try? self.history.run(id)
                    try await writer.write(ByteBuffer(string: Self.event("end", record)))
                    break
                }
                try await Task.sleep(for: .milliseconds(250))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"], body: body)
    }

    static func event<T: Encodable>(_ name: String, _ value: T) -> String {
        let data = (try? JSONEncoder().encode(value)) ?? Data("null".utf8)
        return "event: \(name)\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
    }

    /// Runs a handler, turning the workbench's errors into JSON answers with their status.
    func answer(_ work: () async throws -> Response) async throws -> Response {
        do {
            return try await work()
        } catch let error as WorkbenchError {
            switch error {
            case .badRequest(let message): return JSONReply.error(.badRequest, message)
            case .notFound(let message): return JSONReply.error(.notFound, message)
            case .conflict(let message): return JSONReply.error(.conflict, message)
            }
        } catch let error as Workspace.Problem {
            switch error {
            case .notFound: return JSONReply.error(.notFound, error.description)
            case .refused: return JSONReply.error(.forbidden, error.description)
            case .tooLarge: return JSONReply.error(.contentTooLarge, error.description)
            default: return JSONReply.error(.badRequest, error.description)
            }
        } catch let error as ScenarioError {
            return JSONReply.value(ScenarioCheck(.failure(error)), status: .unprocessableContent)
        } catch let error as ReportError {
            return JSONReply.error(.internalServerError, "\(error)")
        } catch is NIOTooManyBytesError {
            return JSONReply.error(.contentTooLarge, "request body larger than \(maxBodyBytes) bytes")
        } catch {
            return JSONReply.error(.badRequest, "\(error)")
        }
    }

    /// Reads a JSON body of at most `maxBodyBytes`, then runs the handler.
    func answer<T: Decodable>(_ request: Request, as type: T.Type, _ work: (T) async throws -> Response) async throws -> Response {
        try await answer {
            if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBodyBytes {
                return JSONReply.error(.contentTooLarge, "request body of \(length) bytes, more than the \(maxBodyBytes) accepted")
            }
            let buffer = try await request.body.collect(upTo: maxBodyBytes)
            let body: T
            do { body = try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView)) } catch {
                throw WorkbenchError.badRequest("the request body is not the JSON expected: \(Self.explain(error))")
            }
            return try await work(body)
        }
    }

    static func explain(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing field '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        case DecodingError.dataCorrupted(let context): context.debugDescription
        default: "\(error)"
        }
    }
}
