import Scenarios
import Stochastics
struct ArrivalGenerator {
  let rate: Double
  init(demand: DemandSpec, interval: Double, startWeekday: Weekday, horizonEnd: Double, busyness: RandomStream, channel: Int) {
    if case .constant(let r) = demand.pattern { rate = r } else { rate = 0.01 }
  }
  mutating func next(after t: Double, stream: RandomStream) -> Double? { t + Distribution.exponential(mean: 1 / rate).sample(from: stream) }
}
struct Roster {
  struct Seat { let team: Int }
  struct Change { let time: Double; let agent: Int; let change: AgentChange }
  var agents: [Seat] = []
  init(teams: [AgentTeamSpec], startWeekday: Weekday, absenteeism: RandomStream, workforce: RandomStream) {}
  func transitions(day: Int) -> [Change] { [] }
}
