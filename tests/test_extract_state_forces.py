"""The forces of the state where an event happened (kg.extract.state_forces)."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text
from kg.model import Event, Span


def _event(place: str | None) -> Event:
    return Event(0, "SeizeTerritory", Span(0, 4, "took"), 0, agents=("rebels",), place=place)


def test_territory_is_held_by_the_armed_forces_of_the_state_it_lies_in(extractor):
    from kg.extract.state_forces import holding_forces

    import spacy

    held_by = holding_forces(extractor.gazetteer, spacy.blank("en")("took the town"))
    assert held_by(_event("juba")) == "south-sudan-military"
    assert held_by(_event(None)) is None


def test_a_victim_like_the_strikers_is_the_force_of_the_state_struck(extractor):
    from kg.extract.state_forces import struck_forces

    gazetteer = extractor.gazetteer
    other = struck_forces(gazetteer, lambda key: gazetteer.generic("military", "kenya"))
    strike = Event(0, "AirStrike", Span(0, 6, "struck"), 0, agents=("kenya-military",),
                   place="mogadishu")
    assert other("kenya-military", strike) == "somalia-military"
    assert other("kenya-military", Event(0, "AirStrike", Span(0, 6, "struck"), 0)) is None


@pytest.mark.parametrize("text, targets", [
    ("On 3 May 2022, rebels took control of a village in Rutshuru territory (Nord-Kivu).",
     ("congo-drc-military",)),
    ("On 3 May 2022, rebels took control of a village in Rutshuru territory (Nord-Kivu) from "
     "a rival militia.", None),
    ("On 3 May 2022, the army took control of a village in Rutshuru territory (Nord-Kivu).", ()),
    ("Rutshuru territory (Nord-Kivu) saw the worst fighting in 2014, when rebels briefly overran "
     "the town of Kiwanja.", ())])
def test_territory_taken_from_no_one_named_is_taken_from_the_states_forces(extractor, text,
                                                                          targets):
    """Not where the text names whom it was taken from, nor where the state's forces take it,
    nor for a taking told only as the circumstance of a time ("in 2014, when ...")."""
    extraction = extractor.extract(article_from_text(text, origin="state_forces"))
    taking = next(e for e in extraction.events if e.event_type in ("SeizeTerritory",
                                                                   "RegainTerritory"))
    if targets is None:
        assert "congo-drc-military" not in taking.targets
    else:
        assert taking.targets == targets
