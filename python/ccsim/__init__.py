"""ccsim from Python: run scenarios and sweeps with the built ccsim executable and read every
output folder as pandas DataFrames.

    import ccsim
    result = ccsim.run("scenarios/erlang-a.yaml", replications=3, **{"team.agents": 50})
    result.metrics          # tidy: scope, channel, tier, team, metric, mean, sd, ci_lower, ci_upper, replications, theory
    result.intervals        # tidy: one row per interval × scope × metric
    store = ccsim.sweep("scenarios/sweeps/mmc-staffing.yaml", out="results/mmc-staffing")
    store.summary()         # one row per point × metric with its confidence interval
    ccsim.load("results/notebooks/roi")   # any output folder: run, staff, schedule, roi, sweep store
    ccsim.erlang(rate="540/h", aht="5m", target="80%").agents

The executable is ``CCSIM_BIN`` if set, else ``ccsim`` on PATH, else this repository's
``.build/release/ccsim`` (``make build``). Failures raise ``CcsimError`` subclasses that carry
ccsim's messages: ``ScenarioError`` (with located ``issues``), ``UsageError``, ``SweepError``,
``OutputError``, ``BinaryNotFoundError``.
"""
from __future__ import annotations

import json
import pathlib
import tempfile
from typing import Any, Dict, Mapping, Optional, Union

from ._binary import binary, run_ccsim
from ._values import yaml_value
from .erlang import ErlangResult, erlang
from .errors import (BinaryNotFoundError, CcsimError, Issue, OutputError, ScenarioError, SweepError,
                     UsageError)
from .results import RoiResult, RunResult, ScheduleResult, StaffResult
from .sweep import SweepStore

__all__ = ["run", "sweep", "load", "erlang", "binary", "RunResult", "StaffResult", "ScheduleResult", "RoiResult",
           "SweepStore", "ErlangResult", "CcsimError", "ScenarioError", "UsageError", "SweepError", "OutputError",
           "BinaryNotFoundError", "Issue"]
__version__ = "0.3.0"

PathLike = Union[str, pathlib.Path]


def _field_path(name: str) -> str:
    """Keyword arguments cannot hold dots: ``team__agents`` stands for ``team.agents``."""
    return name.replace("__", ".")


def run(scenario: PathLike, *, replications: Optional[int] = None, seed: Optional[int] = None,
        out: Optional[PathLike] = None, jobs: Optional[int] = None, set: Optional[Mapping[str, Any]] = None,
        **overrides: Any) -> RunResult:
    """Simulates ``scenario`` (``ccsim run``) and returns its results.

    Overrides replace fields of the scenario by the field paths of sweep files, given as
    ``set={"team.agents": 50}``, as keywords with dots (``**{"team.agents": 50}``) or with
    ``__`` for the dots (``team__agents=50``). Values are written as in scenarios: ``"5m"``,
    ``"80%"``, ``"540/h"``, numbers, or a dict for a whole mapping
    (``handle_time={"lognormal": {"mean": "5m", "cv": 1.2}}``).

    With ``out``, the folder is kept (it must be new or hold only ccsim's files); otherwise the
    run goes to a temporary folder read into memory.
    """
    assignments: Dict[str, Any] = {**(set or {}), **{_field_path(k): v for k, v in overrides.items()}}
    arguments = ["run", str(scenario), "--format", "csv"]
    if replications is not None:
        arguments += ["--replications", str(replications)]
    if seed is not None:
        arguments += ["--seed", str(seed)]
    if jobs is not None:
        arguments += ["--jobs", str(jobs)]
    for path, value in assignments.items():
        arguments += ["--set", f"{path}={yaml_value(value)}"]
    if out is not None:
        run_ccsim(arguments + ["--out", str(out)])
        return RunResult(pathlib.Path(out))
    with tempfile.TemporaryDirectory(prefix="ccsim-run-") as scratch:
        folder = pathlib.Path(scratch) / "run"
        run_ccsim(arguments + ["--out", str(folder)])
        result = RunResult(folder)
        result.path = None  # the temporary folder is gone; everything was read
        return result


