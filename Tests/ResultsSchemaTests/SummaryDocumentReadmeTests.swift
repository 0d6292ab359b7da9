import Foundation
import ResultsSchema
import Testing

/// results/README.md's `summary.json` section is checked against `SummaryDocument`, both ways: a
/// field the types write but the README does not list fails, and so does a field the README lists
/// that the types do not write. Paths are compared, not bare names (`channels[].sla.met`).
@Suite struct SummaryDocumentReadmeTests {
    /// A document with every optional field set, so that every key the types can write is written.
    static let specimen: SummaryDocument = {
        let entry = SummaryDocument.Entry(mean: 0.9, sd: 0.01, ciLower: 0.88, ciUpper: 0.92, replications: 10, theory: 0.91)
        let metrics = SummaryDocument.Metrics([Metric.serviceLevel.rawValue: entry])
        let interval = SummaryDocument.Interval(index: 0, startSeconds: 0, lengthSeconds: 1800, metrics: metrics)
        let distribution = SummaryDocument.DistributionInputs(family: "exponential", meanSeconds: 300, cv: 1)
        let ceiling = SummaryDocument.CeilingVerdict(ceiling: 30, achieved: 12, ciLower: 10, ciUpper: 14, verdict: .met)
        return SummaryDocument(
            scenario: .init(
                name: "specimen", file: "specimen.yaml", startWeekday: "Mon",
                channels: [.init(name: "voice", kind: "voice", demand: .init(ratePerHour: 600, volumePerDay: 14_400, batches: 0, forecastFile: "forecast.csv"),
                                 patience: distribution,
                                 serviceLevel: .init(answerWithinSeconds: 20, target: 0.8, convention: "offered"),
                                 maxAsaSeconds: 30, maxAbandonmentRate: 0.05)],
                tiers: [.init(name: "tier1", handleTimes: [distribution])],
                teams: [.init(name: "agents", constantAgents: 10, shifts: 2, hourlyCost: 25, overtimeMultiplier: 1.5, rosterFile: "roster.csv", rosteredAgents: 3)],
                resolutionTargetSeconds: 86_400, startDate: "2027-01-04"),
            run: .init(seed: 1, replications: 10, horizonSeconds: 3600, warmupSeconds: 0, intervalSeconds: 1800,
                       maxArrivals: 1000, confidenceLevel: 0.95),
            theoryModel: .erlangC,
            channels: [.init(name: "voice", kind: "voice",
                             sla: .init(answerWithinSeconds: 20, target: 0.8, convention: "offered", achieved: 0.9,
                                        ciLower: 0.88, ciUpper: 0.92, verdict: .met),
                             asaCeiling: ceiling, abandonmentCeiling: ceiling,
                             worstInterval: .init(index: 0, startSeconds: 0, lengthSeconds: 1800, serviceLevel: 0.85),
                             metrics: metrics, intervals: [interval])],
            tiers: [.init(name: "tier1", metrics: metrics, intervals: [interval])],
            teams: [.init(name: "agents", metrics: metrics, intervals: [interval])],
            center: .init(metrics: metrics),
            simulated: .init(arrivals: 1200, events: 5000))
    }()

    /// Every optional in the specimen is set (a new optional field must be set here too, or the
    /// key comparison below could not see it).
    @Test func specimenSetsEveryOptional() {
        func nils(_ value: Any, _ path: String) -> [String] {
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                guard let wrapped = mirror.children.first?.value else { return [path] }
                return nils(wrapped, path)
            }
            return mirror.children.enumerated().flatMap { i, child in nils(child.value, path + "." + (child.label ?? "[\(i)]")) }
        }
        #expect(nils(Self.specimen, "document") == [])
    }

    /// Key paths of a JSON value; a scope's `metrics` is one leaf (its keys are metric names), and
    /// the keys of the metric entries inside are collected as `ENTRY.key`.
    static func paths(_ value: Any, _ path: String, into found: inout Set<String>) {
        if let object = value as? [String: Any] {
            for (key, child) in object {
                let childPath = path.isEmpty ? key : path + "." + key
                found.insert(childPath)
                if key == "metrics", let entries = child as? [String: Any] {
                    for entry in entries.values { paths(entry, "ENTRY", into: &found) }
                } else {
                    paths(child, childPath, into: &found)
                }
            }
        } else if let array = value as? [Any] {
            for element in array { paths(element, path + "[]", into: &found) }
        }
    }

    /// The README's skeleton of the document, in its own notation: `{"key": value, "key", …}`,
    /// alternatives with `|`, barewords (`absent`, `METRIC`, `…`) as placeholders, and the
    /// `ENTRY = {…}` line after it.
    static func documentedPaths() throws -> Set<String> {
        let text = try String(contentsOf: ResultsReadmeTests.readme, encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## summary.json\n").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```").dropFirst().first)
        var parser = SkeletonParser(text: block)
        var found = Set<String>()
        parser.value("", into: &found)
        #expect(parser.next() == .word("ENTRY"))
        #expect(parser.next() == .symbol("="))
        parser.value("ENTRY", into: &found)
        #expect(parser.next() == nil, "unread text after ENTRY in results/README.md's summary.json block")
        return found
    }

    @Test func readmeListsExactlyTheFieldsTheTypesWrite() throws {
        let json = try JSONSerialization.jsonObject(with: Self.specimen.encoded())
        var written = Set<String>()
        Self.paths(json, "", into: &written)
        let documented = try Self.documentedPaths()
        for path in written.subtracting(documented).sorted() {
            Issue.record("summary.json writes \(path), which results/README.md does not document")
        }
        for path in documented.subtracting(written).sorted() {
            Issue.record("results/README.md documents \(path), which summary.json does not write")
        }
        #expect(written.count > 60)
    }

    /// The checker itself: a field missing from either side is found.
    @Test func checkerNoticesAMissingField() throws {
        var parser = SkeletonParser(text: #"{"run": {"seed", "replications"}, "channels": [{"name", "metrics": {METRIC: ENTRY}}] | absent}"#)
        var found = Set<String>()
        parser.value("", into: &found)
        #expect(found == ["run", "run.seed", "run.replications", "channels", "channels[].name", "channels[].metrics"])
        var written = Set<String>()
        Self.paths(["run": ["seed": 1, "horizon_seconds": 2]], "", into: &written)
        #expect(written.subtracting(found) == ["run.horizon_seconds"])
    }

    /// What a file from the writer reads back as, field for field.
    @Test func specimenRoundTrips() throws {
        let data = try Self.specimen.encoded()
        #expect(try SummaryDocument.decode(data) == Self.specimen)
        #expect(try SummaryDocument.decode(data).encoded() == data)
    }

    /// Undefined values are written as null and read back as nil; non-finite numbers as null.
    @Test func undefinedAndNonFiniteValuesAreNull() throws {
        var document = Self.specimen
        document.channels[0].sla = .init(answerWithinSeconds: 20, target: 0.8, convention: "offered", achieved: nil,
                                         ciLower: nil, ciUpper: nil, verdict: .undefined)
        document.scenario.channels[0].patience = .init(family: "pareto", meanSeconds: .infinity, cv: .nan)
        let data = try document.encoded()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"met\" : null"))
        #expect(text.contains("\"mean_seconds\" : null"))
        let read = try SummaryDocument.decode(data)
        #expect(read.channels[0].sla.met == nil)
        #expect(read.channels[0].sla.verdict == .undefined)
        #expect(read.scenario.channels[0].patience?.meanSeconds == nil)
    }
}

