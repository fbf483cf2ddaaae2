"""Time expressions: found by pattern, normalised with their granularity.

Absolute dates keep the granularity they were written with ("2013" stays a
year). Relative ones ("Sunday", "today", "earlier this month") are resolved
against the publication date: a weekday means the latest such day on or before
it, so "Sunday" in an article of Sunday 2017-08-27 is that Sunday. Vague spans
("a decade ago", "last week") are left alone rather than guessed.

Examples
--------
>>> import datetime as dt
>>> [(t.text, t.value, t.granularity) for t in find_times(
...     "Kassab was kidnapped in 2013. Talks began on Sunday.", dt.date(2017, 8, 27))]
[('2013', '2013', 'year'), ('Sunday', '2017-08-27', 'day')]
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from kg.model import Article, Span, TimeExpr

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|" \
         r"November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|" \
         r"Nov\.?|Dec\.?)"
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("mdy", re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b")),
    ("dmy", re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b")),
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b")),
    ("my", re.compile(r"\b(?:in\s+)?" + _MONTH + r"\s+(?P<year>\d{4})\b")),
    ("clock", re.compile(r"\b(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*"
                         r"(?P<ampm>[AaPp])\.?\s?[Mm]\.?(?!\w)")),
    ("weekday", re.compile(r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                           r"Sunday)\b")),
    ("relative", re.compile(r"\b(?P<rel>today|yesterday|earlier this month|this month|"
                            r"last month|this year|last year)\b", re.IGNORECASE)),
    ("year", re.compile(r"(?:(?<=\bin )|(?<=\bsince )|(?<=\buntil )|(?<=\bby )|(?<=\bof )|"
                        r"(?<=\bfrom )|(?<=\bduring )|(?<=, )|(?<=^))(?P<year>19[4-9]\d|20\d\d)"
                        r"\b(?!\s+[a-z])")),
]


@dataclass(frozen=True)
class FoundTime:
    """A normalised time expression at ``[start, end)`` of the text."""

    start: int
    end: int
    text: str
    value: str
    granularity: str
    relative: bool


def _month_number(name: str) -> int:
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(name.lower().rstrip(".")[:3]))


def _absolute(kind: str, match: re.Match[str]) -> tuple[str, str] | None:
    groups = match.groupdict()
    year = int(groups["year"])
    month = int(groups["mnum"]) if kind == "iso" else _month_number(groups["month"]) \
        if groups.get("month") else None
    try:
        if kind in ("mdy", "dmy", "iso"):
            return dt.date(year, month or 1, int(groups["day"])).isoformat(), "day"
    except ValueError:
        return None
    if kind == "my":
        return f"{year:04d}-{month:02d}", "month"
    return f"{year:04d}", "year"


def _relative(kind: str, match: re.Match[str], published: dt.date) -> tuple[str, str]:
    if kind == "clock":  # a time of day ("7 A.M."), resolved against the publication day
        hour = int(match["hour"]) % 12 + (12 if match["ampm"].lower() == "p" else 0)
        return f"{published.isoformat()}T{hour:02d}:{int(match['minute'] or 0):02d}", "time"
    if kind == "weekday":
        wanted = WEEKDAYS.index(match["weekday"].lower())
        day = published - dt.timedelta(days=(published.weekday() - wanted) % 7)
        return day.isoformat(), "day"
    rel = match["rel"].lower()
    if rel == "today":
        return published.isoformat(), "day"
    if rel == "yesterday":
        return (published - dt.timedelta(days=1)).isoformat(), "day"
    if rel in ("earlier this month", "this month"):
        return published.strftime("%Y-%m"), "month"
    if rel == "last month":
        first = published.replace(day=1) - dt.timedelta(days=1)
        return first.strftime("%Y-%m"), "month"
    return str(published.year - (rel == "last year")), "year"


def find_times(text: str, published: dt.date | None) -> list[FoundTime]:
    """Return the time expressions of ``text``, leftmost-longest, without overlaps.

    Relative expressions are skipped when ``published`` is unknown.
    """
    found: list[FoundTime] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            relative = kind in ("weekday", "relative", "clock")
            if relative and published is None:
                continue
            normal = _relative(kind, match, published) if relative else _absolute(kind, match)  # type: ignore[arg-type]
            if normal is None:
                continue
            taken.append((start, end))
            found.append(FoundTime(start, end, text[start:end], normal[0], normal[1], relative))
    return _on_days_told(sorted(found, key=lambda t: t.start))


def _on_days_told(found: list[FoundTime]) -> list[FoundTime]:
    """Times of day on the day the text last named before them ("On 13 May 2022, ... at 6:30
    am" is 13 May's, "yesterday at 5 pm" the day before publication), not on the publication day;
    the publication day only where it names none.

    >>> told = _on_days_told([FoundTime(3, 14, "13 May 2022", "2022-05-13", "day", False),
    ...                       FoundTime(40, 47, "6:30 am", "2022-05-15T06:30", "time", True)])
    >>> told[1].value, told[1].relative
    ('2022-05-13T06:30', False)
    """
    day = None
    for number, time in enumerate(found):
        if time.granularity == "day":
            day = time
        elif time.granularity == "time" and day is not None:  # "yesterday at 5 pm": relative
            found[number] = replace(time, value=day.value + time.value[10:], relative=day.relative)
    return found


def infer_publication_date(text: str) -> dt.date | None:
    """The latest absolute day-precision date in ``text``, or ``None``."""
    days = [dt.date.fromisoformat(t.value) for t in find_times(text, None)
            if t.granularity == "day"]
    return max(days, default=None)


def doc_times(article: Article, doc, sentence_of: dict[int, int]) -> list[TimeExpr]:  # type: ignore[no-untyped-def]
    """The article's time expressions (:func:`find_times`) as model objects, each with the
    sentence it lies in (``sentence_of``: token index -> sentence number)."""
    times = []
    for found in find_times(article.text, article.published):
        piece = doc.char_span(found.start, found.end, alignment_mode="expand")
        if piece is None or piece.start not in sentence_of:
            continue
        times.append(TimeExpr(Span(found.start, found.end, found.text), sentence_of[piece.start],
                              found.value, found.granularity, found.relative))  # type: ignore[arg-type]
    return times
