import Scenarios
import Stochastics

/// The trainers' uncertainty made concrete: one draw per program per effect per replication.
///
/// Common random numbers when programs are added or removed (the with/without arms of an ROI
/// comparison, or sensitivity runs replacing one effect by a fixed value): each (program, effect)
/// draws from its own substream of the `trainingEffects` stream, chosen by the program's *name*
/// (FNV-1a hash, 128 slots of 8 substreams, one per effect kind), never by its position in the list.
/// Removing a program therefore leaves every other program's draws unchanged. Two names hashing to
/// the same slot are moved to the next free slot in list order (only then does order matter).
struct TrainingEffectDraws {
    static let slots = 128
    /// `draws[p][k]`: the relative change of effect kind k for program p (nil = no such effect).
    let draws: [[Double?]]

    init(programs: [TrainingProgram], streams: StreamPlan, replication: Int) {
        var taken = Set<Int>()
        var draws: [[Double?]] = []
        for program in programs {
            var slot = Self.hash(program.name) % Self.slots
            while taken.contains(slot) { slot = (slot + 1) % Self.slots }
            taken.insert(slot)
            draws.append(TrainingEffects.Kind.allCases.enumerated().map { k, kind in
                guard let distribution = program.effects[kind] else { return nil }
                if case .deterministic(let value) = distribution { return value }
                let stream = streams.stream(replication: replication, purpose: .trainingEffects)
                for _ in 0..<(slot * 8 + k) { stream.nextSubstream() }
                return distribution.sample(from: stream)
            })
        }
        self.draws = draws
    }

    /// FNV-1a over the UTF-8 bytes: stable across runs and platforms (unlike `Hasher`).
    static func hash(_ name: String) -> Int {
        var h: UInt32 = 2_166_136_261
        for byte in name.utf8 {
            h ^= UInt32(byte)
            h = h &* 16_777_619
        }
        return Int(h)
    }
}
