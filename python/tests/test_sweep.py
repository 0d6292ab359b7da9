import pandas as pd
import pytest

import ccsim


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    out = tmp_path_factory.mktemp("sweep") / "agents"
    import os, pathlib
    os.chdir(pathlib.Path(__file__).resolve().parents[2])
    return ccsim.sweep(base="scenarios/erlang-a.yaml", out=out, replications=3, seed=3,
                       parameters={"team.agents": [46, 50], "handle_time.exponential.mean": {"scale": [0.9, 1.1]},
                                   "run.horizon": ["2h"]},
                       metrics=["service_level", "asa", "voice.sla_misses", "offered"],
                       series=["service_level", "offered"])


def test_store_tables_and_meta(store):
    assert store.is_grid
    assert store.meta["point_count"] == 4 and store.meta["planned_runs"] == 12
    assert len(store.runs) == 12 and (store.runs.status == "ok").all()
    assert store.metrics == ["service_level", "asa", "voice.sla_misses", "offered"]
    assert store.series == ["service_level", "offered"]


def test_long_has_one_row_per_run_and_metric_with_safe_names(store):
    long = store.long()
    assert len(long) == 12 * 4
    mapping = store.parameters.set_index("column")
    assert mapping.loc["team_agents", "path"] == "team.agents"
    assert mapping.loc["handle_time_exponential_mean", "holds"] == "result"
    assert mapping.loc["handle_time_exponential_mean_factor", "holds"] == "factor"
    # The scaled handle time is stored as the seconds it gave: 4.5m × 0.9 = 243 s, × 1.1 = 297 s.
    assert sorted(long.handle_time_exponential_mean.unique()) == [243, 297]
    assert sorted(long.handle_time_exponential_mean_factor.unique()) == [0.9, 1.1]
    assert store.parameter_columns(varied_only=True) == ["team_agents", "handle_time_exponential_mean"]
    for column in long.columns:
        assert column.isidentifier() and column == column.lower()


def test_summary_agrees_with_the_runs(store):
    summary = store.summary()
    long = store.long()
    means = long.groupby(["point", "metric"]).value.mean()
    for row in summary.itertuples():
        assert row.mean == pytest.approx(means[(row.point, row.metric)])
        assert row.n == 3
        assert row.ci_lower <= row.mean <= row.ci_upper
    sl = summary[summary.metric == "service_level"].set_index(["team_agents", "handle_time_exponential_mean"])["mean"]
    # Common random numbers: more agents or shorter calls never serve worse.
    assert sl[(50, 243)] >= sl[(46, 243)] and sl[(50, 297)] >= sl[(46, 297)]
    assert sl[(46, 243)] >= sl[(46, 297)]


def test_load_reads_the_store(store):
    again = ccsim.load(store.path)
    assert isinstance(again, ccsim.SweepStore)
    assert again.runs.equals(store.runs)


def test_a_sweep_file_runs_into_its_folder(tmp_path):
    store = ccsim.sweep("scenarios/sweeps/erlang-a-lhs.yaml", out=tmp_path / "lhs")
    assert not store.is_grid and store.design.startswith("latin_hypercube")
    assert len(store.runs) == store.meta["planned_runs"]
    # Re-running resumes: nothing new, same runs.
    assert ccsim.sweep("scenarios/sweeps/erlang-a-lhs.yaml", out=tmp_path / "lhs").runs.equals(store.runs)


def test_a_store_of_another_sweep_is_a_sweep_error(tmp_path, store):
    with pytest.raises(ccsim.SweepError, match="holds the results of a different sweep"):
        ccsim.sweep("scenarios/sweeps/erlang-a-lhs.yaml", out=store.path)


def test_effects_of_a_grid_name_staffing_first(store):
    effects = store.effects("service_level", resamples=100)
    assert set(effects.kind) == {"main", "interaction"}
    main = effects[effects.kind == "main"].set_index("term")
    assert set(main.index) == {"team_agents", "handle_time_exponential_mean"}
    # Signed, lowest → highest level: more agents serve better, longer calls worse.
    assert main.effect["team_agents"] > 0 > main.effect["handle_time_exponential_mean"]


def test_the_cli_analysis_and_the_package_agree(store):
    """`ccsim sweep analyze` (Swift) and `SweepStore.effects` (Python) compute the same estimates."""
    import re
    import subprocess

    printed = subprocess.run([ccsim.binary(), "sweep", "analyze", str(store.path), "--metric", "service_level"],
                             capture_output=True, text=True, check=True).stdout
    python = store.effects("service_level", resamples=50)
    mapping = store.parameters.set_index("column").path
    for row in python.itertuples():
        name = " × ".join(mapping[part] for part in row.term.split(" × "))
        line = next(l for l in printed.splitlines() if re.split(r"\s{2,}", l)[0] == name)
        shown = re.search(r"\s(-?[\d.]+)%\s+\[", line)
        assert shown, line
        assert float(shown.group(1)) / 100 == pytest.approx(row.effect, abs=0.0006), line


def test_intervals_are_tidy_and_add_up_to_the_runs(store):
    intervals = store.intervals()
    # erlang-a over 2 h in 30-minute intervals: 4 per run and series.
    assert len(intervals) == 12 * 2 * 4
    assert list(intervals.columns[:5]) == ["point", "replication", "seed", "replication_index", "status"]
    assert {"team_agents", "handle_time_exponential_mean", "series", "interval", "start", "value"} <= set(intervals.columns)
    assert sorted(intervals.start.unique()) == [pd.Timedelta(minutes=m) for m in (0, 30, 60, 90)]
    # Offered by interval sums to the run's offered, exactly.
    by_run = intervals[intervals.series == "offered"].groupby(["point", "replication"]).value.sum()
    long = store.long()
    whole = long[long.metric == "offered"].set_index(["point", "replication"]).value
    assert (by_run.sort_index() == whole.sort_index()).all()
    levels = intervals[intervals.series == "service_level"].value
    assert levels.between(0, 1).all()


def test_interval_summary_agrees_with_the_runs(store):
    summary = store.interval_summary()
    assert len(summary) == 4 * 2 * 4
    means = store.intervals().groupby(["point", "series", "interval"]).value.mean()
    for row in summary.itertuples():
        assert row.mean == pytest.approx(means[(row.point, row.series, row.interval)])
        assert row.n == 3


def test_a_store_without_series_gives_empty_intervals(tmp_path):
    plain = ccsim.sweep(base="scenarios/erlang-a.yaml", out=tmp_path / "plain", replications=1,
                        parameters={"team.agents": [50], "run.horizon": ["1h"]}, metrics=["service_level"])
    assert plain.series == [] and plain.intervals().empty and "series" in plain.intervals().columns
