"""What a network view shows: edge groups, date range, weights, ego and size limits.

The same :class:`ViewFilter` drives the page's first state, the exports
(GEXF, GraphML, SPARQL) and the browser's own filtering (``network.js``
implements the same rules on the data the page carries).

Examples
--------
>>> f = ViewFilter.from_params({"groups": "fights,co-acts", "from": "2017-08-01", "min_weight": "2"})
>>> f.groups, f.start, f.min_weight
(('co-acts', 'fights'), '2017-08-01', 2)
>>> ViewFilter.from_params(f.to_params()) == f
True
>>> group_of("ArmedClash"), group_of("CoAgent"), group_of("Nonsense")
('fights', 'co-acts', 'other')
>>> in_range("2013", "2013-06-01", "2017-01-01"), in_range("2012-12", "2013-01-01", None)
(True, False)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields

from kg.analysis.families import RELATION_FAMILIES, family_of
from kg.analysis.projection import date_span, date_window
from kg.errors import InputError

EDGE_GROUPS = RELATION_FAMILIES
"""Relation families the page toggles together (defined in :mod:`kg.analysis.families`)."""

GROUP_COLOURS = {"fights": "#d55e00", "coerces": "#e69f00", "accuses": "#cc79a7",
                 "negotiates": "#009e73", "mediates": "#0072b2", "supports": "#56b4e9",
                 "allied": "#8f7f00", "co-acts": "#000000", "other": "#999999"}
"""The Okabe-Ito palette, distinguishable with every common colour-vision deficiency (allied:
its yellow, darkened to show on white)."""
GROUP_DASHES: dict[str, list[int] | bool] = {
    "fights": False, "coerces": [12, 5], "accuses": [2, 5], "negotiates": [12, 4, 2, 4],
    "mediates": [6, 3], "supports": False, "allied": [10, 3, 2, 3, 2, 3], "co-acts": [3, 9],
    "other": [1, 6]}
"""A dash pattern per family (vis-network's ``dashes``), so no family differs by colour alone;
the two solid families, fights and supports, are far apart in hue and lightness."""
DEFAULT_LIMIT = 5000


def group_of(edge_type: str) -> str:
    """The toggle group of an edge type (``other`` when unknown)."""
    return family_of(edge_type)


def in_range(date: str, start: str | None, end: str | None) -> bool:
    """Whether an event dated ``date`` can fall in ``[start, end]``; undated events always can."""
    if not date or (start is None and end is None):
        return True
    first, last = date_span(date)
    return (start is None or last >= start) and (end is None or first <= end)


def _window(params: Mapping[str, str]) -> tuple[str | None, str | None]:
    """``from`` and ``to`` as first and last day (:func:`~kg.analysis.projection.date_window`).

    >>> _window({"from": "2017-02", "to": "2017-02"})
    ('2017-02-01', '2017-02-28')
    >>> _window({"to": "2017-02-30"})
    Traceback (most recent call last):
    ...
    kg.errors.InputError: to: no such date: '2017-02-30' (YYYY, YYYY-MM or YYYY-MM-DD; month 1-12, day within the month)
    """
    return date_window(params.get("from") or None, params.get("to") or None, ("from", "to"))


def _int(value: str | None, name: str, default: int, low: int, high: int) -> int:
    if value in (None, ""):
        return default
    try:
        number = int(str(value))
    except ValueError:
        raise InputError(f"{name}: not a whole number: {value!r}") from None
    if not low <= number <= high:
        raise InputError(f"{name}: must be between {low} and {high}, not {number}")
    return number


@dataclass(frozen=True)
class ViewFilter:
    """One view of the network; every field has a query parameter of the same meaning.

    ``groups`` empty means all groups; ``focus`` is an actor URI and ``hops`` the
    ego radius; ``limit`` caps the number of actors (the most central are kept).
    """

    groups: tuple[str, ...] = ()
    start: str | None = None
    end: str | None = None
    min_weight: int = 1
    focus: str | None = None
    hops: int = 1
    isolated: bool = True
    limit: int = DEFAULT_LIMIT

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> ViewFilter:
        """Read ``groups, from, to, min_weight, focus, hops, isolated, limit``; bad values raise."""
        groups = tuple(sorted({g for g in (params.get("groups") or "").split(",") if g}))
        unknown = [g for g in groups if g not in EDGE_GROUPS]
        if unknown:
            raise InputError(f"groups: unknown edge group(s) {unknown}; known: {list(EDGE_GROUPS)}")
        start, end = _window(params)
        return cls(groups=groups, start=start, end=end,
                   min_weight=_int(params.get("min_weight"), "min_weight", 1, 1, 1_000_000),
                   focus=params.get("focus") or None,
                   hops=_int(params.get("hops"), "hops", 1, 0, 10),
                   isolated=(params.get("isolated") or "1") not in ("0", "false", "no"),
                   limit=_int(params.get("limit"), "limit", DEFAULT_LIMIT, 1, 1_000_000))

    def to_params(self) -> dict[str, str]:
        """The query parameters that give this filter back (defaults left out)."""
        default, params = ViewFilter(), {}
        names = {"start": "from", "end": "to"}
        for field in fields(self):
            value = getattr(self, field.name)
            if value == getattr(default, field.name):
                continue
            if field.name == "groups":
                value = ",".join(value)
            elif field.name == "isolated":
                value = "1" if value else "0"
            params[names.get(field.name, field.name)] = str(value)
        return params

    def as_dict(self) -> dict[str, object]:
        """Plain data for the page (JSON)."""
        data = asdict(self)
        data["groups"] = list(self.groups)
        return data

    def shows_group(self, group: str) -> bool:
        return not self.groups or group in self.groups
