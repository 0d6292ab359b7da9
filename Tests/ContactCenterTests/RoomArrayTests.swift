import ContactCenter
import XCTest

/// `RoomArray`, the in-place storage of the rooms and statistics: writes land in place through
/// any copy (it is storage a room owns, never shared by design), it grows by appending without
/// losing elements, and `array` is an independent copy.
final class RoomArrayTests: XCTestCase {
    func testWritesLandInPlaceWithoutAMutableBinding() {
        let counts = RoomArray(repeating: 0, count: 3)
        counts[1] += 2
        counts[2] = 5
        XCTAssertEqual(counts.array, [0, 2, 5])
    }

    func testACopySharesTheStorage() {
        let room = RoomArray([1.0, 2.0])
        let copy = room
        copy[0] = 10
        XCTAssertEqual(room[0], 10, "a copy of a room's storage is the same storage")
    }

    func testArrayIsAnIndependentCopy() {
        let room = RoomArray([1, 2, 3])
        var snapshot = room.array
        snapshot[0] = 99
        room[2] = 30
        XCTAssertEqual(snapshot, [99, 2, 3])
        XCTAssertEqual(room.array, [1, 2, 30])
    }

    func testAppendGrowsAndKeepsEveryElement() {
        var room = RoomArray<String>()
        XCTAssertTrue(room.isEmpty)
        for i in 0..<1000 { room.append("contact \(i)") }
        XCTAssertEqual(room.count, 1000)
        XCTAssertEqual(room.first, "contact 0")
        XCTAssertEqual(room[999], "contact 999")
        XCTAssertEqual(Array(room), (0..<1000).map { "contact \($0)" })
    }

    func testAssignOverwritesInOrder() {
        let room = RoomArray(repeating: [Int](), count: 2)
        room.assign([[1], [2, 3]])
        XCTAssertEqual(room.array, [[1], [2, 3]])
    }
}
