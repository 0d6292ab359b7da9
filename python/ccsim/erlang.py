"""`ccsim erlang`: the analytic Erlang C and Erlang A figures, as a table."""
from __future__ import annotations

import re
from typing import Optional

import pandas as pd

from ._binary import run_ccsim
from ._values import number


class ErlangResult:
    """``load`` (Erlangs), ``agents``, and ``table``: one row per model × measure with its
    ``value`` (shares 0–1, times in seconds) and ``text`` as ccsim printed it."""

    def __init__(self, text: str):
        self.text = text
        self.load: Optional[float] = None
        self.agents: Optional[int] = None
        rows = []
        model = None
        for line in text.splitlines():
            header = re.match(r"^Offered load (\S+) Erlangs .*, (\d+) agents$", line)
            if header:
                self.load = number(header.group(1))
                self.agents = int(header.group(2))
            elif line and not line.startswith(" ") and line.startswith("Erlang"):
                model = line.split(" (")[0]
            elif line.startswith("  ") and model:
                match = re.match(r"^\s+(.+?)\s{2,}(\S+)$", line)
                if match:
                    rows.append({"model": model, "measure": match.group(1), "value": number(match.group(2)),
                                 "text": match.group(2)})
                else:
                    rows.append({"model": model, "measure": line.strip(), "value": None, "text": line.strip()})
        self.table = pd.DataFrame(rows, columns=["model", "measure", "value", "text"])

    def value(self, model: str, measure: str) -> Optional[float]:
        """``value("Erlang A", "P(abandon)")``; the measure may be given by its start (`service level`)."""
        rows = self.table[(self.table.model == model) & self.table.measure.str.startswith(measure)]
        if rows.empty:
            raise KeyError(f"no {measure!r} for {model!r}")
        return rows.iloc[0]["value"]

    def __repr__(self) -> str:
        return f"<ccsim ErlangResult: {self.load} Erlangs, {self.agents} agents>\n{self.table.to_string(index=False)}"


def erlang(rate, aht, agents: Optional[int] = None, patience=None, answer_within=None, target=None) -> ErlangResult:
    """Erlang C (and Erlang A with ``patience``) for ``agents``, or the smallest staffing that
    meets ``target``. Quantities are written as in scenarios: ``rate="540/h"``, ``aht="5m"``,
    ``target="80%"`` (numbers: rate per hour, times in seconds, target as a share)."""
    arguments = ["erlang", "--rate", rate if isinstance(rate, str) else f"{rate}/h",
                 "--aht", aht if isinstance(aht, str) else f"{aht}s"]
    if agents is not None:
        arguments += ["--agents", str(agents)]
    if patience is not None:
        arguments += ["--patience", patience if isinstance(patience, str) else f"{patience}s"]
    if answer_within is not None:
        arguments += ["--answer-within", answer_within if isinstance(answer_within, str) else f"{answer_within}s"]
    if target is not None:
        arguments += ["--target", target if isinstance(target, str) else f"{target * 100:g}%"]
    return ErlangResult(run_ccsim(arguments).stdout)
