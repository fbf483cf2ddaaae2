"""Where an event happens, capitals that act for their state, and PLOVER's place-as-target."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text
from kg.model import Article, Event, Extraction, Mention, Span


def _extract(extractor, text):
    return extractor.extract(article_from_text(text, origin="t"))


def _roles(extraction):
    return [(e.event_type, e.agents, e.targets, e.place) for e in extraction.events]


def test_event_place_is_its_own_locative_not_the_subjects(extractor):
    found = _extract(extractor, "Demonstrators in Baghdad blocked a road near Mosul.")
    assert [e.place for e in found.events] == ["mosul"]  # Baghdad is where the demonstrators are


def test_place_behind_a_place_noun_is_the_events_place(extractor):
    found = _extract(extractor, "Israel has strengthened its forces in the town of Hermel.")
    assert _roles(found) == [("Mobilize", ("israel",), (), "hermel")]


def test_capital_as_subject_is_its_state(extractor):
    found = _extract(extractor, "Beirut rejected the proposal.")
    assert [(m.span.text, m.kind, m.key) for m in found.mentions] == [("Beirut", "actor", "lebanon")]
    assert [e.agents for e in found.events] == [("lebanon",)]


def test_shelled_capital_stays_a_place(extractor):
    found = _extract(extractor, "The Syrian army shelled Beirut.")
    assert _roles(found) == [("Shelling", ("syria-military",), (), "beirut")]


def test_world_capital_is_a_place_of_its_country():
    from kg.extract.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    assert (gazetteer.places["kabul"].country, gazetteer.places["kabul"].kind) == ("AFG", "capital")
    assert gazetteer.state_at("kabul") == "afghanistan"
    assert gazetteer.state_at("hermel") is None  # a town names no state
    assert gazetteer.place_aliases["tripoli"] == "tripoli-lebanon"


def _article(text):
    return Article(key="a", text=text, sha256="x")


def test_plover_codes_the_place_of_an_untargeted_hostile_event_as_target():
    from kg.evaluate.plover import place_target

    text = "ISIS shelled Arsal."
    mentions = (Mention(Span(0, 4, "ISIS"), 0, "actor", "isis"),
                Mention(Span(13, 18, "Arsal"), 0, "place", "arsal"))
    shelling = Event(0, "Shelling", Span(5, 12, "shelled"), 0, ("isis",), place="arsal")
    talks = Event(1, "Negotiate", Span(5, 12, "shelled"), 0, ("isis",), place="arsal")
    aimed = Event(2, "Shelling", Span(5, 12, "shelled"), 0, ("isis",), ("lebanon",), place="arsal")
    extraction = Extraction(article=_article(text), mentions=mentions)
    assert place_target(extraction, shelling) == ["Arsal"]
    assert place_target(extraction, talks) == []  # talks in Arsal are not aimed at it
    assert place_target(extraction, aimed) == []  # a target actor wins


@pytest.mark.parametrize("text, place", [
    ("Syria will withdraw its troops from Lebanon.", "lebanon"),
    ("Israel has strengthened its forces in Lebanon.", "lebanon"),
])
def test_locative_objects_place_the_event(extractor, text, place):
    assert [e.place for e in _extract(extractor, text).events] == [place]


def test_more_world_countries_compose_and_capitals_name_them(extractor):
    found = _extract(extractor, "Rebels in the Ivory Coast blocked roads into Abidjan.")
    assert _roles(found) == [("Protest", ("ivory-coast-rebels",), (), "abidjan")]
    assert extractor.gazetteer.state_at("juba") == "south-sudan"


def test_country_inside_a_longer_place_is_no_composite(extractor):
    found = _extract(extractor, "Militants in the Niger Delta attacked an oil platform.")
    mentions = [(m.span.text, m.key) for m in found.mentions]
    assert ("Niger Delta", "niger-delta") in mentions  # the militants are Nigeria's (context)
    assert not [key for _, key in mentions if key.startswith("niger-") and key != "niger-delta"]
    found = _extract(extractor, "Soldiers from Niger attacked the camp.")
    assert [e.agents for e in found.events] == [("niger-military",)]


def test_place_of_a_threatened_act_is_the_threats(extractor):
    found = _extract(extractor, "Hamas threatened to impose a curfew in Ramallah.")
    assert [(e.event_type, e.place) for e in found.events][0] == ("Threaten", "ramallah")
