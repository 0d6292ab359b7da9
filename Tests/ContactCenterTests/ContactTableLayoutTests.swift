import ContactCenter
import XCTest

/// A contact's row is read at the end of its service, long after it was written and mostly from
/// beyond the first-level cache: one 64-byte line a row (80 bytes cost ~6% of a big single-queue
/// run). A field added to `ContactRecord` that pushes its slot past a line fails here first.
final class ContactTableLayoutTests: XCTestCase {
    func testASlotIsOneCacheLine() {
        XCTAssertEqual(ContactTable.slotSize, 64)
    }
}
