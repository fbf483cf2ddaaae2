"""Time expressions and what they are anchored to (kg.extract.dates), on made-up reports."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.dates import find_times

PUBLISHED = dt.date(2022, 5, 15)


@pytest.mark.parametrize("text, value, relative", [
    ("On 13 May 2022, soldiers shelled the village at 6:30 am.", "2022-05-13T06:30", False),
    ("Soldiers shelled the village at 6:30 am.", "2022-05-15T06:30", True),
    ("On 13 May 2022, troops arrived. On 14 May 2022 at 5 pm they shelled it.",
     "2022-05-14T17:00", False),
])
def test_a_time_of_day_falls_on_the_day_last_named_before_it(text, value, relative):
    """Not on the publication day, where the text names the day it tells of."""
    clock = [t for t in find_times(text, PUBLISHED) if t.granularity == "time"]
    assert [(t.value, t.relative) for t in clock] == [(value, relative)]


def test_a_relative_day_anchors_a_time_of_day_relative_to_publication():
    """"yesterday at 5 pm": the day before publication, relative to it as the day is."""
    clock = [t for t in find_times("Yesterday at 5 pm soldiers shelled the village.", PUBLISHED)
             if t.granularity == "time"]
    assert [(t.value, t.relative) for t in clock] == [("2022-05-14T17:00", True)]
