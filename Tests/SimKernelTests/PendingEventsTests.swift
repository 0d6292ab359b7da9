import SimKernel
import TestFixtures
import XCTest

final class PendingEventsTests: XCTestCase {
    func testPopsInTimeOrder() {
        var events = PendingEvents<Int>()
        let times = [5.0, 1.0, 4.0, 2.0, 3.0, 0.5, 9.0, 7.0]
        for (i, t) in times.enumerated() { events.schedule(i, at: t) }
        var popped: [Double] = []
        while let next = events.popNext() { popped.append(next.time) }
        XCTAssertEqual(popped, times.sorted())
        XCTAssertTrue(events.isEmpty)
    }

    func testTiesAreFirstInFirstOut() {
        var events = PendingEvents<Int>()
        for i in 0..<100 { events.schedule(i, at: 1.0) }
        var order: [Int] = []
        while let next = events.popNext() { order.append(next.event) }
        XCTAssertEqual(order, Array(0..<100))
    }

    func testPriorityBreaksTiesBeforeInsertionOrder() {
        var events = PendingEvents<String>()
        events.schedule("normal-1", at: 2)
        events.schedule("late", at: 2, priority: .late)
        events.schedule("urgent", at: 2, priority: .urgent)
        events.schedule("normal-2", at: 2)
        events.schedule("earlier", at: 1, priority: .late)
        var order: [String] = []
        while let next = events.popNext() { order.append(next.event) }
        XCTAssertEqual(order, ["earlier", "urgent", "normal-1", "normal-2", "late"])
    }

    func testCancelledEventsNeverFire() {
        var events = PendingEvents<Int>()
        var handles: [EventHandle] = []
        for i in 0..<10 { handles.append(events.schedule(i, at: Double(i))) }
        XCTAssertTrue(events.cancel(handles[3]))
        XCTAssertTrue(events.cancel(handles[0]))
        XCTAssertTrue(events.cancel(handles[9]))
        XCTAssertEqual(events.count, 7)
        var fired: [Int] = []
        while let next = events.popNext() { fired.append(next.event) }
        XCTAssertEqual(fired, [1, 2, 4, 5, 6, 7, 8])
    }

    func testCancellingTwiceOrAfterFiringReturnsFalse() {
        var events = PendingEvents<Int>()
        let a = events.schedule(1, at: 1)
        let b = events.schedule(2, at: 2)
        XCTAssertTrue(events.cancel(a))
        XCTAssertFalse(events.cancel(a))
        XCTAssertEqual(events.popNext()?.event, 2)
        XCTAssertFalse(events.cancel(b), "a fired event cannot be cancelled")
    }

    func testStaleHandleDoesNotCancelTheSlotsNextEvent() {
        var events = PendingEvents<Int>()
        let first = events.schedule(1, at: 1)
        XCTAssertEqual(events.popNext()?.event, 1)
        // The freed slot is reused by the next event; the old handle must not touch it.
        _ = events.schedule(2, at: 2)
        XCTAssertFalse(events.cancel(first))
        XCTAssertEqual(events.popNext()?.event, 2)
    }

    func testPopNextRespectsLimitAndNextTimeSkipsCancelled() {
        var events = PendingEvents<Int>()
        let h = events.schedule(1, at: 1)
        events.schedule(2, at: 5)
        events.cancel(h)
        XCTAssertEqual(events.nextTime(), 5)
        XCTAssertNil(events.popNext(notAfter: 4))
        XCTAssertEqual(events.count, 1)
        XCTAssertEqual(events.popNext(notAfter: 5)?.event, 2)
    }

    /// Random interleavings of schedule, cancel and pop agree with a sorted reference list.
    func testMatchesReferenceUnderRandomOperations() {
        var generator = SplitMix64(seed: 7)
        var events = PendingEvents<Int>()
        var reference: [(time: Double, seq: Int, handle: EventHandle)] = []
        var seq = 0
        for _ in 0..<20_000 {
            switch generator.next() % 4 {
            case 0, 1:
                let time = Double(generator.next() % 1000)  // many exact ties
                let handle = events.schedule(seq, at: time)
                reference.append((time, seq, handle))
                seq += 1
            case 2:
                guard !reference.isEmpty else { continue }
                let index = Int(generator.next() % UInt64(reference.count))
                XCTAssertTrue(events.cancel(reference[index].handle))
                reference.remove(at: index)
            default:
                let expected = reference.min { ($0.time, $0.seq) < ($1.time, $1.seq) }
                let got = events.popNext()
                XCTAssertEqual(got?.event, expected?.seq)
                if let expected { reference.removeAll { $0.seq == expected.seq } }
            }
            XCTAssertEqual(events.count, reference.count)
        }
    }
}

