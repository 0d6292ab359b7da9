import json
import math
from pathlib import Path

import pytest

import ccsim


def erlang_c(agents, load):
    """P(wait) of M/M/n by the Erlang B recursion."""
    b = 1.0
    for n in range(1, agents + 1):
        b = load * b / (n + load * b)
    return agents * b / (agents - load * (1 - b))


def test_erlang_matches_the_formula():
    result = ccsim.erlang(rate="600/h", aht="4.5m", agents=48, patience="3m", answer_within="20s")
    assert result.load == pytest.approx(45) and result.agents == 48
    p_wait = erlang_c(48, 45.0)
    assert result.value("Erlang C", "P(wait)") == pytest.approx(p_wait, abs=0.0005)
    # Service level of M/M/n: 1 − P(wait)·exp(−(n − A)·t/AHT).
    sl = 1 - p_wait * math.exp(-(48 - 45) * 20 / 270)
    assert result.value("Erlang C", "service level") == pytest.approx(sl, abs=0.0005)
    assert result.value("Erlang C", "ASA") == pytest.approx(p_wait * 270 / 3, rel=0.01)
    assert set(result.table.model) == {"Erlang C", "Erlang A"}


def test_erlang_finds_the_staffing_for_a_target():
    result = ccsim.erlang(rate=540, aht=300, target=0.8)
    n = result.agents
    sl = lambda k: 1 - erlang_c(k, 45.0) * math.exp(-(k - 45) * 20 / 300)
    assert sl(n) >= 0.8 > sl(n - 1)


def test_load_recognises_each_folder(tmp_path):
    staff = tmp_path / "staff"
    staff.mkdir()
    (staff / "staffing.csv").write_text("day,weekday,start,team,erlang_agents\n0,Mon,08:00,front,3\n")
    assert isinstance(ccsim.load(staff), ccsim.StaffResult)
    schedule = tmp_path / "schedule"
    schedule.mkdir()
    (schedule / "schedule.csv").write_text("team,start,end,agents\nfront,08:00,16:30,4\n")
    (schedule / "coverage.csv").write_text("team,weekday,interval,required,on_duty,short\n")
    loaded = ccsim.load(schedule)
    assert isinstance(loaded, ccsim.ScheduleResult) and loaded.staffing is None and len(loaded.schedule) == 1
    roi = tmp_path / "roi"
    roi.mkdir()
    (roi / "roi.json").write_text(json.dumps({"kind": "roi", "programs": ["onboarding"],
                                              "roi": {"mean": 0.2, "standard_deviation": 0.1, "lower": 0.1, "upper": 0.3, "count": 4}}))
    loaded = ccsim.load(roi)
    assert isinstance(loaded, ccsim.RoiResult)
    assert loaded.estimates.set_index("estimate").loc["roi", "mean"] == 0.2
    (roi / "roi.json").write_text(json.dumps({"kind": "run"}))
    with pytest.raises(ccsim.OutputError, match="not a ccsim roi output"):
        ccsim.load(roi)


def test_roi_estimates_read_what_ccsim_roi_writes(tmp_path):
    """A real `ccsim roi` folder, not a hand-written one: every estimate has its spread and interval."""
    import subprocess
    scenario = Path(__file__).resolve().parents[2] / "scenarios" / "training-roi.yaml"
    subprocess.run([ccsim.binary(), "roi", str(scenario), "--program", "coaching", "--replications", "3",
                    "--sensitivity-replications", "0", "--out", str(tmp_path / "roi")], check=True, capture_output=True)
    estimates = ccsim.load(tmp_path / "roi").estimates.set_index("estimate")
    assert list(estimates.index) == ["cost", "benefit", "net", "npv", "roi"]
    assert estimates["standard_deviation"].notna().all() and (estimates["count"] == 3).all()
    assert (estimates["lower"] <= estimates["mean"]).all() and (estimates["mean"] <= estimates["upper"]).all()
