#!/usr/bin/env python3
"""README samples that cannot go stale: every block of README.md between

    <!-- sample: ARGS [| lines A-B,C-D,...] -->
    ```
    ...
    ```
    <!-- /sample -->

is what `ccsim ARGS` prints on stdout (run from the repository root), keeping only the
listed 1-based line ranges (an open range `C-` runs to the end) with `...` where lines are
left out.

    scripts/readme-samples.py [--ccsim PATH]           rewrites README.md
    scripts/readme-samples.py --check [--ccsim PATH]   exits 1, with a diff, when a sample differs

`make readme` rewrites; the CLI test `ReadmeSampleTests` runs the check.
"""
import argparse
import difflib
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"(<!-- sample: (?P<spec>.*?) -->\n```[a-z]*\n)(?P<body>.*?)(```\n<!-- /sample -->)", re.S)


def select(text, spec):
    """The lines of `text` in the ranges of `spec` ("1-9,51-"), with `...` for each gap."""
    lines = text.rstrip("\n").split("\n")
    if not spec:
        return "\n".join(lines) + "\n"
    kept, last = [], 0
    for part in spec.split(","):
        a, _, b = part.strip().partition("-")
        start, end = int(a), (int(b) if b else len(lines))
        if start > last + 1:
            kept.append("...")
        kept += lines[start - 1:end]
        last = end
    if last < len(lines):
        kept.append("...")
    return "\n".join(kept) + "\n"


def render(match, ccsim):
    command, _, ranges = match.group("spec").partition("|")
    ranges = ranges.strip()
    if ranges and not ranges.startswith("lines "):
        sys.exit(f"README.md: sample '{match.group('spec')}': after '|' write 'lines A-B,C-'")
    args = shlex.split(command)
    if not args or args[0] != "ccsim":
        sys.exit(f"README.md: sample '{command}' must start with ccsim")
    run = subprocess.run([ccsim] + args[1:], cwd=ROOT, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"README.md: `{command}` failed ({run.returncode}): {run.stderr.strip()}")
    return match.group(1) + select(run.stdout, ranges[len("lines "):] if ranges else "") + match.group(4)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="exit 1 with a diff when a sample is stale")
    parser.add_argument("--ccsim", default=str(ROOT / ".build/release/ccsim"), help="the ccsim binary")
    parser.add_argument("--readme", default=str(ROOT / "README.md"))
    options = parser.parse_args()
    path = Path(options.readme)
    current = path.read_text()
    if not BLOCK.search(current):
        sys.exit(f"{path}: no <!-- sample: ... --> block")
    fresh = BLOCK.sub(lambda m: render(m, options.ccsim), current)
    if options.check:
        if fresh != current:
            sys.stdout.writelines(difflib.unified_diff(current.splitlines(True), fresh.splitlines(True), "README.md", "ccsim output"))
            print("README.md samples are stale: run scripts/readme-samples.py (or make readme)", file=sys.stderr)
            sys.exit(1)
        return
    if fresh != current:
        path.write_text(fresh)
        print(f"rewrote the samples in {path}")


if __name__ == "__main__":
    main()
