import SimKernel
import Stochastics

/// The cost floor of one simulated call: three exponential draws through GSL
/// and one pop and push on the pending-event heap. The model cannot beat this;
/// the gap between the two is the model's own overhead.
enum FloorLoop {
    static func run(calls: Int) -> (arrivals: Int, events: Int) {
        let plan = try! StreamPlan(seed: 1)
        let a = plan.stream(replication: 0, purpose: .arrivals)
        let h = plan.stream(replication: 0, purpose: .handleTime)
        let p = plan.stream(replication: 0, purpose: .patience)
        let interarrival = Distribution.exponential(mean: 300.0 / 480)
        let handle = Distribution.exponential(mean: 300)
        let patience = Distribution.exponential(mean: 180)
        var pending = PendingEvents<Int>()
        for i in 0..<500 { pending.schedule(i, at: handle.sample(from: h)) }
        var checksum = 0.0
        for _ in 0..<calls {
            let next = pending.popNext()!
            let t = next.time + interarrival.sample(from: a)
            checksum += patience.sample(from: p)
            pending.schedule(next.event, at: t + handle.sample(from: h))
        }
        precondition(checksum > 0)
        return (calls, calls)
    }
}
