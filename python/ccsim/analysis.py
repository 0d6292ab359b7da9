"""What matters in a sweep: main effects and two-way interactions of a grid, partial rank
correlation coefficients (PRCC) of a Latin hypercube, each with a bootstrap confidence interval.

Computed on the runs (not the point means), so the intervals carry the replication noise; the
bootstrap resamples runs within each point (a grid) or whole points (a hypercube, where each
point is one draw of the parameters).
"""
from __future__ import annotations

from itertools import combinations
from typing import List, Sequence

import numpy as np
import pandas as pd


def _runs(long: pd.DataFrame, metric: str) -> pd.DataFrame:
    runs = long[(long.metric == metric) & (long.status == "ok")].dropna(subset=["value"])
    if runs.empty:
        raise KeyError(f"no values of {metric!r} in the store")
    return runs


def main_effects(long: pd.DataFrame, metric: str, parameters: Sequence[str], level: float = 0.95,
                 resamples: int = 400, seed: int = 1) -> pd.DataFrame:
    """A grid's signed effects: per parameter, the metric's mean at its highest level minus at
    its lowest (averaged over the other parameters); per pair, the difference of differences at
    the corners of their table, (y[hi a, hi b] − y[lo a, hi b]) − (y[hi a, lo b] − y[lo a, lo b]):
    how much a's effect changes between b's lowest and highest level (0 when they just add up).
    Bootstrap intervals (runs resampled within points). Sorted by |effect|, largest first.
    ``ccsim sweep analyze`` computes the same estimates."""
    runs = _runs(long, metric)
    rng = np.random.default_rng(seed)

    def statistics(frame: pd.DataFrame) -> List[float]:
        cells = frame.groupby(list(parameters)).value.mean()
        values = []
        for p in parameters:
            means = cells.groupby(level=p).mean()
            values.append(means.loc[means.index.max()] - means.loc[means.index.min()])
        for a, b in combinations(parameters, 2):
            table = cells.groupby(level=[a, b]).mean()
            lo_a, hi_a = table.index.get_level_values(a).min(), table.index.get_level_values(a).max()
            lo_b, hi_b = table.index.get_level_values(b).min(), table.index.get_level_values(b).max()
            values.append((table[(hi_a, hi_b)] - table[(lo_a, hi_b)]) - (table[(hi_a, lo_b)] - table[(lo_a, lo_b)]))
        return values

    names = [("main", p) for p in parameters] + [("interaction", f"{a} × {b}") for a, b in combinations(parameters, 2)]
    estimate = statistics(runs)
    groups = [g for _, g in runs.groupby("point")]
    draws = []
    for _ in range(resamples):
        sample = pd.concat([g.sample(len(g), replace=True, random_state=rng.integers(2**31)) for g in groups])
        draws.append(statistics(sample))
    draws = np.array(draws)
    tail = (1 - level) / 2
    rows = [{"kind": kind, "term": term, "metric": metric, "effect": value,
             "ci_lower": float(np.quantile(draws[:, i], tail)), "ci_upper": float(np.quantile(draws[:, i], 1 - tail))}
            for i, ((kind, term), value) in enumerate(zip(names, estimate))]
    frame = pd.DataFrame(rows)
    return frame.reindex(frame.effect.abs().sort_values(ascending=False, kind="stable").index).reset_index(drop=True)


def prcc(long: pd.DataFrame, metric: str, parameters: Sequence[str], level: float = 0.95,
         resamples: int = 400, seed: int = 1) -> pd.DataFrame:
    """A Latin hypercube's partial rank correlation coefficients: per parameter, the correlation
    of the ranks of the parameter and of the metric (point means) once the linear effect of the
    other parameters' ranks is removed from both; −1…1, with a bootstrap interval over points.
    Sorted by |PRCC|, largest first."""
    points = _runs(long, metric).groupby("point").agg({**{p: "first" for p in parameters}, "value": "mean"})
    if len(points) < len(parameters) + 3:
        raise ValueError(f"PRCC needs more points than parameters + 2, got {len(points)} for {len(parameters)}")
    rng = np.random.default_rng(seed)

    def coefficients(frame: pd.DataFrame) -> List[float]:
        ranks = frame.rank().to_numpy(dtype=float)
        x, y = ranks[:, :-1], ranks[:, -1]
        values = []
        for i in range(x.shape[1]):
            others = np.column_stack([np.ones(len(y)), np.delete(x, i, axis=1)])
            rx = x[:, i] - others @ np.linalg.lstsq(others, x[:, i], rcond=None)[0]
            ry = y - others @ np.linalg.lstsq(others, y, rcond=None)[0]
            denominator = np.sqrt((rx @ rx) * (ry @ ry))
            values.append(float(rx @ ry / denominator) if denominator > 0 else 0.0)
        return values

    estimate = coefficients(points)
    draws = np.array([coefficients(points.iloc[rng.integers(0, len(points), len(points))]) for _ in range(resamples)])
    tail = (1 - level) / 2
    rows = [{"parameter": p, "metric": metric, "prcc": value,
             "ci_lower": float(np.nanquantile(draws[:, i], tail)), "ci_upper": float(np.nanquantile(draws[:, i], 1 - tail))}
            for i, (p, value) in enumerate(zip(parameters, estimate))]
    frame = pd.DataFrame(rows)
    return frame.reindex(frame.prcc.abs().sort_values(ascending=False).index).reset_index(drop=True)
