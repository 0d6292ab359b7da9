import Foundation
import Testing

/// What every report page must be: self-contained (no script, no link, no URL but the SVG
/// namespace) and, for every chart, a well-formed SVG with a title and a table of its numbers.
enum PageCheck {
    static func svgs(in html: String) -> [String] {
        html.components(separatedBy: "<svg ").dropFirst().map { "<svg " + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
    }

    /// Checks the page and returns its charts.
    @discardableResult
    /// `figures`: how many figures hold them (small multiples put several charts in one figure).
    static func check(_ html: String, charts expected: Int, figures: Int? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        #expect(html.hasPrefix("<!DOCTYPE html>"), sourceLocation: sourceLocation)
        #expect(!html.contains("<script"), sourceLocation: sourceLocation)
        #expect(!html.contains("<link"), sourceLocation: sourceLocation)
        #expect(!html.contains("src="), sourceLocation: sourceLocation)
        let urls = html.components(separatedBy: "http").count - 1
        let namespaces = html.components(separatedBy: "http://www.w3.org/2000/svg").count - 1
        #expect(urls == namespaces, "a URL other than the SVG namespace", sourceLocation: sourceLocation)
        let charts = svgs(in: html)
        #expect(charts.count == expected, sourceLocation: sourceLocation)
        for svg in charts {
            let parsed = SVGParsing.parse(svg)
            #expect(parsed != nil, "not well-formed: \(svg.prefix(200))", sourceLocation: sourceLocation)
            #expect(parsed?.elements["title"] ?? 0 >= 1, "a chart without a title", sourceLocation: sourceLocation)
            #expect(parsed?.elements["desc"] ?? 0 == 1, "a chart without a description", sourceLocation: sourceLocation)
        }
        // Every chart sits in a figure with its numbers in a collapsed table.
        #expect(html.components(separatedBy: "<figure><svg ").count - 1 == figures ?? expected, sourceLocation: sourceLocation)
        #expect(html.components(separatedBy: "</svg><figcaption><details><summary>").count - 1 == figures ?? expected, sourceLocation: sourceLocation)
        return charts
    }
}