extension PendingEventsTests {
    /// Events in lanes, in the feed and on the heap pop in one `(time, priority, sequence)` order:
    /// exactly the order they pop in when all go through the heap, ties included.
    func testLanesKeepTheHeapsOrder() {
        var generator = SplitMix64(seed: 11)
        var mixed = PendingEvents<Int>()
        var heapOnly = PendingEvents<Int>()
        var seq = 0
        var laneEvent: [Int?] = [nil, nil]
        var poppedMixed: [Int] = [], poppedHeap: [Int] = []
        var now = 0.0
        for _ in 0..<20_000 {
            switch generator.next() % 5 {
            case 0, 1:
                let time = now + Double(generator.next() % 50)  // many exact ties
                let priority = EventPriority(UInt8(generator.next() % 3) * 100)
                mixed.schedule(seq, at: time, priority: priority)
                heapOnly.schedule(seq, at: time, priority: priority)
                seq += 1
            case 3:
                // A batch into the feed: in time order or not, before or after what the feed holds.
                var batch: [(event: Int, time: Double, priority: EventPriority)] = []
                let sorted = generator.next() % 2 == 0
                var time = now + Double(generator.next() % 50)
                for _ in 0..<Int(generator.next() % 8) {
                    time = sorted ? time + Double(generator.next() % 3) : now + Double(generator.next() % 50)
                    let priority = EventPriority(UInt8(generator.next() % 3) * 100)
                    batch.append((seq, time, priority))
                    heapOnly.schedule(seq, at: time, priority: priority)
                    seq += 1
                }
                mixed.scheduleInOrder(batch)
            case 2:
                // A lane event, in an empty lane.
                let lane = Int(generator.next() % 2)
                guard laneEvent[lane] == nil else { continue }
                let time = now + Double(generator.next() % 50)
                mixed.schedule(seq, at: time, lane: lane, priority: .normal)
                heapOnly.schedule(seq, at: time)
                laneEvent[lane] = seq
                seq += 1
            default:
                XCTAssertEqual(mixed.nextTime(), heapOnly.nextTime())
                let a = mixed.popNext(), b = heapOnly.popNext()
                XCTAssertEqual(a?.time, b?.time)
                XCTAssertEqual(a?.event, b?.event)
                if let a {
                    poppedMixed.append(a.event)
                    now = a.time
                    // A popped lane event frees its lane.
                    for lane in 0..<2 where laneEvent[lane] == a.event { laneEvent[lane] = nil }
                }
                if let b { poppedHeap.append(b.event) }
            }
            XCTAssertEqual(mixed.count, heapOnly.count)
        }
        while let a = mixed.popNext() { poppedMixed.append(a.event) }
        while let b = heapOnly.popNext() { poppedHeap.append(b.event) }
        XCTAssertEqual(poppedMixed, poppedHeap)
        XCTAssertTrue(mixed.isEmpty)
    }

    func testLaneEventsRespectTheLimit() {
        var events = PendingEvents<Int>()
        events.schedule(1, at: 3, lane: 0)
        events.schedule(2, at: 5)
        XCTAssertNil(events.popNext(notAfter: 2))
        XCTAssertEqual(events.count, 2)
        XCTAssertEqual(events.popNext(notAfter: 3)?.event, 1)
        XCTAssertEqual(events.popNext()?.event, 2)
        XCTAssertNil(events.popNext())
    }
}


extension PendingEventsTests {
    /// Keys hold the time's bits mapped to an unsigned integer: negative times, zero (of either
    /// sign), subnormals and infinity keep the order of the times.
    func testTimesOfEverySignPopInOrder() {
        var events = PendingEvents<Int>()
        let times: [Double] = [3, -0.0, -1e300, .infinity, 0, -2.5, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 1e-300, -.infinity, 2.5]
        for (i, t) in times.enumerated() { events.schedule(i, at: t) }
        var popped: [(time: Double, event: Int)] = []
        while let next = events.popNext() { popped.append(next) }
        // Sorted by time, ties (−0 and +0 are the same instant) in the order scheduled.
        let expected = times.enumerated().sorted { ($0.element, $0.offset) < ($1.element, $1.offset) }
        XCTAssertEqual(popped.map(\.event), expected.map(\.offset))
        XCTAssertEqual(popped.map(\.time), expected.map(\.element))
    }

