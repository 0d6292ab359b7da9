import ArgumentParser
import Experiments
import Scenarios

/// Command-line values written as in scenario files: `5m`, `540/h`, `80%`.
struct DurationArgument: ExpressibleByArgument {
    let seconds: Double
    init?(argument: String) {
        guard let value = try? Quantity.duration(argument), value > 0 else { return nil }
        seconds = value
    }
    static var defaultCompletionKind: CompletionKind { .default }
    /// Shown as a default in help: `30m`, not the struct.
    var defaultValueDescription: String { Formatting.duration(seconds) }
}

struct RateArgument: ExpressibleByArgument {
    let perSecond: Double
    init?(argument: String) {
        guard let value = try? Quantity.rate(argument), value > 0 else { return nil }
        perSecond = value
    }
}

struct FractionArgument: ExpressibleByArgument {
    let value: Double
    init?(argument: String) {
        guard let value = try? Quantity.fraction(argument), value > 0, value < 1 else { return nil }
        self.value = value
    }
}
