import ContactCenter
import Experiments
import Foundation
import ResultsSchema
import Scenarios

/// Runs started from the page: each is recorded in the history as queued, waits for a slot
/// (`RunSlots`), runs with progress, and ends done (its summary.json and intervals.csv written
/// through `SummaryFiles`, as `ccsim run --out` writes them), failed, or cancelled.
public actor RunManager {
    /// A run in progress, as a watcher sees it.
    public struct Progress: Codable, Sendable, Equatable {
        public var id: String
        public var state: HistoryStore.State
        /// Replications done, in hundredths, out of `total`.
        public var stepsDone: Int
        public var total: Int
        public var message: String?
    }

    private struct Active {
        var control: Replications.Control
        var state: HistoryStore.State
        var task: Task<Void, Never>?
    }

    private let history: HistoryStore
    private let slots: RunSlots
    private let jobs: Int
    private var active: [String: Active] = [:]

    public init(history: HistoryStore, slots: RunSlots, jobs: Int) {
        self.history = history
        self.slots = slots
        self.jobs = jobs
    }

    /// Records the run as queued and starts it; returns its id at once.
    public func start(file: String, yaml: String, scenario: Scenario, name: String?) throws -> HistoryStore.RunRecord {
        let id = Self.newID()
        let record = HistoryStore.RunRecord(
            id: id, name: name ?? "\(scenario.name) \(Self.clock())", file: file, yaml: yaml,
            createdAt: ISO8601DateFormatter().string(from: Date()), state: .queued, message: nil,
            seed: Int64(bitPattern: scenario.run.seed), replications: scenario.run.replications, seconds: nil, headline: nil)
        try history.insert(record)
        let control = Replications.Control(total: scenario.run.replications * 100)
        active[id] = Active(control: control, state: .queued, task: nil)
        active[id]?.task = Task { await self.execute(id: id, scenario: scenario, yaml: yaml, control: control) }
        return record
    }

    /// Asks a queued or running run to stop (between replications); false when it is not active.
    public func cancel(_ id: String) -> Bool {
        guard let run = active[id] else { return false }
        run.control.cancel()
        return true
    }

    /// The run's progress, or nil when it is not active (finished runs are read from the history).
    public func progress(_ id: String) -> Progress? {
        guard let run = active[id] else { return nil }
        return Progress(id: id, state: run.state, stepsDone: run.control.stepsDone, total: run.control.total, message: nil)
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

    private func execute(id: String, scenario: Scenario, yaml: String, control: Replications.Control) async {
        await slots.acquire()
        let started = Date()
        var state = HistoryStore.State.done
        var message: String?
        var headline: [HistoryStore.Headline]?
        var values: [HistoryStore.ReplicationValue] = []
        if control.isCancelled {
            state = .cancelled
        } else {
            setState(id, .running)
            do {
                let results = try await Replications.run(scenario, jobs: jobs, control: control)
                let summary = CenterSummary(scenario: scenario, replications: results)
                let folder = history.folder(of: id)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try AtomicFile.write(Data(yaml.utf8), to: folder.appendingPathComponent("scenario.yaml").path)
                try SummaryFiles.write(summary, to: folder.path)
                headline = Self.headline(summary)
                values = Self.replicationValues(id: id, scenario: scenario, results: results)
            } catch is Replications.Cancelled {
                state = .cancelled
            } catch {
                state = .failed
                message = "\(error)"
            }
        }
        await slots.release()
        if state != .done { try? FileManager.default.removeItem(at: history.folder(of: id)) }
        do {
            try history.finish(id, state: state, message: message, seconds: Date().timeIntervalSince(started),
                               headline: headline, values: values)
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
