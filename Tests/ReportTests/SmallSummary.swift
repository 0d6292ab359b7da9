/// A hand-written summary.json in the layout of results/README.md: two channels (one named with
/// `&` and `<`), one tier, two teams, three intervals — small enough to read in a test failure.
enum SmallSummary {
    static func interval(_ i: Int, _ metrics: String) -> String {
        "{\"index\": \(i), \"start_seconds\": \(i * 1800), \"length_seconds\": 1800, \"metrics\": {\(metrics)}}"
    }

    static let json = """
    {
      "ccsim_version": "0.3.0",
      "scenario": {
        "name": "small <test> & co", "file": "scenarios/small.yaml", "start_weekday": "Mon",
        "channels": [
          {"name": "voice", "kind": "voice", "demand": {"rate_per_hour": 600, "batches": 0},
           "patience": {"family": "exponential", "mean_seconds": 180, "cv": 1},
           "service_level": {"answer_within_seconds": 20, "target": 0.8, "convention": "offered"}, "max_asa_seconds": 30},
          {"name": "R&D <chat>", "kind": "chat", "demand": {"volume_per_day": 100, "batches": 0},
           "service_level": {"answer_within_seconds": 60, "target": 0.9, "convention": "offered"}}
        ],
        "tiers": [{"name": "tier1", "handle_times": [{"family": "exponential", "mean_seconds": 270, "cv": 1}, null]}],
        "teams": [{"name": "frontline", "constant_agents": 10, "shifts": 0, "hourly_cost": 25, "overtime_multiplier": 1.5},
                  {"name": "back & office", "constant_agents": 2, "shifts": 0, "hourly_cost": 30, "overtime_multiplier": 1.5}]
      },
      "run": {"seed": 42, "replications": 3, "horizon_seconds": 5400, "warmup_seconds": 0, "interval_seconds": 1800, "confidence_level": 0.95, "after_window": "drain"},
      "channels": [
        {"name": "voice", "kind": "voice",
         "sla": {"answer_within_seconds": 20, "target": 0.8, "convention": "offered", "achieved": 0.82, "ci_lower": 0.78, "ci_upper": 0.86, "verdict": "met_on_mean", "met": true},
         "asa_ceiling": {"ceiling": 30, "achieved": 12, "ci_lower": 10, "ci_upper": 14, "verdict": "met", "met": true},
         "worst_interval": {"index": 1, "start_seconds": 1800, "length_seconds": 1800, "service_level": 0.7},
         "metrics": {"service_level": {"mean": 0.82, "ci_lower": 0.78, "ci_upper": 0.86, "replications": 3}},
         "intervals": [\(interval(0, "\"offered\": {\"mean\": 290, \"replications\": 3}, \"service_level\": {\"mean\": 0.9, \"replications\": 3}")),
                       \(interval(1, "\"offered\": {\"mean\": 310, \"replications\": 3}, \"service_level\": {\"mean\": 0.7, \"replications\": 3}")),
                       \(interval(2, "\"offered\": {\"mean\": 300, \"replications\": 3}, \"service_level\": {\"mean\": 0.85, \"replications\": 3}"))]},
        {"name": "R&D <chat>", "kind": "chat",
         "sla": {"answer_within_seconds": 60, "target": 0.9, "convention": "offered", "achieved": 0.6, "ci_lower": 0.5, "ci_upper": 0.7, "verdict": "missed", "met": false},
         "metrics": {},
         "intervals": [\(interval(0, "\"offered\": {\"mean\": 2, \"replications\": 3}, \"service_level\": {\"mean\": 0.5, \"replications\": 3}")),
                       \(interval(1, "\"offered\": {\"mean\": 0, \"replications\": 3}, \"service_level\": {\"mean\": null, \"replications\": 0}")),
                       \(interval(2, "\"offered\": {\"mean\": 3, \"replications\": 3}, \"service_level\": {\"mean\": 0.95, \"replications\": 3}"))]}
      ],
      "tiers": [{"name": "tier1", "metrics": {"handled": {"mean": 880, "replications": 3}, "fcr": {"mean": 0.85, "ci_lower": 0.84, "ci_upper": 0.86, "replications": 3}, "escalation_rate": {"mean": 0.05, "replications": 3}, "repeat_contacts": {"mean": 12, "replications": 3}}, "intervals": []}],
      "teams": [
        {"name": "frontline", "metrics": {"occupancy": {"mean": 0.9, "ci_lower": 0.88, "ci_upper": 0.92, "replications": 3}, "labour_cost": {"mean": 375, "replications": 3}},
         "intervals": [\(interval(0, "\"available_agents\": {\"mean\": 10, \"replications\": 3}")), \(interval(1, "\"available_agents\": {\"mean\": 9.5, \"replications\": 3}")), \(interval(2, "\"available_agents\": {\"mean\": 10, \"replications\": 3}"))]},
        {"name": "back & office", "metrics": {"occupancy": {"mean": 0.4, "replications": 3}, "labour_cost": {"mean": 90, "replications": 3}},
         "intervals": [\(interval(0, "\"available_agents\": {\"mean\": 2, \"replications\": 3}")), \(interval(1, "\"available_agents\": {\"mean\": 2, \"replications\": 3}")), \(interval(2, "\"available_agents\": {\"mean\": 2, \"replications\": 3}"))]}
      ],
      "center": {"metrics": {"offered": {"mean": 905, "replications": 3}, "labour_cost": {"mean": 465, "replications": 3}, "cost_per_resolved": {"mean": 0.6, "replications": 3}, "resolved": {"mean": 750, "replications": 3}}},
      "simulated": {"arrivals": 2715, "events": 9000}
    }
    """
}
