"""A stateless organisation acts through its branch in the country of its context
(kg.extract.theatres), on made-up reports."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text


def _agents(extractor, text: str):  # type: ignore[no-untyped-def]
    extraction = extractor.extract(article_from_text(text, origin="theatres"))
    actors = {a.key: a for a in extraction.actors}
    return [actors[k] for k in extraction.events[0].agents], actors


@pytest.mark.parametrize("text, key, country, organisation", [
    ("On 3 May 2022, IS militants attacked an army checkpoint near Kirkuk.", "isis-iraq", "IRQ",
     "isis"),
    ("On 3 May 2022, Islamic State fighters ambushed a patrol near Garissa, Kenya.",
     "isis-kenya", "KEN", "isis"),
    ("On 3 May 2022, al-Qaeda militants attacked a police post near Garissa, Kenya.",
     "al-qaeda-kenya", "KEN", "al-qaeda"),
])
def test_a_stateless_organisation_acts_through_its_branch_where_it_acts(extractor, text, key,
                                                                        country, organisation):
    agents, actors = _agents(extractor, text)
    assert [(a.key, a.country, a.parent) for a in agents] == [(key, country, organisation)]
    assert actors[organisation].country is None  # the organisation itself stays stateless


def test_a_branch_is_named_as_the_organisation_is(extractor):
    agents, _ = _agents(extractor, "On 3 May 2022, IS militants attacked an army checkpoint "
                                   "near Kirkuk.")
    assert agents[0].label == "Islamic State (Iraq)" and "ISIS" in agents[0].aliases


def test_a_group_with_a_home_country_has_no_branch(extractor):
    agents, _ = _agents(extractor, "On 3 May 2022, Hezbollah fighters attacked an army "
                                   "checkpoint near Homs.")
    assert [a.key for a in agents] == ["hezbollah"]


def test_with_no_country_in_context_the_organisation_acts(extractor):
    agents, _ = _agents(extractor, "IS militants attacked an army checkpoint.")
    assert [a.key for a in agents] == ["isis"]


def test_an_article_across_borders_tells_of_the_organisation_itself(extractor):
    extraction = extractor.extract(article_from_text(
        "On 3 May 2022, IS militants attacked a checkpoint near Kirkuk. On 4 May 2022, IS "
        "militants attacked a checkpoint near Homs.", origin="theatres"))
    assert [e.agents for e in extraction.events] == [("isis",), ("isis",)]