def sweep(sweep_file: Optional[PathLike] = None, *, base: Optional[PathLike] = None,
          parameters: Optional[Mapping[str, Any]] = None, design: Any = None, replications: Optional[int] = None,
          seed: Optional[int] = None, seeding: Optional[str] = None, metrics: Optional[list] = None,
          series: Optional[list] = None, name: Optional[str] = None, out: Optional[PathLike] = None, jobs: Optional[int] = None,
          force_new: bool = False) -> SweepStore:
    """Runs a sweep (``ccsim sweep``) and returns its store. Re-running resumes.

    Either a sweep file (``sweep("scenarios/sweeps/mmc-staffing.yaml")``), or a sweep described
    here: ``sweep(base="scenarios/erlang-a.yaml", parameters={"team.agents": [46, 48, 50],
    "handle_time.exponential.mean": {"scale": [0.9, 1.1]}}, replications=5, out="results/my-sweep")``
    — a list is a ``set`` of values; a dict gives the operation (``set``/``scale``) or a range
    (``{"from": 44, "to": 56}`` for ``design={"latin_hypercube": {"points": 24}}``). The sweep
    file is written into ``out`` (``sweep.yaml``) beside the store. ``series`` lists per-interval
    series to record (``["voice.service_level"]``), read back with ``SweepStore.intervals()``.
    """
    if sweep_file is not None and series is not None:
        raise UsageError("series= is for a sweep described here; with a sweep file, list them in its 'series' field")
    if (sweep_file is None) == (base is None):
        raise UsageError("give either a sweep file or base= and parameters=")
    if base is not None:
        if not parameters:
            raise UsageError("a sweep needs parameters={path: values, ...}")
        folder = pathlib.Path(out) if out is not None else pathlib.Path(tempfile.mkdtemp(prefix="ccsim-sweep-"))
        folder.mkdir(parents=True, exist_ok=True)
        document: Dict[str, Any] = {"name": name or f"{pathlib.Path(base).stem}-sweep",
                                    "base": str(pathlib.Path(base).resolve())}
        for key, value in [("seed", seed), ("replications", replications), ("seeding", seeding), ("design", design)]:
            if value is not None:
                document[key] = value
        document["parameters"] = [_parameter(path, levels) for path, levels in parameters.items()]
        if metrics is not None:
            document["metrics"] = list(metrics)
        if series is not None:
            document["series"] = list(series)
        sweep_file = folder / "sweep.yaml"
        # JSON is YAML: no quoting rules of our own.
        sweep_file.write_text(json.dumps(document, indent=2) + "\n")
        out = folder
    arguments = ["sweep", "run", str(sweep_file), "--quiet"]
    if out is not None:
        arguments += ["--out", str(out)]
    if jobs is not None:
        arguments += ["--jobs", str(jobs)]
    if force_new:
        arguments += ["--force-new"]
    run_ccsim(arguments)
    if out is None:
        # ccsim names the folder after the sweep: results/NAME (relative to where it ran).
        printed = run_ccsim(["sweep", "run", str(sweep_file), "--dry-run"]).stdout
        line = next(l for l in printed.splitlines() if l.startswith("store: "))
        return SweepStore(line[len("store: "):])
    return SweepStore(out)


def _parameter(path: str, levels: Any) -> Dict[str, Any]:
    if isinstance(levels, Mapping):
        if "from" in levels or "to" in levels:
            return {"path": path, "set": dict(levels)}
        return {"path": path, **{k: (list(v) if isinstance(v, (list, tuple)) else v) for k, v in levels.items()}}
    if isinstance(levels, (list, tuple)):
        return {"path": path, "set": list(levels)}
    return {"path": path, "set": [levels]}


def load(folder: PathLike):
    """Reads any ccsim output folder, recognised by its files: a sweep store (``sweep.sqlite``)
    → ``SweepStore``; ``roi.json`` → ``RoiResult``; ``schedule.csv`` → ``ScheduleResult``;
    ``staffing.csv`` → ``StaffResult``; ``summary.json`` → ``RunResult``."""
    path = pathlib.Path(folder)
    if path.suffix == ".sqlite" or (path / "sweep.sqlite").exists():
        return SweepStore(path)
    if not path.is_dir():
        raise OutputError(f"{path}: no such folder")
    if (path / "roi.json").exists():
        return RoiResult(path)
    if (path / "schedule.csv").exists():
        return ScheduleResult(path)
    if (path / "staffing.csv").exists():
        return StaffResult(path)
    if (path / "summary.json").exists():
        return RunResult(path)
    raise OutputError(f"{path}: not a ccsim output folder (no sweep.sqlite, roi.json, schedule.csv, staffing.csv or summary.json)")
