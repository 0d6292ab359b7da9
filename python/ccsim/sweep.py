"""A sweep's result store (`sweep.sqlite`), read with pandas; tidy forms come from ccsim itself
(`sweep export --long`, `sweep summarize`), so column names and statistics are ccsim's."""
from __future__ import annotations

import json
import pathlib
import sqlite3
import tempfile
from typing import Any, Dict, List, Optional

import pandas as pd

from ._binary import run_ccsim
from .errors import OutputError

STORE_FILE = "sweep.sqlite"


def store_path(folder) -> pathlib.Path:
    path = pathlib.Path(folder)
    return path if path.suffix == ".sqlite" else path / STORE_FILE


class SweepStore:
    """The result store of `ccsim sweep`: ``meta`` (a dict: name, seed, design, ``parameters``
    and ``metrics`` decoded), ``points`` and ``runs`` (the store's tables as written: columns
    named by paths and metric names), and tidy views:

    - ``parameters``: each snake_case parameter column with its path, operation and what it
      holds (value, factor or result);
    - ``long()``: one row per run × metric with snake_case parameter columns;
    - ``summary()``: one row per point × metric: mean, sd, confidence interval and count;
    - ``intervals()``: the per-interval series the sweep recorded (its ``series:`` field), one
      row per run × series × interval with snake_case parameter columns;
      ``interval_summary()``: their per-point means by interval with confidence intervals.
    """

    def __init__(self, folder):
        self.file = store_path(folder)
        self.path = self.file.parent
        if not self.file.exists():
            raise OutputError(f"no sweep store at {self.file} (run `ccsim sweep SWEEP.yaml` first)")
        with self._connect() as db:
            try:
                meta = pd.read_sql("SELECT * FROM meta", db)
            except Exception as error:  # pandas wraps sqlite's errors
                raise OutputError(f"{self.file} is not a ccsim sweep store ({error})") from None
            self.points: pd.DataFrame = pd.read_sql("SELECT * FROM points ORDER BY id", db)
            self.runs: pd.DataFrame = pd.read_sql("SELECT * FROM runs ORDER BY point, replication", db)
        if meta.empty:
            raise OutputError(f"{self.file} is not a ccsim sweep store (no meta row)")
        row = meta.iloc[0].to_dict()
        row["parameters"] = json.loads(row["parameters"])
        row["metrics"] = json.loads(row["metrics"])
        # Stores written before ccsim recorded per-interval series have no `series` in meta.
        row["series"] = json.loads(row["series"]) if isinstance(row.get("series"), str) else []
        self.meta: Dict[str, Any] = row
        self._parameters: Optional[pd.DataFrame] = None
        self._long: Optional[pd.DataFrame] = None
        self._intervals: Optional[pd.DataFrame] = None

    def _connect(self) -> sqlite3.Connection:
        # Read-only, so a notebook can read while a sweep writes (the store is in WAL mode).
        return sqlite3.connect(f"file:{self.file}?mode=ro", uri=True)

    @property
    def name(self) -> str:
        return self.meta["sweep_name"]

    @property
    def metrics(self) -> List[str]:
        return list(self.meta["metrics"])

    @property
    def series(self) -> List[str]:
        """The per-interval series every run records (empty when the sweep lists none)."""
        return list(self.meta["series"])

    @property
    def design(self) -> str:
        """`grid` or `latin_hypercube(points: N, seed: S)`."""
        return self.meta["design"]

    @property
    def is_grid(self) -> bool:
        return self.design == "grid"

    def _export_long(self) -> None:
        with tempfile.TemporaryDirectory(prefix="ccsim-long-") as scratch:
            target = pathlib.Path(scratch) / "long.csv"
            run_ccsim(["sweep", "export", str(self.file), "--long", "--out", str(target)])
            self._long = pd.read_csv(target)
            self._parameters = pd.read_csv(pathlib.Path(scratch) / "long-parameters.csv")

    @property
    def parameters(self) -> pd.DataFrame:
        """`column, path, operation, holds`: the snake_case parameter columns of the tidy views."""
        if self._parameters is None:
            self._export_long()
        return self._parameters

    def parameter_columns(self, varied_only: bool = False) -> List[str]:
        """The snake_case parameter columns (values and results, not factors); with
        ``varied_only``, those that take more than one value over the points."""
        columns = [c for c, holds in zip(self.parameters.column, self.parameters.holds) if holds != "factor"]
        if varied_only:
            data = self.long()
            columns = [c for c in columns if data[c].nunique(dropna=True) > 1]
        return columns

    def long(self) -> pd.DataFrame:
        """One row per run × metric: `point, replication, seed, replication_index, status,
        <parameter columns>, metric, value` (``ccsim sweep export --long``)."""
        if self._long is None:
            self._export_long()
        return self._long.copy()

    def intervals(self) -> pd.DataFrame:
        """One row per run × series × interval: `point, replication, seed, replication_index,
        status, <parameter columns>, series, interval, start_seconds, length_seconds, value`
        (``ccsim sweep export --intervals``); ``start`` is the interval's start as a Timedelta
        after the warm-up. Empty (with those columns) when the sweep records no series."""
        if self._intervals is None:
            if not self.series:
                columns = ["point", "replication", "seed", "replication_index", "status", *self.parameters.column,
                           "series", "interval", "start_seconds", "length_seconds", "value", "start"]
                self._intervals = pd.DataFrame(columns=columns)
            else:
                with tempfile.TemporaryDirectory(prefix="ccsim-intervals-") as scratch:
                    target = pathlib.Path(scratch) / "intervals.csv"
                    run_ccsim(["sweep", "export", str(self.file), "--intervals", "--out", str(target)])
                    frame = pd.read_csv(target)
                frame["start"] = pd.to_timedelta(frame["start_seconds"], unit="s")
                self._intervals = frame
        return self._intervals.copy()

    def interval_summary(self, level: float = 0.95) -> pd.DataFrame:
        """One row per point × series × interval: the point's snake_case parameters, `series,
        interval, start_seconds, length_seconds, mean, sd, ci_lower, ci_upper, n` — Student-t
        intervals over the point's successful runs, from ``ccsim sweep summarize``."""
        if not self.series:
            return pd.DataFrame(columns=["point", *self.parameters.column, "series", "interval", "start_seconds",
                                         "length_seconds", "mean", "sd", "ci_lower", "ci_upper", "n"])
        with tempfile.TemporaryDirectory(prefix="ccsim-summary-") as scratch:
            target = pathlib.Path(scratch) / "summary.csv"
            run_ccsim(["sweep", "summarize", str(self.file), "--level", str(level), "--out", str(target)])
            frame = pd.read_csv(pathlib.Path(scratch) / "summary-intervals.csv")
        frame = frame.drop(columns=["label"]).merge(self._point_parameters(), on="point", how="left")
        columns = ["point", *self.parameters.column, "series", "interval", "start_seconds", "length_seconds",
                   "mean", "sd", "ci_lower", "ci_upper", "n"]
        return frame[columns].reset_index(drop=True)

    def summary(self, level: float = 0.95) -> pd.DataFrame:
        """One row per point × metric: the point's snake_case parameters, `metric, mean, sd,
        ci_lower, ci_upper, n` — Student-t intervals over the point's successful runs, computed
        by ``ccsim sweep summarize``."""
        with tempfile.TemporaryDirectory(prefix="ccsim-summary-") as scratch:
            target = pathlib.Path(scratch) / "summary.csv"
            run_ccsim(["sweep", "summarize", str(self.file), "--level", str(level), "--out", str(target)])
            wide = pd.read_csv(target)
        rows = []
        for metric in self.metrics:
            part = wide[["point", "runs"]].copy()
            part["metric"] = metric
            for suffix, column in [("_mean", "mean"), ("_sd", "sd"), ("_ci_lower", "ci_lower"), ("_ci_upper", "ci_upper"), ("_n", "n")]:
                part[column] = wide[metric + suffix]
            rows.append(part)
        tidy = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame()
        tidy = tidy.merge(self._point_parameters(), on="point", how="left")
        columns = ["point", *self.parameters.column, "runs", "metric", "mean", "sd", "ci_lower", "ci_upper", "n"]
        return tidy[columns].sort_values(["metric", "point"], kind="stable").reset_index(drop=True)

    def _point_parameters(self) -> pd.DataFrame:
        """Every point's parameters under the snake_case names (from the points table, so
        points without runs yet are there too)."""
        frame = pd.DataFrame({"point": self.points["id"]})
        for column, path, holds in zip(self.parameters.column, self.parameters.path, self.parameters.holds):
            source = f"{path} result" if holds == "result" else path
            frame[column] = self.points[source] if source in self.points else pd.NA
        return frame

    def effects(self, metric: str, level: float = 0.95, resamples: int = 400) -> pd.DataFrame:
        """What matters for ``metric``: for a grid, main effects and two-way interactions
        (``kind, term, effect, ci_lower, ci_upper``); for a Latin hypercube, partial rank
        correlation coefficients (``parameter, prcc, ci_lower, ci_upper``). Bootstrap intervals;
        see ``ccsim.analysis``."""
        from .analysis import main_effects, prcc

        varied = self.parameter_columns(varied_only=True)
        if self.is_grid:
            return main_effects(self.long(), metric, varied, level, resamples)
        return prcc(self.long(), metric, varied, level, resamples)

    def __repr__(self) -> str:
        series = f", series {', '.join(self.series)}" if self.series else ""
        return (f"<ccsim SweepStore {self.name!r}: {self.meta['point_count']} points, {len(self.runs)} of "
                f"{self.meta['planned_runs']} runs, {self.design}{series}, in {self.path}>")
