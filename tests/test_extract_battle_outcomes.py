"""A battle ending in territory changing hands is one taking against the losers; attempts,
circumstances and untold fights are not (made-up sentences)."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text
from kg.extract.battle_outcomes import with_battle_outcomes
from kg.model import Event, Span
from tests.extraction import roles


@pytest.mark.parametrize("text, expected", [
    ("Malian soldiers clashed with JNIM fighters near Gao and regained control of the area.",
     [("RegainTerritory", ("mali-military",), ("jnim-mali",))]),
    ("JNIM fighters clashed with Malian soldiers in Gao and took control of the area.",
     [("SeizeTerritory", ("jnim-mali",), ("mali-military",))]),
])
def test_a_clash_and_its_taking_are_one_taking_against_the_losers(extractor, text, expected):
    assert roles(extractor, text) == expected


def test_a_clash_before_the_taker_is_named_gives_its_opponent():
    clash = Event(0, "ArmedClash", Span(10, 17, "clashes"), 0, targets=("army",))
    taken = Event(1, "SeizeTerritory", Span(40, 44, "took"), 0, agents=("rebels",),
                  targets=("town-as-actor",))
    (merged,) = with_battle_outcomes([clash, taken])
    assert (merged.index, merged.agents, merged.targets) == (0, ("rebels",),
                                                             ("town-as-actor", "army"))


def test_only_a_clash_and_a_taking_told_as_done_in_one_sentence_by_one_side_merge():
    clash = Event(0, "ArmedClash", Span(0, 7, "clashed"), 0, agents=("army",), targets=("x",))
    elsewhere = Event(1, "SeizeTerritory", Span(50, 54, "took"), 1, agents=("army",))
    others = Event(2, "SeizeTerritory", Span(30, 34, "took"), 0, agents=("third",))
    planned = Event(3, "SeizeTerritory", Span(35, 39, "take"), 0, agents=("army",),
                    modality="planned")
    assert with_battle_outcomes([clash, elsewhere, others, planned]) == [
        clash, *(Event(**{**e.__dict__, "index": n}) for n, e in enumerate(
            (elsewhere, others, planned), start=1))]


def test_a_taking_told_as_the_circumstance_of_a_clash_leaves_the_clash(extractor):
    found = roles(extractor, "JNIM fighters clashed with Malian soldiers in Gao as the soldiers "
                             "seized the area.")
    assert [event_type for event_type, _, _ in found] == ["ArmedClash", "RegainTerritory"]


@pytest.mark.parametrize("text", [
    "JNIM fighters tried to take control of the area near Gao but were repelled by Malian soldiers.",
    "JNIM fighters attempted to advance and capture the area near Gao.",
])
def test_an_attempt_to_take_territory_is_a_clash_not_a_taking(extractor, text):
    assert [event_type for event_type, _, _ in roles(extractor, text)] == ["ArmedClash"]


def test_invading_a_house_takes_no_territory_invading_a_village_does(extractor):
    house = roles(extractor, "Gunmen invaded a house in Gao and killed two men.")
    village = roles(extractor, "JNIM fighters invaded the village near Gao.")
    assert "SeizeTerritory" not in [t for t, _, _ in house]
    assert village == [("SeizeTerritory", ("jnim-mali",), ("mali-military",))]  # its holder


def test_retook_is_retake(extractor):
    assert roles(extractor, "Malian soldiers retook the area near Gao on Monday.") == [
        ("RegainTerritory", ("mali-military",), ())]


def test_a_taking_whose_fight_the_text_does_not_know_is_a_transfer(extractor):
    extraction = extractor.extract(article_from_text(
        "JNIM fighters took control of the area near Gao. No information on whether fighting "
        "took place.", origin="t"))
    assert [(e.event_type, e.modality) for e in extraction.events] == [
        ("Withdraw", "asserted"), ("ArmedClash", "hypothetical")]
    with_fighting = roles(extractor, "JNIM fighters took control of the area near Gao after "
                                     "heavy fighting.")
    assert [t for t, _, _ in with_fighting] == ["SeizeTerritory"]


def test_territory_regained_by_a_group_of_unknown_kind_keeps_the_verbs_word(extractor):
    assert [t for t, _, _ in roles(extractor, "The ZLF regained control of the hill near Goma.")
            ] == ["RegainTerritory"]
    assert [t for t, _, _ in roles(extractor, "The ZLF took control of the hill near Goma.")
            ] == ["SeizeTerritory"]
