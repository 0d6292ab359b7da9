import ContactCenter
import XCTest

/// `CellTable`, the result's per-interval cells: it takes over a room's storage without a copy,
/// and from then on behaves as a value (a copy is never changed by writes to another).
final class CellTableTests: XCTestCase {
    func testAdoptingTakesTheRoomsElementsAndLeavesTheRoomEmpty() {
        var room = RoomArray(repeating: 0, count: 5)
        for i in 0..<5 { room[i] = 10 * i }
        let table = CellTable(adopting: &room, count: 3)
        XCTAssertEqual(Array(table), [0, 10, 20], "the first `count` cells, as the room held them")
        XCTAssertTrue(room.isEmpty, "the room gives its storage up, so it can no longer write the result's cells")
    }

    func testACopyIsNotChangedByWritesToTheOther() {
        var room = RoomArray([1, 2, 3])
        var table = CellTable(adopting: &room, count: 3)
        let copy = table
        table[0] = 100
        XCTAssertEqual(Array(copy), [1, 2, 3])
        XCTAssertEqual(Array(table), [100, 2, 3])
        var again = copy
        again[2] += 1
        XCTAssertEqual(Array(copy), [1, 2, 3])
        XCTAssertEqual(Array(again), [1, 2, 4])
    }

    func testACopyOfAnAdoptedPrefixHoldsOnlyThePrefix() {
        var room = RoomArray([1, 2, 3, 4])
        let table = CellTable(adopting: &room, count: 2)
        var copy = table
        copy[1] = 20
        XCTAssertEqual(copy.count, 2)
        XCTAssertEqual(Array(copy), [1, 20])
    }

    func testEqualityAndHashingFollowTheElements() {
        var room = RoomArray([7, 8, 9])
        let adopted = CellTable(adopting: &room, count: 3)
        let built = CellTable([7, 8, 9])
        XCTAssertEqual(adopted, built)
        XCTAssertEqual(adopted.hashValue, built.hashValue)
        XCTAssertNotEqual(adopted, CellTable([7, 8]))
        XCTAssertNotEqual(adopted, CellTable(repeating: 7, count: 3))
        XCTAssertEqual(CellTable(repeating: 0, count: 2), CellTable([0, 0]))
        XCTAssertEqual("\(CellTable([1, 2]))", "[1, 2]")
    }

    func testElementsAreWrittenInPlaceByField() {
        var table = CellTable(repeating: OutcomeCounts(), count: 2)
        table[1].offered += 3
        XCTAssertEqual(table[1].offered, 3)
        XCTAssertEqual(table[0], OutcomeCounts())
    }
}
