import ContactCenter
import XCTest

/// `RingBuffer`, the first-in, first-out storage of the skill queues and free-agent lists:
/// order kept across wrap-around and growth, and rings made by repeating one empty ring (as a
/// room's `RoomArray(repeating:count:)` makes them) each get storage of their own.
final class RingBufferTests: XCTestCase {
    func testFirstInFirstOutAcrossWrapAroundAndGrowth() {
        var ring = RingBuffer<Int32>(capacity: 4)
        var expected: [Int32] = []
        var next: Int32 = 0
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            if Bool.random(using: &generator) || expected.isEmpty {
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    ring.append(next)
                    expected.append(next)
                    next += 1
                }
            } else {
                XCTAssertEqual(ring.popFirst(), expected.removeFirst())
            }
            XCTAssertEqual(ring.count, expected.count)
        }
        while let value = ring.popFirst() { XCTAssertEqual(value, expected.removeFirst()) }
        XCTAssertTrue(expected.isEmpty)
        XCTAssertNil(ring.popFirst())
    }

    func testRingsMadeByRepeatingOneRingAreIndependent() {
        let rings = RoomArray(repeating: RingBuffer<Int32>(), count: 3)
        for i in 0..<40 { rings[i % 3].append(Int32(i)) }
        for r in 0..<3 {
            var got: [Int32] = []
            while let value = rings[r].popFirst() { got.append(value) }
            XCTAssertEqual(got, Array(stride(from: Int32(r), to: 40, by: 3)))
        }
    }
}
