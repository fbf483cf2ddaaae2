"""Render analysis results as JSON, CSV or a readable table.

A :class:`Result` has a ``summary`` (numbers about the whole graph) and
``rows`` (one per dyad, actor, bloc, hop ...). Actors are always
``{"uri": ..., "label": ...}``: in JSON as such, in CSV as ``<field>_uri`` and
``<field>_label`` columns, in the table by label.

Examples
--------
>>> r = Result("demo", rows=[{"actor": {"uri": "u:a", "label": "A"}, "score": 1.5,
...                          "roles": {"liaison": 1}, "evidence": ["e1", "e2"]}])
>>> print(render(r, "csv").strip())
actor_uri,actor_label,score,roles,evidence
u:a,A,1.5,"{""liaison"": 1}",e1|e2
>>> print(render(r, "table", columns=("actor", "score")))
actor  score
-----  -----
A      1.5
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from kg.errors import InputError

FORMATS = ("json", "csv", "table")
CELL_WIDTH = 60


@dataclass
class Result:
    """What an analysis returns: its name, the filters it ran with, a summary and rows."""

    name: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    filters: dict[str, Any] = field(default_factory=dict)
    columns: tuple[str, ...] = ()  # the table's columns; all of them when empty

    def as_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {"analysis": self.name, "filters": self.filters, "summary": self.summary,
                "rows": self.rows}

    to_dict = as_dict


def is_actor(value: object) -> bool:
    """Whether ``value`` is an actor reference ``{"uri", "label"}``."""
    return isinstance(value, dict) and set(value) == {"uri", "label"}


def flatten(row: dict[str, Any]) -> dict[str, str]:
    """One CSV row: actors (and lists of actors) in ``_uri``/``_label`` columns, lists joined by
    ``|``, dicts as JSON."""
    flat: dict[str, str] = {}
    for key, value in row.items():
        if is_actor(value):
            flat[f"{key}_uri"], flat[f"{key}_label"] = value["uri"], value["label"]
        elif isinstance(value, list) and value and all(is_actor(v) for v in value):
            flat[f"{key}_uri"] = "|".join(v["uri"] for v in value)
            flat[f"{key}_label"] = "|".join(v["label"] for v in value)
        elif isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
            flat[key] = "|".join(str(v) for v in value)
        elif isinstance(value, dict | list):
            flat[key] = json.dumps(value, ensure_ascii=False, sort_keys=True)
        else:
            flat[key] = "" if value is None else str(value)
    return flat


def _item(value: object) -> str:
    if is_actor(value):
        return value["label"]  # type: ignore[index]
    if isinstance(value, dict) and "event_type" in value:
        return f"{value['event_type']} {value.get('date', '')}".strip()
    return str(value)


def _cell(value: object) -> str:
    if is_actor(value):
        text = value["label"]  # type: ignore[index]
    elif isinstance(value, list):
        text = "; ".join(_item(v) for v in value)
    elif isinstance(value, dict):
        text = ", ".join(f"{k} {v}" for k, v in value.items() if v)
    elif isinstance(value, float):
        text = f"{value:.4g}"
    else:
        text = "" if value is None else str(value)
    text = " ".join(text.split())
    return text if len(text) <= CELL_WIDTH else text[:CELL_WIDTH - 1] + "…"


def table(rows: list[dict[str, Any]], columns: Sequence[str]) -> str:
    """Fixed-width text table of ``rows`` (a header, a rule, one line per row)."""
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(line[i]) for line in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)) for line in cells]
    return "\n".join(line.rstrip() for line in lines)


def _summary_lines(summary: dict[str, Any]) -> list[str]:
    return [f"{key}: {len(value)} (in json)" if isinstance(value, list) and value
            and isinstance(value[0], dict | list) else f"{key}: {_cell(value)}"
            for key, value in summary.items()]


def encoded(result: Result) -> bytes:
    """The JSON of ``result`` as UTF-8 bytes, straight from orjson with no text made of it (at
    100,000 articles the balance answer is 133 MB: decoding it and writing the text took 0.2 s
    more than writing the bytes). :func:`render` gives the same JSON as text.

    >>> encoded(Result("demo")).decode("utf-8") == render(Result("demo"))
    True
    """
    import orjson  # json.dumps(indent=2)'s JSON about ten times faster; floats in their
    # shortest form (0.000058 where json.dumps wrote 5.8e-05)

    return orjson.dumps(result.as_dict(), option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS)


def render(result: Result, fmt: str = "json", columns: Sequence[str] | None = None) -> str:
    """Render ``result`` as ``json``, ``csv`` or ``table``; raise InputError for another format."""
    if fmt == "json":
        return encoded(result).decode("utf-8")
    if fmt == "csv":
        flat = [flatten(row) for row in result.rows]
        names = list(dict.fromkeys(k for row in flat for k in row))
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=names, lineterminator="\n")
        writer.writeheader()
        writer.writerows(flat)
        return out.getvalue()
    if fmt == "table":
        chosen = list(columns or result.columns or dict.fromkeys(k for r in result.rows for k in r))
        head = _summary_lines(result.summary)
        body = table(result.rows, chosen) if chosen else "(no rows)"
        return "\n".join(head + ([""] if head else []) + [body])
    raise InputError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}")
