/// At most `limit` simulations at once (one per core by default); the others wait their turn
/// in arrival order. Runs, what-ifs and their base runs all take a slot, so twenty what-ifs sent
/// together queue rather than oversubscribe the machine or its memory.
public actor RunSlots {
    public let limit: Int
    private var busy = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init(limit: Int) { self.limit = max(1, limit) }

    public func acquire() async {
        if busy < limit {
            busy += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the slot to the next waiter, if any.
    public func release() {
        if waiting.isEmpty {
            busy -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }

    /// Simulations running and waiting.
    public var load: (running: Int, queued: Int) { (busy, waiting.count) }

    /// Runs `work` in a slot.
    public func withSlot<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        do {
            let value = try await work()
            release()
            return value
        } catch {
            release()
            throw error
        }
    }
}
