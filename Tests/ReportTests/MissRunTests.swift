import Report
import Testing

/// How a run of missed intervals reads in the report's table.
@Suite struct MissRunTests {
    static func row(_ interval: Int, level: Double, net: Double) -> StaffingCheckResults.Row {
        StaffingCheckResults.Row(interval: interval, erlangAgents: 10, netAgents: 10 + net, serviceLevel: level, target: 0.8, missed: true)
    }

    /// A miss never reads as the target met: 79.6% of 80% keeps a decimal; clear misses stay whole.
    @Test func aMissJustUnderTheTargetKeepsADecimal() {
        #expect(MissRun(channel: "voice", rows: [Self.row(0, level: 0.796, net: -1)]).serviceLevelText == "79.6%")
        #expect(MissRun(channel: "voice", rows: [Self.row(0, level: 0.61, net: -3), Self.row(1, level: 0.796, net: -1)]).serviceLevelText == "61–79.6%")
        #expect(MissRun(channel: "voice", rows: [Self.row(0, level: 0.61, net: -3), Self.row(1, level: 0.74, net: -1)]).serviceLevelText == "61–74%")
    }

    /// Short by less than a tenth of an agent is said as such, not as "short 0 agents".
    @Test func aShortfallUnderATenthIsNotZero() {
        #expect(MissRun(channel: "voice", rows: [Self.row(0, level: 0.7, net: -0.02)]).staffingText == "short <0.1 agents")
        #expect(MissRun(channel: "voice", rows: [Self.row(0, level: 0.7, net: -0.02), Self.row(1, level: 0.7, net: -1.5)]).staffingText == "short <0.1–1.5 agents")
        #expect(MissRun(channel: "voice", rows: [Self.row(0, level: 0.7, net: -3), Self.row(1, level: 0.7, net: -6)]).staffingText == "short 3–6 agents")
    }
}
