import Scenarios

extension DemandSpec {
    /// A one-phrase description for tables: `600/h`, `12000/day`, `12000/day + 2 batches`.
    public var summary: String {
        var text: String
        switch pattern {
        case .constant(let rate): text = Formatting.ratePerHour(rate)
        case .daily(let daily): text = "\(Formatting.number(daily.volumePerDay))/day"
        case .forecast(let forecast): text = "forecast \(forecast.file), \(Formatting.number(forecast.averagePerDay.rounded()))/day on average"
        }
        if !batches.isEmpty { text += " + \(batches.count) batch\(batches.count == 1 ? "" : "es")" }
        return text
    }
}
