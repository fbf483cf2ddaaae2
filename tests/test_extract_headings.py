"""A heading before a colon names the act its clause tells (kg.extract.headings and the
heading rules of kg.extract.clauses), on made-up sentences."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text


def _extract(extractor, text: str):  # type: ignore[no-untyped-def]
    return extractor.extract(article_from_text(text, origin="headings", meta={
        "id": "headings", "published": "2022-05-12"}))


@pytest.mark.parametrize("text, event_type", [
    ("Property destruction: On 3 May 2022, rebels sabotaged a telephone mast near Kasama.",
     "Looting"),
    ("Defusal: On 3 May 2022, Zambian soldiers found and removed a bomb in Kasama.",
     "DisruptedWeapons"),
    ("Weapons seizure: On 3 May 2022, Zambian police took a cache of rifles in Kasama.",
     "DisruptedWeapons"),
])
def test_a_heading_names_its_event_dated_and_done_by_its_clause(extractor, text, event_type):
    """The heading's noun is the trigger; the date adjunct and the doers are its clause's."""
    extraction = _extract(extractor, text)
    actors = {a.key: a for a in extraction.actors}
    heading = extraction.events[0]
    assert heading.event_type == event_type and heading.trigger.start < text.index(":")
    assert heading.time is not None and heading.time.value == "2022-05-03"
    assert heading.agents and all(actors[k].country == "ZMB" for k in heading.agents)


def test_a_heading_is_no_actor(extractor):
    """ "Defusal" before a colon is the act, not a group the fallback may take for an agent."""
    extraction = _extract(extractor, "Defusal: On 3 May 2022, Zambian soldiers removed a bomb "
                                     "from a market in Kasama.")
    assert not any("defusal" in a.label.lower() for a in extraction.actors)


def test_a_heading_and_its_clause_are_one_event(extractor):
    """ "Property destruction: ..., X burned houses": one happening, one event, with the
    heading's type and the clause's roles."""
    text = ("Property destruction: On 3 May 2022, in Kasama village (Kasama district, Northern "
            "province), Zambian army troops burned down several houses.")
    extraction = _extract(extractor, text)
    actors = {a.key: a for a in extraction.actors}
    looting = [e for e in extraction.events if e.event_type == "Looting"]
    assert len(looting) == 1 and looting[0].trigger.text == "destruction"
    assert [actors[k].sector for k in looting[0].agents] == ["military"]
    assert [actors[k].kind for k in looting[0].targets] == ["civilians"]
    assert [e.index for e in extraction.events] == list(range(len(extraction.events)))


def test_without_a_heading_the_clause_keeps_its_own_event(extractor):
    extraction = _extract(extractor, "On 3 May 2022, in Kasama village (Kasama district, "
                                     "Northern province), Zambian army troops burned down "
                                     "several houses.")
    assert [e.trigger.text for e in extraction.events if e.event_type == "Looting"] == ["burned"]
