import Sweeps
import XCTest

final class FieldPathTests: XCTestCase {
    let document = """
        team: {name: frontline, agents: 50}
        handle_time: {mixture: [{weight: 0.7, exponential: {mean: 4m}}, {weight: 0.3, lognormal: {mean: 9m, cv: 0.5}}]}
        teams:
          - name: frontline
            shifts: [{start: 8h, agents: 10}, {start: 12h, agents: 14}]
          - name: backoffice
            shifts: [{start: 9h, agents: 4}]
        """

    func locations(_ path: String) throws -> [String] {
        try FieldPath(parsing: path).fields(in: document)
    }

    func testParsesKeysIndicesAndWildcards() throws {
        XCTAssertEqual(try FieldPath(parsing: "team.agents").segments, [.key("team"), .key("agents")])
        XCTAssertEqual(try FieldPath(parsing: "a.b[2].c[*]").segments, [.key("a"), .key("b"), .index(2), .key("c"), .wildcard])
        for bad in ["", "team..agents", "[0].x", "a[x]", "a[-1]", "a[1", "a.b c", "a[0]b"] {
            XCTAssertThrowsError(try FieldPath(parsing: bad), bad)
        }
    }

    func testResolvesMappingsListsNamesAndWildcards() throws {
        XCTAssertEqual(try locations("team.agents"), ["team.agents"])
        XCTAssertEqual(try locations("handle_time.mixture[1].lognormal.cv"), ["handle_time.mixture[1].lognormal.cv"])
        XCTAssertEqual(try locations("teams.frontline.shifts[*].agents"), ["teams[0].shifts[0].agents", "teams[0].shifts[1].agents"])
        XCTAssertEqual(try locations("teams[*].shifts[*].agents").count, 3)
        XCTAssertEqual(try locations("teams.backoffice.shifts[0].start"), ["teams[1].shifts[0].start"])
    }

    func testMissingFieldsAreNamedWithASuggestion() throws {
        func message(_ path: String) throws -> String {
            do {
                _ = try FieldPath(parsing: path).fields(in: document)
                return "resolved"
            } catch {
                return error.message
            }
        }
        let typo = try message("team.agnets")
        XCTAssertTrue(typo.contains("did you mean 'team.agents'?"), typo)
        XCTAssertTrue(try message("teams.frontlin.shifts[0].agents").contains("did you mean 'frontline'?"))
        XCTAssertTrue(try message("teams.frontline.shifts[5].agents").contains("has 2 items"))
        XCTAssertTrue(try message("team.agents.count").contains("is a value ('50')"))
        XCTAssertTrue(try message("team[0]").contains("not a list"))
        XCTAssertTrue(try message("patience.exponential.mean").contains("no field 'patience' at the top level"))
    }
}
