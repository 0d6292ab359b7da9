import Foundation

/// Small hand-written results files of every kind (the layouts of `ccsim staff`, `schedule`,
/// `roi` and `sweep summarize`), and a helper that writes them into a fresh folder.
enum ResultsFixtures {
    /// A new temporary folder holding `files` (name → contents).
    static func folder(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("report-kinds-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        return dir
    }

    static func estimate(_ mean: Double, _ lower: Double, _ upper: Double) -> String {
        "{\"count\": 3, \"lower\": \(lower), \"mean\": \(mean), \"standard_deviation\": 1, \"upper\": \(upper)}"
    }

    /// Three paired replications over four weeks, two uncertain effects; ROI 25% [5%, 45%].
    static let roiJSON = """
    {
      "kind": "roi", "ccsim_version": "0.3.0", "scenario": "roi <test>", "file": "scenarios/roi.yaml",
      "programs": ["onboarding"], "mode": "fixed-staffing", "seed": 11, "replications": 3, "weeks": 4,
      "confidence_level": 0.95,
      "lines": [
        {"name": "direct_cost", "label": "program cost (direct)", "is_cost": true, "estimate": \(estimate(1000, 900, 1100))},
        {"name": "handling_time", "label": "handling time saved", "is_cost": false, "estimate": \(estimate(1250, 1100, 1400))}
      ],
      "cost": \(estimate(1000, 900, 1100)), "benefit": \(estimate(1250, 1100, 1400)), "net": \(estimate(250, 50, 450)),
      "roi": \(estimate(0.25, 0.05, 0.45)),
      "probability_positive": {"share": 0.6667, "lower": 0.2077, "upper": 0.9385},
      "payback": {"median": 3, "p10": 2, "p90": 4, "within_horizon": 0.6667},
      "variance_reduction": 4,
      "changes": [{"name": "voice.service_level", "unit": "share", "difference": {"with": \(estimate(0.82, 0.8, 0.84)), "without": \(estimate(0.8, 0.78, 0.82)), "change": \(estimate(0.02, 0.01, 0.03))}},
                  {"name": "aht", "unit": "seconds", "difference": {"with": \(estimate(290, 280, 300)), "without": \(estimate(300, 290, 310)), "change": \(estimate(-10, -12, -8))}}],
      "cumulative_net": [\(estimate(-1000, -1100, -900)), \(estimate(-400, -600, -200)), \(estimate(100, -200, 400)), \(estimate(250, 50, 450))],
      "roi_by_replication": [0.1, 0.3, 0.35],
      "sensitivity": {"replications": 2, "base_roi": 0.24, "rows": [
        {"range": {"program": "onboarding", "effect": "handle_time", "low": -0.3, "base": -0.25, "high": -0.15}, "roi_at_low": 0.4, "roi_at_high": 0.1},
        {"range": {"program": "onboarding", "effect": "fcr", "low": 0.1, "base": 0.2, "high": 0.27}, "roi_at_low": 0.2, "roi_at_high": 0.3}
      ]}
    }
    """

    /// Two teams, one channel, three 30-minute intervals on a Monday.
    static let staffingCSV = """
    day,weekday,start,team,erlang_on_phone,erlang_agents,erlang_fte,simulated_agents,scheduled_agents,scheduled_fte,occupancy,sl_voice,sl_voice_low,sl_voice_high
    0,mon,08:00,frontline,9.5,11,10.6,12,12,11.6,0.81,0.86,0.82,0.9
    0,mon,08:00,back & office,1,2,1.5,2,2,1.5,0.4,0.86,0.82,0.9
    0,mon,08:30,frontline,10,12,11.2,13,13,12.2,0.83,0.84,0.8,0.88
    0,mon,08:30,back & office,1,2,1.5,1,1,0.5,0.5,0.84,0.8,0.88
    0,mon,09:00,frontline,0,0,0,0,0,0,,,,
    0,mon,09:00,back & office,0,0,0,0,0,0,,,,

    """

    /// One team: a weekday shift (breaks quoted, with commas) and a weekend one; one short interval.
    static let scheduleCSV = """
    team,start,end,length_h,days,agents,paid_hours_per_agent_week,weekly_cost,breaks
    frontline,08:00,16:30,8.5,weekdays,21,40,21840,"{window: [1.5h, 2.5h], length: 15m} {window: [3.5h, 4.5h], length: 30m, paid: false}"
    frontline,08:00,16:30,8.5,weekend,20,16,8320,

    """
    static let coverageCSV = """
    team,weekday,start,required,on_duty,short
    frontline,mon,08:00,20,21,0
    frontline,mon,08:30,23,21,2
    frontline,tue,08:00,19,21,0
    frontline,tue,08:30,0,0,0

    """

    /// A 3 × 2 grid over agents and handle time, with a fixed horizon; two metrics.
    static let sweepCSV: String = {
        var s = "point,label,team.agents,handle_time.exponential.mean,run.horizon,runs,service_level_mean,service_level_sd,service_level_ci_lower,service_level_ci_upper,service_level_n,asa_mean,asa_sd,asa_ci_lower,asa_ci_upper,asa_n\n"
        var point = 0
        for agents in [46, 48, 50] {
            for scale in [0.9, 1.1] {
                let sl = 0.5 + Double(agents - 46) * 0.1 - (scale - 1), asa = 60 - Double(agents - 46) * 10
                s += "\(point),\"team.agents=\(agents), handle_time.exponential.mean×\(scale)\",\(agents),\(scale),7200,8,\(sl),0.05,\(sl - 0.04),\(sl + 0.04),8,\(asa),5,\(asa - 4),\(asa + 4),8\n"
                point += 1
            }
        }
        return s
    }()

    /// A design in which every point has its own values (as a Latin hypercube).
    static let scatterSweepCSV = """
    point,label,team.agents,arrivals.rate,runs,service_level_mean,service_level_sd,service_level_ci_lower,service_level_ci_upper,service_level_n
    0,a,46,600.5,5,0.7,0.1,0.6,0.8,5
    1,b,50,580.1,5,0.9,0.1,0.8,1.0,5
    2,c,48,620.7,5,0.8,0.1,0.7,0.9,5

    """
}
