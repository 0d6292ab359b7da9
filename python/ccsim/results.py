"""The output folders of ccsim's commands, read by their documented layout (results/README.md)
into pandas DataFrames."""
from __future__ import annotations

import json
import pathlib
from typing import Any, Dict, List, Optional

import pandas as pd

from .errors import OutputError

#: The columns of a whole-run metrics table, as `ccsim run --format csv` prints them.
METRIC_COLUMNS = ["scope", "channel", "tier", "team", "metric", "mean", "sd", "ci_lower", "ci_upper", "replications", "theory"]
_ENTRY = ["mean", "sd", "ci_lower", "ci_upper", "replications", "theory"]


def _read_json(path: pathlib.Path) -> Dict[str, Any]:
    try:
        return json.loads(path.read_text())
    except FileNotFoundError:
        raise OutputError(f"{path}: no such file") from None
    except json.JSONDecodeError as error:
        raise OutputError(f"{path}: not valid JSON ({error})") from None


def _read_csv(path: pathlib.Path, required: bool = True) -> Optional[pd.DataFrame]:
    if not path.exists():
        if required:
            raise OutputError(f"{path}: no such file")
        return None
    return pd.read_csv(path)


class RunResult:
    """A `ccsim run --out` folder: ``summary`` (summary.json as a dict), ``metrics`` (every
    whole-run metric, tidy: one row per scope × metric) and ``intervals`` (intervals.csv: one
    row per interval × scope × metric)."""

    def __init__(self, folder: pathlib.Path):
        self.path = pathlib.Path(folder)
        self.summary: Dict[str, Any] = _read_json(self.path / "summary.json")
        if "channels" not in self.summary:
            raise OutputError(f"{self.path / 'summary.json'}: not a ccsim run summary (no 'channels')")
        self.metrics: pd.DataFrame = self._metrics()
        intervals = _read_csv(self.path / "intervals.csv", required=False)
        self.intervals: pd.DataFrame = intervals if intervals is not None else pd.DataFrame(
            columns=["interval", "start_s", "end_s", "day", "weekday", "clock", "scope", "channel", "tier", "team",
                     "metric", "mean", "sd", "ci_lower", "ci_upper", "replications"])

    def _metrics(self) -> pd.DataFrame:
        rows: List[Dict[str, Any]] = []

        def add(scope: str, metrics: Dict[str, Any], channel: str = "", tier: str = "", team: str = "") -> None:
            for name, entry in metrics.items():
                rows.append({"scope": scope, "channel": channel, "tier": tier, "team": team, "metric": name,
                             **{k: entry.get(k) for k in _ENTRY}})

        for channel in self.summary.get("channels", []):
            add("channel", channel.get("metrics", {}), channel=channel["name"])
        for tier in self.summary.get("tiers", []):
            add("tier", tier.get("metrics", {}), tier=tier["name"])
        for team in self.summary.get("teams", []):
            add("team", team.get("metrics", {}), team=team["name"])
        add("center", self.summary.get("center", {}).get("metrics", {}))
        frame = pd.DataFrame(rows, columns=METRIC_COLUMNS)
        for column in _ENTRY:
            frame[column] = pd.to_numeric(frame[column])
        return frame

    @property
    def sla(self) -> pd.DataFrame:
        """Per channel: the service-level target, what was achieved with its CI, and the verdict."""
        rows = []
        for channel in self.summary.get("channels", []):
            sla = channel.get("sla") or {}
            worst = channel.get("worst_interval") or {}
            rows.append({"channel": channel["name"], **sla, "worst_interval_service_level": worst.get("service_level"),
                         "worst_interval_start_s": worst.get("start_seconds")})
        return pd.DataFrame(rows)

    def mean(self, name: str) -> Optional[float]:
        """A whole-run mean by the names sweeps use: `voice.service_level`, `tier1.fcr`,
        `frontline.occupancy`, `center.labour_cost`, or unqualified (`service_level`: the first
        channel's, `occupancy`: the first team's)."""
        scope_name, _, metric = name.rpartition(".")
        frame = self.metrics[self.metrics.metric == metric]
        if scope_name == "center":
            frame = frame[frame.scope == "center"]
        elif scope_name:
            frame = frame[(frame.channel == scope_name) | (frame.tier == scope_name) | (frame.team == scope_name)]
        else:
            order = {"channel": 0, "tier": 2, "team": 1, "center": 3}
            frame = frame.assign(order=frame.scope.map(order)).sort_values("order", kind="stable")
        if frame.empty:
            raise KeyError(f"no metric {name!r} in {self.path}")
        value = frame.iloc[0]["mean"]
        return None if pd.isna(value) else float(value)

    def __repr__(self) -> str:
        scenario = self.summary.get("scenario", {}).get("name", "?")
        replications = self.summary.get("run", {}).get("replications", "?")
        where = f"in {self.path}" if self.path else "read from a temporary folder"
        return f"<ccsim RunResult {scenario!r}: {replications} replications, {len(self.metrics)} metrics, {where}>"


