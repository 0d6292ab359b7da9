"""Finding and running the ccsim executable."""
from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
from typing import List, Optional, Sequence

from .errors import BinaryNotFoundError, from_process


def binary() -> str:
    """The ccsim executable: ``CCSIM_BIN`` if set, else ``ccsim`` on PATH, else the release
    build of the repository this package sits in (``.build/release/ccsim``)."""
    configured = os.environ.get("CCSIM_BIN")
    if configured:
        path = pathlib.Path(configured)
        if not (path.is_file() and os.access(path, os.X_OK)):
            raise BinaryNotFoundError(f"CCSIM_BIN={configured} is not an executable file; build ccsim with `make build` "
                                      "and point CCSIM_BIN at .build/release/ccsim")
        return str(path)
    found = shutil.which("ccsim")
    if found:
        return found
    for root in [pathlib.Path(__file__).resolve().parents[2], pathlib.Path.cwd(), *pathlib.Path.cwd().parents]:
        candidate = root / ".build" / "release" / "ccsim"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    raise BinaryNotFoundError("ccsim is not built or not found: run `make build` in the ccsim repository, then put "
                              ".build/release on PATH or set CCSIM_BIN=/path/to/ccsim")


def run_ccsim(arguments: Sequence[str], cwd: Optional[str] = None) -> subprocess.CompletedProcess:
    """Runs ``ccsim ARGUMENTS``; raises the typed error for a non-zero exit."""
    command: List[str] = [binary(), *[str(a) for a in arguments]]
    process = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if process.returncode != 0:
        raise from_process(["ccsim", *command[1:]], process.returncode, process.stderr)
    return process
