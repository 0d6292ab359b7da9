import SimKernel

/// A contact in the system, from arrival until the end of its handling.
///
/// A customer's *issue* may take several contacts (repeats) and several
/// queue visits (escalations); the record carries what the statistics need
/// about both, so nothing is kept once the contact is done.
struct ContactRecord {
    /// Why the contact is in the queue it is in: only a contact's first wait counts for its channel's service level.
    enum Stage: UInt8 {
        case first, transfer, ticket
    }

    var channel: Int32
    var tier: Int32
    var stage: Stage
    /// Arrival of this contact (its service level and interval are attributed here).
    var arrival: Double
    /// Entry into the current queue, for the current wait.
    var queuedAt: Double
    /// First contact of the issue, for end-to-end resolution time.
    var issueStart: Double
    /// 1 for the issue's first contact, 2 for its first repeat, ...
    var contactNumber: Int32
    /// Numbers the customer's issue across its contacts (for the trace).
    var issue: Int32
    var escalated: Bool
    /// A voice caller who took a callback: keeps its place in line, off the line (no patience).
    var isCallback = false
    /// Handle time before proficiency and chat slow-down (drawn when the work was created).
    var handleTime: Double
    var abandonment: EventHandle?
}

/// The table of contacts in the system: slots recycled through a free list,
/// each with a generation so a stale `ContactRef` never names a newer contact.
/// Memory: O(contacts in the system).
struct ContactTable {
    private(set) var records: [ContactRecord] = []
    private var generations: [UInt32] = []
    private var freeSlots: [UInt32] = []

    mutating func insert(_ record: ContactRecord) -> ContactRef {
        if let slot = freeSlots.popLast() {
            records[Int(slot)] = record
            return ContactRef(slot: slot, generation: generations[Int(slot)])
        }
        records.append(record)
        generations.append(0)
        return ContactRef(slot: UInt32(records.count - 1), generation: 0)
    }

    @inline(__always)
    func isCurrent(_ ref: ContactRef) -> Bool {
        generations[Int(ref.slot)] == ref.generation
    }

    @inline(__always)
    subscript(ref: ContactRef) -> ContactRecord {
        get { records[Int(ref.slot)] }
        set { records[Int(ref.slot)] = newValue }
    }

    /// The same contact under a new reference, so that references handed out
    /// before (its entry in a queue it has left) no longer match.
    mutating func rekey(_ ref: ContactRef) -> ContactRef {
        generations[Int(ref.slot)] &+= 1
        return ContactRef(slot: ref.slot, generation: generations[Int(ref.slot)])
    }

    mutating func remove(_ ref: ContactRef) -> ContactRecord {
        generations[Int(ref.slot)] &+= 1
        freeSlots.append(ref.slot)
        return records[Int(ref.slot)]
    }

    var count: Int { records.count - freeSlots.count }
}
