import Scenarios

/// A small center for ROI tests: one voice queue, one team of 24 agents around the clock
/// (no abandonment, moderate load), four weeks in daily intervals, and a training program
/// for everyone whose effects, off-phone time and costs each test sets.
enum ROIScenario {
    static func yaml(program: String, patience: Bool = false, attrition: Bool = false, warmup: String = "0s",
                     participants: String = "everyone", valuation: String = "{repeat_avoided: 10}") -> String {
        """
        name: roi-test
        run: {horizon: 4w, warmup: \(warmup), interval: 1d, replications: 8, seed: 5}
        channels:
          voice:
            kind: voice
            demand: {rate: 120/h}
            \(patience ? "patience: {exponential: {mean: 3m}}" : "")
            service_level: {answer_within: 20s, target: 80%}
        tiers:
          tier1:
            handle_time: {voice: {exponential: {mean: 8m}}}
            resolution: {resolved: 80%}
            repeats: {after_unresolved: 50%, delay: {exponential: {mean: 1d}}}
        teams:
          agents:
            skills: [{channel: voice, tier: tier1}]
            hourly_cost: 30
            shifts: [{start: "00:00", length: 24h, agents: 24}]
            workforce:
              initial_tenure: {uniform: {min: 0w, max: 100w}}
              \(attrition ? "attrition: {weekly_hazard: [{rate: 2%}]}" : "")
              \(attrition ? "hiring: {lead_time: 1w, cost_per_hire: 8000}" : "")
        training:
          valuation: \(valuation)
          programs:
            - name: course
              participants: \(participants)
        \(program)
        """
    }

    static func load(program: String, patience: Bool = false, attrition: Bool = false, warmup: String = "0s",
                     participants: String = "everyone", valuation: String = "{repeat_avoided: 10}") throws -> Scenario {
        try ScenarioLoader.parse(yaml: yaml(program: program, patience: patience, attrition: attrition, warmup: warmup,
                                            participants: participants, valuation: valuation),
                                 file: "roi-test.yaml")
    }
}
