"""Counterparts an event's own clause does not name (kg.extract.counterpart), on made-up
reports."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text


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


@pytest.mark.parametrize("text", [
    "On 3 May 2022, around 500 people demonstrated in Nairobi against fuel prices. About 20 "
    "counter-demonstrators were present.",
    "On 3 May 2022, activists held a demonstration in Nairobi, where they were met by "
    "counter-protesters."])
def test_a_protest_faces_the_counter_protesters_the_text_names(extractor, text):
    """Counter-protesters named without an event of their own are the protest's other side:
    people of the same kind and country, one actor key on both sides."""
    extraction = extractor.extract(article_from_text(text, origin="counterpart"))
    protest = next(e for e in extraction.events if e.event_type == "Protest")
    assert protest.targets and set(protest.targets) <= set(protest.agents)


def test_a_protest_with_no_counter_protesters_faces_no_one(extractor):
    extraction = extractor.extract(article_from_text(
        "On 3 May 2022, around 500 people demonstrated in Nairobi against fuel prices. About 20 "
        "journalists were present.", origin="counterpart"))
    assert next(e for e in extraction.events if e.event_type == "Protest").targets == ()


def test_every_word_of_the_countered_protests_sentence_faces_the_counter_protest(extractor):
    """ "took to the streets, taking part in a march": one protest told by two words."""
    extraction = extractor.extract(article_from_text(
        "On 3 May 2022, about 300 people took to the streets in Mombasa, taking part in a march, "
        "to protest against fuel prices. A counter-demonstration of about 50 people formed a "
        "human chain.", origin="counterpart"))
    took, taking = extraction.events[:2]
    assert (took.trigger.text, taking.trigger.text) == ("took", "taking")
    assert "kenya-protesters" in took.targets and "kenya-protesters" in taking.targets
