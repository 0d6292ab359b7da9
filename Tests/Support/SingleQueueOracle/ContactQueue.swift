import ContactCenter
import SimKernel

/// The first-come, first-served queue of contacts waiting for an agent.
///
/// Abandonment removes a contact from the middle of the line. Rather than an
/// O(n) search, the contact's slot is freed at once (its generation bumped)
/// and its entry in the line becomes a tombstone that `popOldest` skips.
/// `count` always excludes contacts who have gone, so queue-length statistics
/// and routing never see them.
///
/// Memory: O(longest queue); every operation is O(1) amortised.
struct ContactQueue {
    var line = RingBuffer<ContactRef>()
    var contacts: [WaitingContact] = []
    var generations: [UInt32] = []
    var freeSlots: [UInt32] = []
    /// Contacts waiting now (tombstones excluded).
    private(set) var count = 0

    init() {}

    var isEmpty: Bool { count == 0 }

    /// Puts a contact at the back of the line.
    @discardableResult
    mutating func append(_ contact: WaitingContact) -> ContactRef {
        let slot: UInt32
        if let reused = freeSlots.popLast() {
            slot = reused
            contacts[Int(slot)] = contact
        } else {
            slot = UInt32(contacts.count)
            contacts.append(contact)
            generations.append(0)
        }
        let ref = ContactRef(slot: slot, generation: generations[Int(slot)])
        line.append(ref)
        count += 1
        return ref
    }

    /// Sets the patience timer of a contact already in line.

    mutating func setAbandonment(_ handle: EventHandle, for ref: ContactRef) {
        contacts[Int(ref.slot)].abandonment = handle
    }

    /// Whether `ref` still names a contact in line.

    func contains(_ ref: ContactRef) -> Bool {
        Int(ref.slot) < generations.count && generations[Int(ref.slot)] == ref.generation
    }

    /// Removes a contact who leaves the line (abandonment), wherever it stands.

    mutating func remove(_ ref: ContactRef) -> WaitingContact? {
        guard contains(ref) else { return nil }
        return release(ref.slot)
    }

    /// Removes and returns the contact who has waited longest.

    mutating func popOldest() -> WaitingContact? {
        while let ref = line.popFirst() {
            if generations[Int(ref.slot)] == ref.generation { return release(ref.slot) }
        }
        return nil
    }

    mutating func release(_ slot: UInt32) -> WaitingContact {
        generations[Int(slot)] &+= 1
        freeSlots.append(slot)
        count -= 1
        return contacts[Int(slot)]
    }
}
