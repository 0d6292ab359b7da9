import Scenarios
import Testing

/// `teams.<name>.backlog_share`: agents reserved for email and tickets.
struct BacklogShareTests {
    @Test func decodesTheShare() throws {
        let s = try loadValid(fullYAML([23: "  experts:\n    backlog_share: 40%"]))
        #expect(s.center.teams[1].backlogShare == 0.4)
        #expect(s.center.teams[0].backlogShare == 0)
    }

    @Test func needsAnEmailSkill() throws {
        let error = try #require(loadError(fullYAML([19: "  frontline:\n    backlog_share: 20%"])))
        #expect(error.issues.contains { $0.path == "teams.frontline.backlog_share" && $0.message.contains("email") })
    }

    @Test func isAShare() throws {
        let error = try #require(loadError(fullYAML([23: "  experts:\n    backlog_share: 120%"])))
        #expect(error.issues.contains { $0.path == "teams.experts.backlog_share" })
    }
}
