"""Reading the values ccsim prints: shares (`84.1%`), durations (`4m05s`), numbers (`13,647`)."""
from __future__ import annotations

import re
from typing import Optional

_DURATION = re.compile(r"^(?:(?P<d>\d+(?:\.\d+)?)d)?(?:(?P<h>\d+(?:\.\d+)?)h)?(?:(?P<m>\d+(?:\.\d+)?)m(?!s))?"
                       r"(?:(?P<s>\d+(?:\.\d+)?)s)?(?:(?P<ms>\d+(?:\.\d+)?)ms)?$")


def number(text: str) -> Optional[float]:
    """`84.1%` → 0.841, `4m05s` → 245, `13,647` → 13647, `2.16` → 2.16; None when not a value."""
    text = text.strip()
    if not text or text in {"—", "–", "-"}:
        return None
    if text.endswith("%"):
        try:
            return float(text[:-1].replace(",", "")) / 100
        except ValueError:
            return None
    try:
        return float(text.replace(",", ""))
    except ValueError:
        pass
    match = _DURATION.match(text)
    if match and any(match.groupdict().values()):
        parts = {k: float(v) for k, v in match.groupdict().items() if v}
        return (parts.get("d", 0) * 86400 + parts.get("h", 0) * 3600 + parts.get("m", 0) * 60
                + parts.get("s", 0) + parts.get("ms", 0) / 1000)
    return None


def yaml_value(value) -> str:
    """A Python value as a `--set` value: YAML flow text (JSON is YAML) for mappings and lists,
    `true`/`false` for booleans, the text itself for strings (`5m`, `80%`, `540/h`)."""
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
