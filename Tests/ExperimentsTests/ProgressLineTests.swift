import Experiments
import Foundation
import XCTest

/// The plain progress lines a sweep writes to a log: one per 5% step, but never more often than
/// `lineEvery`, so a sweep of a second leaves no lines and a long one about one every few seconds.
final class ProgressLineTests: XCTestCase {
    /// Collects what a progress line writes.
    final class Sink: @unchecked Sendable {
        private let lock = NSLock()
        private var texts: [String] = []
        var lines: [String] { lock.withLock { texts } }
        func append(_ text: String) { lock.withLock { texts.append(text) } }
    }

    func testEveryFivePercentStepWithoutAThrottle() {
        let sink = Sink()
        let progress = ProgressLine(total: 40, style: .lines, quietFor: 0, lineEvery: 0, write: { sink.append($0) })
        for _ in 0..<40 { progress.advance() }
        progress.finish()
        XCTAssertEqual(sink.lines.count, 20, "\(sink.lines)")
        XCTAssertTrue(sink.lines.last?.hasPrefix("40/40 runs (100%)") == true, "\(sink.lines)")
    }

    func testQuickWorkWritesNoLines() {
        let sink = Sink()
        let progress = ProgressLine(total: 40, style: .lines, quietFor: 0, write: { sink.append($0) })
        for _ in 0..<40 { progress.advance() }
        progress.finish()
        XCTAssertEqual(sink.lines, [])
    }

    func testLinesAreSpacedInTime() {
        let sink = Sink()
        let progress = ProgressLine(total: 20, style: .lines, quietFor: 0, lineEvery: 0.2, write: { sink.append($0) })
        // 20 steps over at least 0.5 s: every step is a 5% step, but at most one line per 0.2 s gets
        // out (bounded by the time it really took, so a slow machine cannot fail it).
        let start = Date()
        for _ in 0..<20 {
            Thread.sleep(forTimeInterval: 0.025)
            progress.advance()
        }
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertGreaterThanOrEqual(sink.lines.count, 1, "\(sink.lines)")
        XCTAssertLessThanOrEqual(sink.lines.count, Int(elapsed / 0.2), "\(sink.lines) in \(elapsed) s")
        XCTAssertLessThan(sink.lines.count, 20, "\(sink.lines)")
    }
}
