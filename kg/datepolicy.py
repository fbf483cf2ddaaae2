"""One date policy for every page and API: a date is stated, inferred from the article, or unknown.

The extractor dates an event by a time expression of its clause, sentence or
context (``ckg:dateFrom`` "clause", "sentence", "context"); an event with none
gets its article's publication date, marked ``ckg:dateFrom "publication"``
(:func:`kg.rdf.event_triples`). Pages, JSON and exports show the three cases
the same way, through :func:`date_basis` and :func:`date_label`, and never
pass an inferred date off as the text's.

Examples
--------
>>> date_basis("2017-08-27", "sentence"), date_basis("2017-08-27", "publication"), date_basis("", "")
(<DateBasis.STATED: 'stated'>, <DateBasis.INFERRED: 'inferred'>, <DateBasis.UNKNOWN: 'unknown'>)
>>> date_label("2017-08-27T07:00:00", DateBasis.STATED)
'2017-08-27'
>>> date_label("2017-08-27", DateBasis.INFERRED)
'2017-08-27 (article date)'
>>> date_label("", DateBasis.UNKNOWN)
'date unknown'
"""

from __future__ import annotations

from enum import Enum

INFERRED_FROM = "publication"
"""The ``ckg:dateFrom`` value of a date inferred from the article's publication date."""


class DateBasis(str, Enum):
    """Where an event's date comes from."""

    STATED = "stated"  # a time expression of the text
    INFERRED = "inferred"  # the article's publication date
    UNKNOWN = "unknown"  # neither


def date_basis(date: str | None, date_from: str | None) -> DateBasis:
    """The basis of an event's ``date`` given its ``ckg:dateFrom`` (empty or None when absent)."""
    if not date:
        return DateBasis.UNKNOWN
    return DateBasis.INFERRED if date_from == INFERRED_FROM else DateBasis.STATED


def date_label(date: str | None, basis: DateBasis) -> str:
    """How pages show a date: its day, marked when inferred; "date unknown" when there is none."""
    if basis is DateBasis.UNKNOWN or not date:
        return "date unknown"
    day = date[:10]
    return f"{day} (article date)" if basis is DateBasis.INFERRED else day


def dated(date: str | None, date_from: str | None) -> dict[str, str]:
    """The date fields every JSON record of an event carries: ``date``, ``date_basis``, ``date_label``.

    >>> dated("2017-08-27", "publication")["date_label"]
    '2017-08-27 (article date)'
    """
    basis = date_basis(date, date_from)
    return {"date": date or "", "date_basis": basis.value, "date_label": date_label(date, basis)}
