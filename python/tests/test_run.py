import io
import subprocess

import pandas as pd
import pytest

import ccsim

SHORT = {"run.horizon": "2h", "run.warmup": "10m"}


def test_metrics_are_the_cli_csv_in_tidy_form():
    result = ccsim.run("scenarios/erlang-a.yaml", replications=3, **SHORT)
    assert list(result.metrics.columns) == ccsim.results.METRIC_COLUMNS
    cli = subprocess.run([ccsim.binary(), "run", "scenarios/erlang-a.yaml", "--replications", "3", "--format", "csv",
                          "--set", "run.horizon=2h", "--set", "run.warmup=10m"], capture_output=True, text=True, check=True)
    expected = pd.read_csv(io.StringIO(cli.stdout), dtype={"channel": str, "tier": str, "team": str})
    expected[["channel", "tier", "team"]] = expected[["channel", "tier", "team"]].fillna("")
    assert len(result.metrics) == len(expected)
    mine = result.metrics.set_index(["scope", "channel", "tier", "team", "metric"])
    for row in expected.itertuples():
        got = mine.loc[(row.scope, row.channel, row.tier, row.team, row.metric)]
        assert got["mean"] == pytest.approx(row.mean, rel=1e-12, nan_ok=True)
        assert got["replications"] == row.replications


def test_intervals_and_sla():
    result = ccsim.run("scenarios/erlang-a.yaml", replications=2, **SHORT)
    sl = result.intervals[(result.intervals.scope == "channel") & (result.intervals.metric == "service_level")]
    assert len(sl) == 2 * 3600 // result.summary["run"]["interval_seconds"]
    assert (sl["ci_lower"] <= sl["mean"]).all() and (sl["mean"] <= sl["ci_upper"]).all()
    sla = result.sla.set_index("channel").loc["voice"]
    assert sla["achieved"] == pytest.approx(result.mean("voice.service_level"))
    assert result.mean("service_level") == result.mean("voice.service_level")
    assert result.mean("frontline.occupancy") == result.mean("occupancy")


def test_overrides_use_sweep_paths_in_three_spellings():
    few = ccsim.run("scenarios/erlang-a.yaml", replications=2, seed=5, set={"team.agents": 44}, **SHORT)
    many = ccsim.run("scenarios/erlang-a.yaml", replications=2, seed=5, team__agents=60, **SHORT)
    dotted = ccsim.run("scenarios/erlang-a.yaml", replications=2, seed=5, **{"team.agents": 60}, **SHORT)
    assert few.summary["scenario"]["teams"][0]["constant_agents"] == 44
    assert many.summary["scenario"]["teams"][0]["constant_agents"] == 60
    assert dotted.metrics["mean"].equals(many.metrics["mean"])
    # 45 Erlangs offered: with 44 agents only abandonment keeps the queue finite; 60 answer nearly everyone at once.
    assert few.mean("service_level") + 0.2 < many.mean("service_level")
    assert many.mean("service_level") > 0.95
    assert few.mean("abandonment_rate") > many.mean("abandonment_rate")


def test_a_mapping_override_is_written_as_yaml():
    result = ccsim.run("scenarios/erlang-a.yaml", replications=2,
                       handle_time={"lognormal": {"mean": "4m", "cv": 1.5}}, **SHORT)
    handle = result.summary["scenario"]["tiers"][0]["handle_times"][0]
    assert handle["family"] == "lognormal"
    assert handle["mean_seconds"] == pytest.approx(240)
    assert result.summary.get("theory_model") is None, "no closed form with lognormal handle times"


def test_out_keeps_the_folder(tmp_path):
    result = ccsim.run("scenarios/erlang-a.yaml", replications=2, out=tmp_path / "run", **SHORT)
    assert (tmp_path / "run" / "summary.json").exists()
    again = ccsim.load(tmp_path / "run")
    assert isinstance(again, ccsim.RunResult)
    assert again.metrics.equals(result.metrics)
