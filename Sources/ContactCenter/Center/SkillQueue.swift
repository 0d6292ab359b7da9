/// The contacts waiting for one (channel, tier), first come first served.
///
/// Entries of contacts who left (abandoned, or taken out of turn by an overflow
/// team) are skipped lazily: leaving re-keys the contact (`ContactTable.rekey`)
/// or frees it, so its old entry no longer matches; `count` excludes them and
/// the head is cleaned on access.
struct SkillQueue {
    private var line = RingBuffer<ContactRef>()
    private(set) var count = 0

    mutating func append(_ ref: ContactRef) {
        line.append(ref)
        count += 1
    }

    /// A contact left the queue from anywhere in it; its entry becomes a tombstone.
    mutating func forget() {
        count -= 1
    }

    /// The longest-waiting contact still present, if any.
    mutating func head(in contacts: ContactTable) -> ContactRef? {
        guard count > 0 else { return nil }
        while let ref = line.first {
            if contacts.isCurrent(ref) { return ref }
            _ = line.popFirst()
        }
        return nil
    }

    /// Every contact still waiting, longest-waiting first.
    func waiting(in contacts: ContactTable) -> [ContactRef] {
        (0..<line.count).map(line.element(at:)).filter(contacts.isCurrent)
    }

    /// Removes the head returned by `head(in:)`.
    mutating func removeHead() {
        _ = line.popFirst()
        count -= 1
    }
}