    /// When the 28-bit sequence runs out, the pending keys are renumbered: ties at equal time and
    /// priority still pop first-in, first-out across the renumbering, on the heap, in lanes and in the feed.
    func testSequenceRenumberingKeepsTheOrder() {
        var generator = SplitMix64(seed: 5)
        var events = PendingEvents<Int>()
        var reference: [(time: Double, priority: UInt8, seq: Int)] = []
        var seq = 0
        var laneEvent: Int?
        var popped: [Int] = [], expected: [Int] = []
        func popBoth() {
            guard let got = events.popNext() else { return }
            popped.append(got.event)
            let index = reference.indices.min { (reference[$0].time, reference[$0].priority, reference[$0].seq) < (reference[$1].time, reference[$1].priority, reference[$1].seq) }!
            expected.append(reference[index].seq)
            if got.event == laneEvent { laneEvent = nil }
            reference.remove(at: index)
        }
        // Three times round the sequence: each lap renumbers what is pending.
        for lap in 0..<3 {
            // A batch of six into the feed three numbers before the sequence's end: renumbered before it.
            events.skipSequence(to: (1 << 28) - 3)
            var crossing = [(event: Int, time: Double, priority: EventPriority)]()
            for _ in 0..<6 {
                let time = Double(lap * 100 + Int(generator.next() % 20))
                let priority = UInt8(generator.next() % 2) * 128
                crossing.append((seq, time, EventPriority(priority)))
                reference.append((time, priority, seq))
                seq += 1
            }
            events.scheduleInOrder(crossing)
            events.skipSequence(to: (1 << 28) - 700)
            for _ in 0..<1_500 {
                let time = Double(lap * 100 + Int(generator.next() % 20))  // many exact ties
                let priority = UInt8(generator.next() % 2) * 128
                switch generator.next() % 6 {
                case 0:
                    // A batch into the feed, up to six in any order: one of them crosses the sequence's end.
                    var batch = [(event: Int, time: Double, priority: EventPriority)]()
                    for _ in 0..<Int(generator.next() % 6) {
                        let earlier = Double(lap * 100 + Int(generator.next() % 20))
                        let earlierPriority = UInt8(generator.next() % 2) * 128
                        batch.append((seq, earlier, EventPriority(earlierPriority)))
                        reference.append((earlier, earlierPriority, seq))
                        seq += 1
                    }
                    batch.append((seq, time, EventPriority(priority)))
                    events.scheduleInOrder(batch)
                case 1 where laneEvent == nil:
                    events.schedule(seq, at: time, lane: 0, priority: EventPriority(priority))
                    laneEvent = seq
                case 2:
                    popBoth()
                    continue
                default:
                    events.schedule(seq, at: time, priority: EventPriority(priority))
                }
                reference.append((time, priority, seq))
                seq += 1
            }
            while events.count > 200 { popBoth() }
            XCTAssertEqual(events.count, reference.count)
        }
        while !reference.isEmpty { popBoth() }
        XCTAssertEqual(popped, expected)
        XCTAssertTrue(events.isEmpty)
    }

    /// A copy is independent: the storage is shared only until one of them changes.
    func testCopiesAreIndependent() {
        var original = PendingEvents<Int>()
        for i in 0..<100 { original.schedule(i, at: Double(100 - i)) }
        let handle = original.schedule(100, at: 0.5)
        var copy = original
        XCTAssertTrue(copy.cancel(handle))
        for i in 0..<200 { copy.schedule(1000 + i, at: Double(i) + 0.25) }
        var fromOriginal: [Int] = []
        while let next = original.popNext() { fromOriginal.append(next.event) }
        XCTAssertEqual(fromOriginal, [100] + (0..<100).reversed())
        XCTAssertEqual(copy.count, 300)
        XCTAssertEqual(copy.popNext()?.event, 1000)
    }
}
