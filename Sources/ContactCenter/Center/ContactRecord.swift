import SimKernel

/// A contact in the system, from arrival until the end of its handling.
///
/// A customer's *issue* may take several contacts (repeats) and several
/// queue visits (escalations); the record carries what the statistics need
/// about both, so nothing is kept once the contact is done. What only the trace
/// prints (when the contact arrived, which issue it is about) the trace keeps.
struct ContactRecord {
    /// Why the contact is in the queue it is in: only a contact's first wait counts for its channel's service level.
    enum Stage: UInt8 {
        case first, transfer, ticket
    }

    // Stored widest first (the doubles, then the timer's handle, the flags and the 32-bit fields
    // in its padding): 56 bytes, so that a table slot is 64, one cache line. A record is read at
    // the end of service, long after it was written, and mostly from beyond the first-level cache.

    /// Entry into the current queue, for the current wait.
    var queuedAt: Double
    /// First contact of the issue, for end-to-end resolution time.
    var issueStart: Double
    /// Handle time before proficiency and chat slow-down (drawn when the work was created).
    var handleTime: Double
    /// The statistics cell (reporting interval of the contact's arrival, current channel and tier) the contact's
    /// figures count in, -1 before the measured window: worked out at arrival and on escalation
    /// (``CenterStatistics/arrivalCell(at:channel:tier:)``), read by every count after it.
    var arrivalCell: Int
    var abandonment: EventHandle?
    var stage: Stage
    var escalated: Bool
    /// A voice caller who took a callback: keeps its place in line, off the line (no patience).
    var isCallback = false
    var channel: Int32
    var tier: Int32
    /// 1 for the issue's first contact, 2 for its first repeat, ...
    var contactNumber: Int32

    init(channel: Int32, tier: Int32, stage: Stage, arrivalCell: Int, queuedAt: Double, issueStart: Double,
         contactNumber: Int32, escalated: Bool, handleTime: Double, abandonment: EventHandle?) {
        self.queuedAt = queuedAt
        self.issueStart = issueStart
        self.handleTime = handleTime
        self.arrivalCell = arrivalCell
        self.abandonment = abandonment
        self.stage = stage
        self.escalated = escalated
        self.channel = channel
        self.tier = tier
        self.contactNumber = contactNumber
    }
}

/// The table of contacts in the system: slots recycled through a free list,
/// each with a generation so a stale `ContactRef` never names a newer contact.
/// Memory: O(contacts in the system).
package struct ContactTable {
    /// A slot: its contact, its generation, and the next free slot while it is free (-1: none).
    /// Free slots are reused last freed first.
    private struct Slot {
        var record: ContactRecord
        var generation: UInt32
        var nextFree: Int32
    }

    /// Bytes a slot takes: 64, one cache line (see ``ContactRecord``'s layout; a test holds it there).
    package static var slotSize: Int { MemoryLayout<Slot>.stride }

    private var slots = RoomArray<Slot>()
    private var firstFree: Int32 = -1
    private var freeCount = 0

    mutating func insert(_ record: ContactRecord) -> ContactRef {
        if firstFree >= 0 {
            let slot = Int(firstFree)
            firstFree = slots[slot].nextFree
            freeCount -= 1
            slots[slot].record = record
            return ContactRef(slot: UInt32(slot), generation: slots[slot].generation)
        }
        slots.append(Slot(record: record, generation: 0, nextFree: -1))
        return ContactRef(slot: UInt32(slots.count - 1), generation: 0)
    }

    @inline(__always)
    package func isCurrent(_ ref: ContactRef) -> Bool {
        slots[Int(ref.slot)].generation == ref.generation
    }

    @inline(__always)
    subscript(ref: ContactRef) -> ContactRecord {
        get { slots[Int(ref.slot)].record }
        nonmutating _modify { yield &slots[Int(ref.slot)].record }
        nonmutating set { slots[Int(ref.slot)].record = newValue }
    }

    /// The same contact under a new reference, so that references handed out
    /// before (its entry in a queue it has left) no longer match.
    package mutating func rekey(_ ref: ContactRef) -> ContactRef {
        slots[Int(ref.slot)].generation &+= 1
        return ContactRef(slot: ref.slot, generation: slots[Int(ref.slot)].generation)
    }

    mutating func remove(_ ref: ContactRef) -> ContactRecord {
        let slot = Int(ref.slot)
        slots[slot].generation &+= 1
        slots[slot].nextFree = firstFree
        firstFree = Int32(slot)
        freeCount += 1
        return slots[slot].record
    }

    var count: Int { slots.count - freeCount }
}
