import Scenarios
import Stochastics

/// Each channel's new contacts in a replication: its arrival process (``ArrivalGenerator``) on a
/// substream of the arrivals stream of its own, the contacts already waiting at time 0, and when a
/// closed channel opens again (for customers who come back while it is closed).
///
/// Why a room: the channels' processes are independent of each other and of everything the
/// contacts do, so they can be read as one lookup per arrival; the model only decides *whether*
/// to ask for the next arrival (not after an early close).
struct ChannelArrivals {
    private let generators: RoomArray<ArrivalGenerator>
    /// Per channel: a substream of the arrivals stream (channel c skips c substreams).
    private let streams: [RandomStream]
    /// The same streams, lent per arrival without reference counting (`streams` keeps them alive
    /// as long as this room): a strong read cost an atomic retain and release per arrival.
    private let arrivalStreams: RoomArray<Unmanaged<RandomStream>>
    private let patterns: [DemandSpec.Pattern]
    /// Contacts present at time 0, by channel.
    let initialQueues: [InitialQueue?]
    /// No new contact arrives at or after it (the end of the horizon).
    let closeTime: Double
    /// The step of the search for a channel's opening: a reporting interval.
    private let searchStep: Double

    init(center: CenterSpec, run: RunSettings, streams plan: StreamPlan, replication: Int) {
        let horizonEnd = run.warmup + run.horizon
        closeTime = horizonEnd
        searchStep = run.interval
        let arrivals = plan.stream(replication: replication, purpose: .arrivals)
        var channelStreams = [arrivals]
        for c in 1..<max(1, center.channels.count) {
            let stream = plan.stream(replication: replication, purpose: .arrivals)
            for _ in 0..<c { stream.nextSubstream() }
            channelStreams.append(stream)
        }
        streams = channelStreams
        arrivalStreams = RoomArray(channelStreams.map { Unmanaged.passUnretained($0) })
        generators = RoomArray(center.channels.indices.map { c in
            // Each channel's busyness factors come from its own substream.
            let stream = plan.stream(replication: replication, purpose: .busyness)
            for _ in 0..<c { stream.nextSubstream() }
            return ArrivalGenerator(demand: center.channels[c].demand, startWeekday: center.startWeekday,
                                    horizonEnd: horizonEnd, busyness: stream)
        })
        patterns = center.channels.map(\.demand.pattern)
        initialQueues = center.channels.map(\.initialQueue)
    }

    var channelCount: Int { generators.count }

    /// The next new contact of channel `c` after `t`, nil when there is none before closing
    /// (draws from the channel's substream).
    @inline(__always)
    func next(channel c: Int, after t: Double) -> Double? {
        let drawn = arrivalStreams[c]._withUnsafeGuaranteedRef { generators[c].next(after: t, stream: $0) }
        guard let next = drawn, next < closeTime else { return nil }
        return next
    }

    /// The first time at or after `time` when `channel` takes contacts: a customer who
    /// comes back while the channel is closed tries again when it opens. Channels with a
    /// constant demand (or none: escalation-only queues) never close. Searched in steps
    /// of a reporting interval over at most a week; nil if the channel never opens.
    @inline(__always)
    func opening(channel c: Int, from time: Double) -> Double? {
        if case .constant = patterns[c] { return time }
        if generators[c].takesContacts(at: time) { return time }
        var t = (time / searchStep).rounded(.down) * searchStep
        for _ in 0..<Int((7 * 86_400 / searchStep).rounded(.up)) {
            t += searchStep
            if generators[c].takesContacts(at: t) { return t }
        }
        return nil
    }
}
