import Stochastics

/// The day-to-day busyness factor of a daily demand: gamma with mean 1 and
/// the given cv, drawn once per day, lazily and in day order.
///
/// Only the current day's factor is kept, so memory is flat in the horizon.
/// Every day gets exactly one draw (closed days and days skipped over
/// included), so day d always uses the (d+1)-th draw of the stream whatever
/// the opening hours, day factors or the calls in between: scenarios that
/// differ in those still share each day's busyness (common random numbers).
struct DailyBusyness {
    private let gamma: Distribution?
    private let stream: RandomStream?
    /// The day whose factor is held; −1 before the first draw.
    private(set) var day = -1
    private(set) var factor = 1.0

    /// - Precondition: a stream is given when `cv` is set and > 0.
    init(cv: Double?, stream: RandomStream?) {
        if let cv, cv > 0 {
            precondition(cv.isFinite, "busyness cv must be finite, got \(cv)")
            precondition(stream != nil, "a demand with a busyness cv needs a busyness stream")
            gamma = .gamma(shape: 1 / (cv * cv), scale: cv * cv)
            self.stream = stream
        } else {
            gamma = nil
            self.stream = nil
        }
    }

    var isRandom: Bool { gamma != nil }

    /// The factor of day `d`, drawing the days up to `d` not yet drawn.
    /// - Precondition: `d` is not before a day already drawn past.
    @inline(__always)
    mutating func factor(for d: Int) -> Double {
        guard let gamma, let stream else { return 1 }
        if d != day {
            precondition(d > day, "busyness is drawn in day order: asked for day \(d) after day \(day)")
            while day < d {
                day += 1
                factor = gamma.sample(from: stream)
            }
        }
        return factor
    }

    /// The factor of day `d` as far as known without drawing: the held day's
    /// draw, else the mean, 1.
    @inline(__always)
    func known(for d: Int) -> Double {
        d == day ? factor : 1
    }
}
