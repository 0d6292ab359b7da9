"""Executes every notebook in notebooks/ top to bottom; exits non-zero if any cell fails.

Used by `make notebooks` (and so by `make test` and CI). Outputs are discarded:
committed notebooks carry none.
"""
import pathlib
import sys

import nbformat
from nbclient import NotebookClient

root = pathlib.Path(__file__).resolve().parent.parent
notebooks = sorted((root / "notebooks").glob("*.ipynb"))
failed = 0
for path in notebooks:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
        print(f"notebook {path.name}: ok")
    except Exception as error:  # a failing cell: report it and go on with the others
        failed += 1
        print(f"notebook {path.name}: FAILED\n{error}", file=sys.stderr)
print(f"notebooks: {len(notebooks) - failed} passed, {failed} failed")
sys.exit(1 if failed or not notebooks else 0)
