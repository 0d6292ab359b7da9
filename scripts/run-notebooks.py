"""Executes every notebook in notebooks/ top to bottom; exits non-zero if any cell fails.

Used by `make notebooks` (and so by `make test` and CI). Every chart a notebook shows is saved
as a PNG under .build/notebooks/NOTEBOOK/ and checked not blank (enough colours and enough
non-background pixels): a notebook that draws nothing, or draws an empty axis, fails. The
executed copies are not written back: committed notebooks carry no outputs.
"""
import base64
import io
import os
import pathlib
import shutil
import sys

import nbformat
from nbclient import NotebookClient
from PIL import Image

root = pathlib.Path(__file__).resolve().parent.parent
charts = root / ".build" / "notebooks"


def blank_reason(png: bytes):
    """Why a chart looks blank, or None: a drawn chart has lines, text and fills in several colours."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image.thumbnail((400, 400))
    colours = image.getcolors(maxcolors=1 << 16) or []
    if len(colours) < 8:
        return f"only {len(colours)} colours"
    background = max(colours)[1]
    drawn = sum(count for count, colour in colours if colour != background)
    share = drawn / (image.width * image.height)
    return None if share >= 0.01 else f"only {share:.2%} of the pixels drawn"


# explore_sweep.ipynb is generic over a store: run it on its default grid and again on a
# Latin hypercube (the store made here first, with the package).
import ccsim  # noqa: E402

lhs = root / "results" / "tiered-lhs6"
ccsim.sweep(root / "scenarios" / "sweeps" / "tiered-lhs6.yaml", out=lhs)
runs = [(path, path.stem, {}) for path in sorted((root / "notebooks").glob("*.ipynb"))]
runs.append((root / "notebooks" / "explore_sweep.ipynb", "explore_sweep-lhs", {"CCSIM_SWEEP_STORE": str(lhs)}))
notebooks = runs
failed = 0
for path, name, environment in runs:
    os.environ.pop("CCSIM_SWEEP_STORE", None)
    os.environ.update(environment)
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
    except Exception as error:  # a failing cell: report it and go on with the others
        failed += 1
        print(f"notebook {name}: FAILED\n{error}", file=sys.stderr)
        continue
    folder = charts / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    problems, saved = [], 0
    for number, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "image/png" not in data:
                continue
            png = base64.b64decode(data["image/png"])
            saved += 1
            target = folder / f"cell{number:02d}-{saved}.png"
            target.write_bytes(png)
            reason = blank_reason(png)
            if reason:
                problems.append(f"{target.relative_to(root)} looks blank: {reason}")
    if not saved:
        problems.append("no chart was shown (a figure must be displayed, not only drawn on a non-interactive backend)")
    if problems:
        failed += 1
        print(f"notebook {name}: FAILED\n  " + "\n  ".join(problems), file=sys.stderr)
    else:
        print(f"notebook {name}: ok, {saved} chart(s) in {folder.relative_to(root)}")
print(f"notebooks: {len(notebooks) - failed} passed, {failed} failed")
sys.exit(1 if failed or not notebooks else 0)
