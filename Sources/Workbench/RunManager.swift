import ContactCenter
import Experiments
import Foundation
import ResultsSchema
import Scenarios

/// Jobs started from the page (runs, ROI studies, staffing searches, schedules): each is recorded
/// in the history as queued, waits for a slot (`RunSlots`), runs with progress on a Dispatch
/// thread, and ends done (its folder holding what the same command's `--out` writes: a run's
/// summary.json and intervals.csv through `SummaryFiles`, and so on), failed, or cancelled.
public actor RunManager {
    /// A run in progress, as a watcher sees it.
    public struct Progress: Codable, Sendable, Equatable {
        public var id: String
        public var state: HistoryStore.State
        /// Steps done out of `total`; `stepsPerUnit` steps make one `unit` (a run counts
        /// hundredths of a replication, an ROI study arm runs).
        public var stepsDone: Int
        public var total: Int
        public var unit: String
        public var stepsPerUnit: Int
        public var message: String?
    }

    private struct Active {
        var control: Replications.Control
        var state: HistoryStore.State
        var task: Task<Void, Never>?
    }

    private let history: HistoryStore
    private let slots: RunSlots
    /// Replications a job runs at once.
    public let jobs: Int
    private var active: [String: Active] = [:]

    public init(history: HistoryStore, slots: RunSlots, jobs: Int) {
        self.history = history
        self.slots = slots
        self.jobs = jobs
    }

    /// What a job leaves in the history beside its result folder.
    public struct Outcome: Sendable {
        public var headline: [HistoryStore.Headline]?
        public var values: [HistoryStore.ReplicationValue] = []
        /// A note kept with a finished job (e.g. "the plan misses a target").
        public var message: String?
    }

    /// A job's work once it has a slot: it fills `folder` (the files the same command's `--out`
    /// writes) on a Dispatch thread, advancing and checking `control`; it throws
    /// `Replications.Cancelled` when cancelled.
    public typealias Work = @Sendable (_ folder: URL, _ control: Replications.Control) throws -> Outcome

    /// Records the run as queued and starts it; returns its id at once.
    public func start(file: String, yaml: String, scenario: Scenario, name: String?) throws -> HistoryStore.RunRecord {
        try start(kind: .run, file: file, yaml: yaml, name: name ?? "\(scenario.name) \(Self.clock())", seed: scenario.run.seed,
                  replications: scenario.run.replications, control: Replications.Control(total: scenario.run.replications * 100)) {
            [jobs] folder, control in
            let results = try Replications.runBlocking(scenario, jobs: jobs, control: control)
            let summary = CenterSummary(scenario: scenario, replications: results)
            try AtomicFile.write(Data(yaml.utf8), to: folder.appendingPathComponent("scenario.yaml").path)
            try SummaryFiles.write(summary, to: folder.path)
            return Outcome(headline: Self.headline(summary), values: Self.replicationValues(id: folder.lastPathComponent, scenario: scenario,
                                                                                           results: results))
        }
    }

    /// Records a job of any kind as queued and starts it (`control` counts its progress); returns its record at once.
    public func start(kind: HistoryStore.Kind, file: String, yaml: String, name: String, seed: UInt64, replications: Int,
                      control: Replications.Control, work: @escaping Work) throws -> HistoryStore.RunRecord {
        let id = Self.newID()
        let record = HistoryStore.RunRecord(
            id: id, kind: kind, name: name, file: file, yaml: yaml,
            createdAt: ISO8601DateFormatter().string(from: Date()), state: .queued, message: nil,
            seed: Int64(bitPattern: seed), replications: replications, seconds: nil, headline: nil)
        try history.insert(record)
        active[id] = Active(control: control, state: .queued, task: nil)
        active[id]?.task = Task { await self.execute(id: id, control: control, work: work) }
        return record
    }

    /// Asks a queued or running job to stop (at its next check: before a replication, or an arm of
    /// an ROI pair); false when it is not active.
    public func cancel(_ id: String) -> Bool {
        guard let run = active[id] else { return false }
        run.control.cancel()
        return true
    }

    /// The run's progress, or nil when it is not active (finished runs are read from the history).
    public func progress(_ id: String) -> Progress? {
        guard let run = active[id] else { return nil }
        return Progress(id: id, state: run.state, stepsDone: run.control.stepsDone, total: run.control.total,
                        unit: run.control.unit, stepsPerUnit: run.control.stepsPerUnit, message: run.control.message)
    }

    public var activeCount: Int { active.count }

    /// Waits until every active run has ended (tests, and a clean shutdown).
    public func waitForAll() async {
        for run in active.values { await run.task?.value }
    }

    private func setState(_ id: String, _ state: HistoryStore.State) {
        active[id]?.state = state
        try? history.setState(id, state)
    }

    private func execute(id: String, control: Replications.Control, work: @escaping Work) async {
        await slots.acquire()
        let started = Date()
        var state = HistoryStore.State.done
        var outcome = Outcome()
        let folder = history.folder(of: id)
        if control.isCancelled {
            state = .cancelled
        } else {
            setState(id, .running)
            do {
                outcome = try await Replications.onDispatch {
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                    let outcome = try work(folder, control)
                    // A cancel that came during a step that cannot stop midway still wins.
                    if control.isCancelled { throw Replications.Cancelled() }
                    return outcome
                }
            } catch is Replications.Cancelled {
                state = .cancelled
            } catch {
                state = .failed
                outcome.message = "\(error)"
            }
        }
        await slots.release()
        // Complete or absent: only a finished job keeps its folder.
        if state != .done { try? FileManager.default.removeItem(at: folder) }
        do {
            try history.finish(id, state: state, message: outcome.message, seconds: Date().timeIntervalSince(started),
                               headline: state == .done ? outcome.headline : nil, values: state == .done ? outcome.values : [])
        } catch {
            try? history.setState(id, .failed)
        }
        active[id] = nil
    }

    static func headline(_ summary: CenterSummary) -> [HistoryStore.Headline] {
        summary.channels.map {
            HistoryStore.Headline(channel: $0.name, serviceLevel: $0.metrics[.serviceLevel]?.mean, target: $0.serviceLevelTarget.target,
                                  averageSpeedOfAnswer: $0.metrics[.averageSpeedOfAnswer]?.mean,
                                  abandonmentRate: $0.metrics[.abandonmentRate]?.mean)
        }
    }

    /// Each replication's channel figures, kept for paired comparisons between runs.
    static func replicationValues(id: String, scenario: Scenario, results: [CenterResult]) -> [HistoryStore.ReplicationValue] {
        var values: [HistoryStore.ReplicationValue] = []
        for (r, result) in results.enumerated() {
            for (c, spec) in scenario.center.channels.enumerated() {
                let counts = result.outcomes(channel: c)
                let figures: [(Metric, Double?)] = [
                    (.serviceLevel, counts.serviceLevel(spec.serviceLevel.convention)),
                    (.averageSpeedOfAnswer, counts.averageSpeedOfAnswer),
                    (.abandonmentRate, counts.abandonmentRate),
                ]
                for (metric, value) in figures {
                    if let value, value.isFinite {
                        values.append(.init(runId: id, replication: r, channel: spec.name, metric: metric.rawValue, value: value))
                    }
                }
            }
        }
        return values
    }

    static func newID() -> String {
        let stamp = Int(Date().timeIntervalSince1970 * 1000)
        return "r\(stamp)-\(String(UInt32.random(in: 0...UInt32.max), radix: 36))"
    }

    static func clock() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date())
    }
}
