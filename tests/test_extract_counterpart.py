"""Counterparts an event's own clause does not name (kg.extract.counterpart), on made-up
reports."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text
from kg.extract import default_extractor


@pytest.fixture(scope="module")
def extractor():  # type: ignore[no-untyped-def]
    return default_extractor()


@pytest.mark.parametrize("counter", ["a counter-demonstration", "a counter-protest"])
def test_a_counter_protest_and_the_protest_it_counters_face_each_other(extractor, counter):
    extraction = extractor.extract(article_from_text(
        "On 3 May 2022, around 500 people demonstrated in Nairobi against fuel prices. "
        f"Around 40 residents gathered for {counter}.", origin="counterpart"))
    first, second = extraction.events[:2]
    assert first.targets == second.agents and second.targets == first.agents
    assert first.agents


def test_a_second_protest_is_no_counter_protest(extractor):
    extraction = extractor.extract(article_from_text(
        "On 3 May 2022, around 500 people demonstrated in Nairobi against fuel prices. "
        "Around 40 residents gathered for a demonstration in Mombasa.", origin="counterpart"))
    assert [e.targets for e in extraction.events[:2]] == [(), ()]
