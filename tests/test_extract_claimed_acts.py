"""Acts claimed after they are told (kg.extract.claimed_acts), on made-up sentences."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text
from kg.extract.claimed_acts import Claimed, with_claimed_acts
from kg.model import Event, Span


def _first(extractor, text: str) -> Event:  # type: ignore[no-untyped-def]
    return extractor.extract(article_from_text(text, origin="claims")).events[0]


@pytest.mark.parametrize("text", [
    "Two soldiers were shot dead near Tyre. Later Hezbollah claimed responsibility for the attack.",
    "Gunmen attacked a checkpoint near Tyre on Monday. Hezbollah claimed responsibility.",
    "A car was set on fire near Tyre. Two days later, Hezbollah took responsibility.",
])
def test_who_claims_an_act_told_before_is_its_agent(extractor, text):
    assert _first(extractor, text).agents == ("hezbollah",)


@pytest.mark.parametrize("text", [
    "Two soldiers were shot dead near Tyre. No group claimed responsibility for the attack.",
    "Two soldiers were shot dead near Tyre. Hezbollah did not claim responsibility.",
])
def test_a_denied_claim_names_no_agent(extractor, text):
    assert "hezbollah" not in _first(extractor, text).agents


def test_a_named_agent_is_kept_against_a_later_claim(extractor):
    event = _first(extractor, "Israeli soldiers shot two men near Tyre. Hezbollah claimed "
                              "responsibility for a rocket attack.")
    assert "hezbollah" not in event.agents


@pytest.mark.parametrize("text", [
    "On 2 June 2022, IS claimed killing a soldier near Mosul.",
    "A soldier was shot dead near Mosul. Later IS claimed responsibility for the attack.",
])
def test_is_misread_as_an_auxiliary_is_still_the_subject(extractor, text):
    assert _first(extractor, text).agents == ("isis-iraq",)  # IS of a report from Mosul


def test_a_claim_reaches_back_only_a_few_sentences():
    far = Event(0, "ArmedClash", Span(0, 4, "shot"), 0, agents=("unknown",))
    near = Event(1, "ArmedClash", Span(90, 94, "shot"), 3, agents=("unknown",))
    claim = Claimed(sentence=4, start=120, claimants=("front",))
    found = with_claimed_acts([far, near], [claim], {"unknown"}.__contains__)
    assert [e.agents for e in found] == [("unknown",), ("front",)]