class StaffResult:
    """A `ccsim staff --out` folder: ``staffing`` (staffing.csv) and ``run`` (the final plan's run)."""

    def __init__(self, folder: pathlib.Path):
        self.path = pathlib.Path(folder)
        self.staffing: pd.DataFrame = _read_csv(self.path / "staffing.csv")
        self.run: Optional[RunResult] = RunResult(self.path) if (self.path / "summary.json").exists() else None

    def __repr__(self) -> str:
        return f"<ccsim StaffResult: {len(self.staffing)} interval × team rows, in {self.path}>"


class ScheduleResult:
    """A `ccsim schedule --out` folder: ``schedule``, ``coverage``, ``staffing`` (when the
    requirement came from it) and ``run`` (the schedule's simulation)."""

    def __init__(self, folder: pathlib.Path):
        self.path = pathlib.Path(folder)
        self.schedule: pd.DataFrame = _read_csv(self.path / "schedule.csv")
        self.coverage: Optional[pd.DataFrame] = _read_csv(self.path / "coverage.csv", required=False)
        self.staffing: Optional[pd.DataFrame] = _read_csv(self.path / "staffing.csv", required=False)
        self.run: Optional[RunResult] = RunResult(self.path) if (self.path / "summary.json").exists() else None

    def __repr__(self) -> str:
        return f"<ccsim ScheduleResult: {len(self.schedule)} shifts, in {self.path}>"


class RoiResult:
    """A `ccsim roi --out` folder: ``roi`` (roi.json as a dict), ``weekly``, ``replications``,
    ``tornado`` and, with several programs, ``ranking``."""

    def __init__(self, folder: pathlib.Path):
        self.path = pathlib.Path(folder)
        self.roi: Dict[str, Any] = _read_json(self.path / "roi.json")
        if self.roi.get("kind") != "roi":
            raise OutputError(f"{self.path / 'roi.json'}: not a ccsim roi output (kind is not 'roi')")
        self.weekly: Optional[pd.DataFrame] = _read_csv(self.path / "weekly.csv", required=False)
        self.replications: Optional[pd.DataFrame] = _read_csv(self.path / "replications.csv", required=False)
        self.tornado: Optional[pd.DataFrame] = _read_csv(self.path / "tornado.csv", required=False)
        self.ranking: Optional[pd.DataFrame] = _read_csv(self.path / "ranking.csv", required=False)

    @property
    def estimates(self) -> pd.DataFrame:
        """The headline estimates (cost, benefit, net, npv, roi when present), one row each, with the
        columns of roi.json: mean, standard_deviation (across replications), lower, upper (the CI), count.
        roi is mean net / mean cost (a ratio estimate): its standard_deviation is that of the residuals
        net - roi * cost over the mean cost, so that standard_deviation / sqrt(count) is its standard error."""
        rows = []
        for name in ["cost", "benefit", "net", "npv", "roi"]:
            entry = self.roi.get(name)
            if isinstance(entry, dict) and "mean" in entry:
                rows.append({"estimate": name, **{k: entry.get(k) for k in ["mean", "standard_deviation", "lower", "upper", "count"]}})
        return pd.DataFrame(rows)

    def __repr__(self) -> str:
        return f"<ccsim RoiResult {' + '.join(self.roi.get('programs', []))}: in {self.path}>"