/// Reads the README's skeleton notation (see `SummaryDocumentReadmeTests.documentedPaths`).
struct SkeletonParser {
    enum Token: Equatable {
        case string(String), word(String), symbol(Character)
    }

    var tokens: [Token]
    var position = 0

    init(text: String) {
        var tokens: [Token] = []
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c.isWhitespace {
                i = text.index(after: i)
            } else if c == "\"" {
                let start = text.index(after: i)
                let end = text[start...].firstIndex(of: "\"") ?? text.endIndex
                tokens.append(.string(String(text[start..<end])))
                i = end < text.endIndex ? text.index(after: end) : end
            } else if "{}[]:,|=".contains(c) {
                tokens.append(.symbol(c))
                i = text.index(after: i)
            } else {
                var end = i
                while end < text.endIndex, !text[end].isWhitespace, !"{}[]:,|=\"".contains(text[end]) { end = text.index(after: end) }
                tokens.append(.word(String(text[i..<end])))
                i = end
            }
        }
        self.tokens = tokens
    }

    func peek() -> Token? { position < tokens.count ? tokens[position] : nil }

    mutating func next() -> Token? {
        defer { position += 1 }
        return peek()
    }

    /// A value: primaries (objects, arrays, strings, words) up to a `,` or closing bracket; at the
    /// top (the document, or `ENTRY`) one primary only.
    mutating func value(_ path: String, into found: inout Set<String>) {
        let top = path.isEmpty || path == "ENTRY"
        while let token = peek() {
            switch token {
            case .symbol("{"):
                position += 1
                object(path, into: &found)
            case .symbol("["):
                position += 1
                array(path + "[]", into: &found)
            case .symbol(","), .symbol("}"), .symbol("]"):
                return
            default:
                position += 1
            }
            // The `ENTRY = …` line starts after the document's closing brace.
            if top { return }
        }
    }

    mutating func object(_ path: String, into found: inout Set<String>) {
        while let token = next() {
            switch token {
            case .symbol("}"):
                return
            case .symbol(","):
                continue
            case .string(let key):
                let keyPath = path.isEmpty ? key : path + "." + key
                found.insert(keyPath)
                if peek() == .symbol(":") {
                    position += 1
                    if key == "metrics" {
                        var ignored = Set<String>()
                        value(keyPath, into: &ignored)
                    } else {
                        value(keyPath, into: &found)
                    }
                }
            default:
                // `METRIC: ENTRY` inside `metrics`: a placeholder key and its value.
                if peek() == .symbol(":") {
                    position += 1
                    var ignored = Set<String>()
                    value(path, into: &ignored)
                }
            }
        }
    }

    mutating func array(_ path: String, into found: inout Set<String>) {
        while let token = peek() {
            if token == .symbol("]") {
                position += 1
                return
            }
            if token == .symbol(",") {
                position += 1
                continue
            }
            value(path, into: &found)
        }
    }
}

/// Team inputs as the report states them.
@Suite struct TeamInputsTests {
    /// The report's "staffed by" cell says what staffs a team, a roster by its agents.
    @Test func aTeamsStaffingInAFewWords() {
        #expect(SummaryDocument.TeamInputs(name: "a", constantAgents: 10, shifts: 0, hourlyCost: 0, overtimeMultiplier: 1.5).staffing == "10 agents throughout")
        #expect(SummaryDocument.TeamInputs(name: "a", constantAgents: 0, shifts: 4, hourlyCost: 0, overtimeMultiplier: 1.5).staffing == "4 shifts")
        #expect(SummaryDocument.TeamInputs(name: "a", constantAgents: 0, shifts: 98, hourlyCost: 0, overtimeMultiplier: 1.5, rosterFile: "roster.csv", rosteredAgents: 40).staffing
                == "roster roster.csv: 40 agents, 98 shifts")
        #expect(SummaryDocument.TeamInputs(name: "a", constantAgents: 0, shifts: 0, hourlyCost: 0, overtimeMultiplier: 1.5).staffing == "0 shifts")
    }
}
