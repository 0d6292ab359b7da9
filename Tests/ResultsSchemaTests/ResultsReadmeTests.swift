import Foundation
import ResultsSchema
import Testing

/// results/README.md documents the schema: it names every metric the schema defines, in a metric
/// table with the unit the schema gives it, and no metric the schema does not know.
@Suite struct ResultsReadmeTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("results/README.md")

    /// Rows of the "## Metrics" tables: the names in the first column and the unit column.
    static func documentedMetrics() throws -> [(names: [String], unit: String)] {
        let text = try String(contentsOf: readme, encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## Metrics\n").dropFirst().first)
            .components(separatedBy: "\n## ")[0]
        return section.split(separator: "\n").compactMap { line in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4, cells[1].hasPrefix("`") else { return nil }
            let names = cells[1].components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
            return (names, cells[3])
        }
    }

    @Test func everyMetricIsDocumentedWithItsUnit() throws {
        let rows = try Self.documentedMetrics()
        let documented = Set(rows.flatMap(\.names))
        for metric in Metric.allCases {
            #expect(documented.contains(metric.rawValue), "results/README.md does not document \(metric.rawValue)")
        }
        for name in documented {
            #expect(Metric(rawValue: name) != nil, "results/README.md documents \(name), which the schema does not define")
        }
        let words: [MetricUnit: [String]] = [
            .count: ["count"], .share: ["share"], .seconds: ["seconds"], .contacts: ["contacts"],
            .agents: ["agents"], .hours: ["hours"], .money: ["money"],
        ]
        for row in rows {
            for name in row.names {
                guard let metric = Metric(rawValue: name) else { continue }
                #expect(words[metric.unit]!.contains { row.unit.hasPrefix($0) }, "\(name): documented as \(row.unit), schema unit \(metric.unit)")
            }
        }
    }

    @Test func documentsTheVersionAndVerdicts() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        #expect(text.contains("\"ccsim_version\": \"\(ResultsVersion.ccsim)\""))
        for verdict in Verdict.allCases {
            #expect(text.contains("`\(verdict.rawValue)`"))
            #expect(text.contains("`\(verdict.words)`"))
        }
    }
}
