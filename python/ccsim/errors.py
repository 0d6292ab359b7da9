"""Typed errors that carry ccsim's own messages.

ccsim reports a bad input as one line per problem, ``FILE:LINE:COL: field.path: problem``,
and exits with status 2; a bad command line exits with 64; other failures (a store from a
different sweep, a full disk) exit with 1. Each becomes its own exception class here, with the
lines kept as they were printed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional, Sequence


class CcsimError(Exception):
    """ccsim failed. ``message`` is what it printed on stderr (``error:`` prefixes removed),
    ``status`` its exit status and ``command`` the command line that was run."""

    def __init__(self, message: str, status: Optional[int] = None, command: Sequence[str] = ()):
        super().__init__(message)
        self.message = message
        self.status = status
        self.command = list(command)


class BinaryNotFoundError(CcsimError):
    """The ccsim executable was not found (set CCSIM_BIN, put it on PATH, or run `make build`)."""


class UsageError(CcsimError):
    """A bad command-line argument (ccsim exit status 64), e.g. replications=0."""


@dataclass(frozen=True)
class Issue:
    """One located problem: ``file:line:column: path: message`` as ccsim printed it."""

    file: str
    line: Optional[int]
    column: Optional[int]
    path: str
    message: str
    text: str

    def __str__(self) -> str:
        return self.text


class ScenarioError(CcsimError):
    """A scenario or sweep file (or an override) is invalid (ccsim exit status 2).
    ``issues`` lists every problem, each located."""

    def __init__(self, message: str, status: Optional[int] = None, command: Sequence[str] = (), issues: Sequence[Issue] = ()):
        super().__init__(message, status, command)
        self.issues: List[Issue] = list(issues)


class SweepError(CcsimError):
    """A sweep store problem (a store of a different sweep, a damaged store, a failed write)."""


class OutputError(CcsimError):
    """An output folder is missing, incomplete or not one ccsim writes."""


_LOCATED = re.compile(r"^(?P<file>[^:]+?)(?::(?P<line>\d+)(?::(?P<column>\d+))?)?: (?P<rest>.*)$")


def parse_issue(text: str) -> Issue:
    """Splits ``FILE:LINE:COL: path: message`` (line, column and path optional)."""
    match = _LOCATED.match(text)
    if not match:
        return Issue("", None, None, "", text, text)
    rest = match.group("rest")
    path, message = "", rest
    head, sep, tail = rest.partition(": ")
    # A field path has no spaces (`team.agents`, `channels[0].demand`) unless it is an override (`--set a=b`).
    if sep and (" " not in head or head.startswith("--set")):
        path, message = head, tail
    line = match.group("line")
    column = match.group("column")
    return Issue(match.group("file"), int(line) if line else None, int(column) if column else None, path, message, text)


def from_process(command: Sequence[str], status: int, stderr: str) -> CcsimError:
    """The exception for a failed ccsim process."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    errors = [line[len("error: "):] for line in lines if line.startswith("error: ")]
    if status == 2 and errors:
        message = "\n".join(errors)
        return ScenarioError(message, status, command, [parse_issue(e) for e in errors])
    if errors:
        message = "\n".join(errors)
    else:
        message = "\n".join(lines[-5:]) or f"ccsim exited with status {status}"
    if status == 64:
        return UsageError(message, status, command)
    if command[1:2] == ["sweep"]:
        return SweepError(message, status, command)
    return CcsimError(message, status, command)
