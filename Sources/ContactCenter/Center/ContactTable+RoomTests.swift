/// What the rooms' unit tests (another module, built in release without `@testable`) need to make
/// by hand: an empty contact table and a waiting contact in it. Both wrap internal initializers
/// (the table's implicit one, the record's memberwise one) that an access keyword cannot open.
extension ContactTable {
    package static func empty() -> ContactTable { ContactTable() }

    /// Adds a first contact of `channel` and `tier` waiting since `queuedAt`, as the model admits a new one.
    package mutating func insertWaiting(channel: Int, tier: Int, queuedAt: Double) -> ContactRef {
        insert(ContactRecord(channel: Int32(channel), tier: Int32(tier), stage: .first,
                             arrivalCell: -1, queuedAt: queuedAt, issueStart: queuedAt, contactNumber: 1,
                             escalated: false, handleTime: 0, abandonment: nil))
    }
}
