/// A figure ccsim reports, by its snake_case name in every output.
///
/// One vocabulary for every scope (channel, tier, team, whole center) and for
/// intervals, so a name means the same thing wherever it appears; which
/// metrics each scope carries is listed on the scope's summary.
public enum Metric: String, CaseIterable, Codable, Sendable {
    // Contacts of a channel (or of the whole center).
    case offered
    case answered
    case abandoned
    /// Service level by the channel's own convention.
    case serviceLevel = "service_level"
    case serviceLevelOffered = "service_level_offered"
    case serviceLevelExcludingShortAbandons = "service_level_excluding_short_abandons"
    case serviceLevelAnswered = "service_level_answered"
    case averageSpeedOfAnswer = "asa"
    case waitP50 = "wait_p50"
    case waitP90 = "wait_p90"
    case waitP95 = "wait_p95"
    case abandonmentRate = "abandonment_rate"
    case probabilityOfWait = "probability_of_wait"
    case meanTimeInQueue = "mean_time_in_queue"
    case meanQueueLength = "mean_queue_length"
    /// Offered contacts still waiting when the run ended (e.g. an email backlog), callbacks apart.
    case unansweredAtEnd = "unanswered_at_end"
    /// Voice callers offered a callback, those who accepted, the callbacks made, made within
    /// the promise, and still pending at the end; the callback service level is
    /// within-promise over made.
    case callbacksOffered = "callbacks_offered"
    case callbacksAccepted = "callbacks_accepted"
    case callbacksCompleted = "callbacks_completed"
    case callbacksWithinPromise = "callbacks_within_promise"
    case callbacksPending = "callbacks_pending"
    case callbackServiceLevel = "callback_service_level"
    /// Contacts waiting at the end of an interval, and how long the oldest had waited.
    case backlog
    case oldestAge = "oldest_age"
    /// Periods (the penalty's, else intervals) whose service level missed the target.
    case serviceLevelMisses = "sla_misses"

    // Handling and resolution (tiers, whole center).
    case handled
    case resolved
    case firstContactResolution = "fcr"
    case escalationRate = "escalation_rate"
    case repeatContacts = "repeat_contacts"
    case meanResolutionTime = "mean_resolution_time"
    case resolvedWithinTarget = "resolved_within_target"
    case averageHandleTime = "aht"

    // Teams and cost.
    case occupancy
    case utilisation
    case busyAgents = "busy_agents"
    case availableAgents = "available_agents"
    case overtimeHours = "overtime_hours"
    case labourCost = "labour_cost"
    case costPerHandled = "cost_per_handled"
    case costPerResolved = "cost_per_resolved"
    /// Contract penalties for service-level misses.
    case slaPenalty = "sla_penalty"
    /// Labour cost plus penalties (and hiring and training costs when the workforce is modelled).
    case totalCost = "total_cost"

    public typealias Unit = MetricUnit

    public var unit: Unit {
        switch self {
        case .offered, .answered, .abandoned, .unansweredAtEnd, .handled, .callbacksOffered, .callbacksAccepted,
             .callbacksCompleted, .callbacksWithinPromise, .callbacksPending, .resolved, .repeatContacts, .serviceLevelMisses: .count
        case .serviceLevel, .serviceLevelOffered, .serviceLevelExcludingShortAbandons, .serviceLevelAnswered,
             .abandonmentRate, .probabilityOfWait, .firstContactResolution, .escalationRate, .resolvedWithinTarget,
             .occupancy, .utilisation, .callbackServiceLevel: .share
        case .averageSpeedOfAnswer, .waitP50, .waitP90, .waitP95, .meanTimeInQueue, .oldestAge,
             .meanResolutionTime, .averageHandleTime: .seconds
        case .meanQueueLength, .backlog: .contacts
        case .busyAgents, .availableAgents: .agents
        case .overtimeHours: .hours
        case .labourCost, .costPerHandled, .costPerResolved, .slaPenalty, .totalCost: .money
        }
    }

    /// The values the metric can take: a share lies in 0…1, every other figure (times, counts,
    /// agents, hours, money) is ≥ 0. Confidence intervals are cut to it.
    public var possibleRange: ClosedRange<Double> {
        unit.possibleRange
    }

    /// A short label for tables.
    public var label: String {
        switch self {
        case .offered: "offered"
        case .answered: "answered"
        case .abandoned: "abandoned"
        case .serviceLevel: "service level"
        case .serviceLevelOffered: "SL over offered"
        case .serviceLevelExcludingShortAbandons: "SL excl. short abandons"
        case .serviceLevelAnswered: "SL over answered"
        case .averageSpeedOfAnswer: "ASA"
        case .waitP50: "wait p50 (answered)"
        case .waitP90: "wait p90 (answered)"
        case .waitP95: "wait p95 (answered)"
        case .abandonmentRate: "abandonment"
        case .probabilityOfWait: "P(wait)"
        case .meanTimeInQueue: "mean time in queue"
        case .meanQueueLength: "mean queue length"
        case .unansweredAtEnd: "unanswered at end"
        case .callbacksOffered: "callbacks offered"
        case .callbacksAccepted: "callbacks accepted"
        case .callbacksCompleted: "callbacks made"
        case .callbacksWithinPromise: "callbacks within promise"
        case .callbacksPending: "callbacks pending at end"
        case .callbackServiceLevel: "callbacks kept promise"
        case .backlog: "backlog"
        case .oldestAge: "oldest waiting"
        case .serviceLevelMisses: "SLA misses"
        case .handled: "handled"
        case .resolved: "resolved"
        case .firstContactResolution: "first-contact resolution"
        case .escalationRate: "escalation rate"
        case .repeatContacts: "repeat contacts"
        case .meanResolutionTime: "mean resolution time"
        case .resolvedWithinTarget: "resolved within target"
        case .averageHandleTime: "AHT"
        case .occupancy: "occupancy"
        case .utilisation: "utilisation"
        case .busyAgents: "busy agents"
        case .availableAgents: "available agents"
        case .overtimeHours: "overtime"
        case .labourCost: "labour cost"
        case .costPerHandled: "cost per handled"
        case .costPerResolved: "cost per resolved"
        case .slaPenalty: "SLA penalty"
        case .totalCost: "total cost"
        }
    }
}
