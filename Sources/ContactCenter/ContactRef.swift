/// Names one waiting contact: a slot in the queue's contact table and the
/// slot's generation, so a reference to a contact who has left never
/// matches the slot's next occupant.
public struct ContactRef: Hashable, Sendable, BitwiseCopyable {
    @usableFromInline package let slot: UInt32
    @usableFromInline package let generation: UInt32

    @inlinable package init(slot: UInt32, generation: UInt32) {
        self.slot = slot
        self.generation = generation
    }
}
