/// A ticket for one scheduled event, used to cancel it.
///
/// A handle names a slot in the pending-event set plus the slot's generation
/// at scheduling time. Slots are recycled, so the generation makes a stale
/// handle (its event already fired or was cancelled) harmless: cancelling it
/// is a no-op that returns `false`.
public struct EventHandle: Hashable, Sendable {
    @usableFromInline let slot: UInt32
    @usableFromInline let generation: UInt32

    @inlinable
    init(slot: UInt32, generation: UInt32) {
        self.slot = slot
        self.generation = generation
    }
}
