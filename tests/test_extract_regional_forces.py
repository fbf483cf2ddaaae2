"""State forces named by a place of their country (kg.extract.regional_forces).

The sentences are made up for these tests.
"""

from __future__ import annotations

import pytest

from kg.documents import article_from_text


def _agents(extractor, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    extraction = extractor.extract(article_from_text(text, origin="t"))
    return {k for e in extraction.events for k in e.agents}


@pytest.mark.parametrize("text, agent", [
    ("Mombasa police arrested two traders in Kenya.", "kenya-police"),
    ("Mombasa county police arrested two traders near Malindi.", "kenya-police"),
])
def test_a_force_named_by_a_place_of_its_country_is_that_state_s(extractor, text, agent):
    assert agent in _agents(extractor, text)


def test_a_capitalised_force_noun_is_part_of_a_name_not_a_state_unit(extractor):
    agents = _agents(extractor, "The Mombasa Liberation Army attacked a police post near Malindi.")
    assert "kenya-military" not in agents
