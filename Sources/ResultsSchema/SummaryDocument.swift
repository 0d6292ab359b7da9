import Foundation

/// `summary.json`, defined once: `ccsim run` builds it from a run (Experiments'
/// `SummaryDocument(CenterSummary)`), `ccsim report` decodes it, and results/README.md documents it
/// (a test checks the README's field list against these types, both ways).
///
/// Keys are snake_case and sorted, so runs diff cleanly. A value that may be undefined (a mean no
/// replication defined, `met` for a verdict without demand, any non-finite number) is
/// `NullWhenAbsent`: written as `null`, read from `null` or a missing key. Optional objects the run
/// does not have (a ceiling the channel does not set, `worst_interval` with one interval,
/// `theory_model` for a center) are left out. Everything else is always written and required
/// when read, so a file that is not a ccsim summary is refused with the path of what is missing.
public struct SummaryDocument: Codable, Sendable, Hashable {
    /// `ResultsVersion.ccsim` of the ccsim that wrote the file.
    public var ccsimVersion: String
    public var scenario: Inputs
    public var run: RunSettings
    /// The closed form the figures' `theory` comes from, for a single M/M/n(+M) queue.
    public var theoryModel: TheoryModel?
    public var channels: [Channel]
    public var tiers: [Scope]
    public var teams: [Scope]
    public var center: Center
    public var simulated: Simulated

    public init(ccsimVersion: String = ResultsVersion.ccsim, scenario: Inputs, run: RunSettings, theoryModel: TheoryModel?,
                channels: [Channel], tiers: [Scope], teams: [Scope], center: Center, simulated: Simulated) {
        self.ccsimVersion = ccsimVersion
        self.scenario = scenario
        self.run = run
        self.theoryModel = theoryModel
        self.channels = channels
        self.tiers = tiers
        self.teams = teams
        self.center = center
        self.simulated = simulated
    }

    /// The file's bytes: pretty-printed, keys sorted, a final newline.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// Reads a `summary.json` document.
    public static func decode(_ data: Data) throws -> SummaryDocument {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(SummaryDocument.self, from: data)
    }

    /// Arrivals and events simulated over all replications, warm-ups included.
    public struct Simulated: Codable, Sendable, Hashable {
        public var arrivals: Int
        public var events: Int

        public init(arrivals: Int, events: Int) {
            self.arrivals = arrivals
            self.events = events
        }
    }
}

/// The closed form a single-queue run is compared with: M/M/n (no patience) or M/M/n+M.
public enum TheoryModel: String, Codable, Sendable, CaseIterable {
    case erlangC = "Erlang C"
    case erlangA = "Erlang A"
}
