"""kg.extract.actors: the phrase a role mention stands for (its extent), on real parses."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text
from kg.evaluate.plover import main_event, mention_phrase
from kg.extract.extent import actor_nouns


def _role_phrases(extractor, text):
    """(mention text, phrase) of the main event's agents and targets."""
    doc = extractor.nlp(text)
    extraction = extractor.build(article_from_text(text, origin="extent"), doc)
    phrase = mention_phrase(doc, actor_nouns(extractor.gazetteer))
    event = main_event(extraction)
    mentions = {m.key: m for m in extraction.mentions if m.kind == "actor"}
    return {key: (mentions[key].span.text, phrase(mentions[key]))
            for key in (*event.agents, *event.targets)}


@pytest.mark.parametrize("text, key, mention, phrase", [
    # left modifiers and an "in X" phrase join the head; the actor stays the composite
    ("Ethnic Albanians in south Serbia are demanding a U.N. military presence.",
     "albania-civilians", "Albanians", "Ethnic Albanians in south Serbia"),
    # a number stops the left side; "of X" joins with X's own title
    ("About 200 supporters of former President Ahmed Ben Bella blocked roads in Algiers.",
     "algeria-civilians", "supporters", "supporters of former President Ahmed Ben Bella"),
    # a possessive capital standing for its state modifies the office that acts
    ("Cairo's security chief has warned the Kifaya group.", "egypt", "Cairo", "Cairo's security chief"),
    # a name modifying an office: the office is the phrase
    ("U.N. Secretary-General Kofi Annan condemned the attack on Monday.", "united-nations", "U.N.",
     "U.N. Secretary-General Kofi Annan"),
])
def test_role_mention_extends_to_its_noun_phrase(extractor, text, key, mention, phrase):
    assert _role_phrases(extractor, text)[key] == (mention, phrase)


@pytest.mark.parametrize("text, key, phrase", [
    # a bracketed acronym is the name before it ("Cooperation" modifies the forum)
    ("The Asia-Pacific Economic Cooperation (APEC) forum condemned Iraq.", "apec",
     "Asia-Pacific Economic Cooperation (APEC) forum"),
    # "a member of X" acts as a member: the member noun is the phrase
    ("A member of the Syrian parliament started a hunger strike to protest Israel's policy.",
     "syria-government", "member of the Syrian parliament"),
    # a relational noun in a possessive: "Belarus's rulers"
    ("Berlin rejected recent calls by Belarus's rulers for economic aid.", "belarus",
     "Belarus's rulers"),
])
def test_names_inside_a_larger_actor_phrase(extractor, text, key, phrase):
    assert _role_phrases(extractor, text)[key][1] == phrase


def test_coordinated_modifier_is_another_actor(extractor):
    phrases = _role_phrases(extractor, "Senior Hungarian and Romanian officials agreed on a plan.")
    assert phrases["romania-government"] == ("Romanian officials", "Romanian officials")


def test_descriptive_noun_before_a_name_stays_out(extractor):
    phrases = _role_phrases(extractor, "Human rights watchdog Amnesty International condemned Sudan.")
    assert [p for _, p in phrases.values()] == ["Amnesty International", "Sudan"]


@pytest.mark.parametrize("text, keys", [
    ("Estonian and Latvian troops clashed near the border on Monday.",
     {"estonia-military", "latvia-military"}),
    ("Dutch, Belgian and Danish police arrested the smugglers.",
     {"netherlands-police", "belgium-police", "denmark-police"}),
])
def test_each_coordinated_nationality_composes_its_own_actor(extractor, text, keys):
    extraction = extractor.build(article_from_text(text, origin="coordinated"), extractor.nlp(text))
    assert keys <= set(main_event(extraction).agents)


def test_coordinated_nationality_adjective_is_its_own_phrase(extractor):
    phrases = _role_phrases(extractor, "Senior Estonian and Latvian officials agreed on a plan.")
    assert phrases["estonia-government"] == ("Estonian", "Estonian")


@pytest.mark.parametrize("text, key, phrase", [
    ("On 4 May 2022, the Kenyan military troops burned houses near Garissa.", "kenya-military",
     "Kenyan military troops"),
    ("On 4 May 2022, Ugandan military soldiers attacked a camp near Gulu.", "uganda-military",
     "Ugandan military soldiers"),
    # a sector noun modifying another sector's head names the head's sector, unless it moves
    # the head into its own ("police forces")
    ("On 4 May 2022, Kenyan government forces burned houses near Garissa.", "kenya-military",
     "Kenyan government forces"),
    ("On 4 May 2022, Ugandan regime troops attacked a camp near Gulu.", "uganda-military",
     "Ugandan regime troops"),
    ("On 4 May 2022, Kenyan police forces attacked a camp near Garissa.", "kenya-police",
     "Kenyan police forces"),
])
def test_a_sector_word_before_a_sectors_noun_composes_over_both(extractor, text, key, phrase):
    extraction = extractor.extract(article_from_text(text, origin="actors"))
    assert (phrase, key) in {(m.span.text, m.key) for m in extraction.mentions}
    assert any(key in e.agents for e in extraction.events), extraction.events


def test_a_sector_adjective_before_another_noun_names_no_actor(extractor):
    extraction = extractor.extract(article_from_text(
        "Kenyan military aid arrived in Mogadishu on Monday.", origin="actors"))
    assert "kenya-military" not in {m.key for m in extraction.mentions}


def test_government_officials_stay_the_government(extractor):
    extraction = extractor.extract(article_from_text(
        "Kenyan government officials condemned the attack on Monday.", origin="actors"))
    assert "kenya-military" not in {m.key for m in extraction.mentions}


@pytest.mark.parametrize("text", ["Houthi forces shelled government positions in Taiz.",
                                  "A Houthi drone struck a base on Monday.",
                                  "Government troops shelled Houthi positions near Marib."])
def test_a_group_named_in_the_plural_is_named_by_its_singular_before_a_noun(extractor, text):
    """Dated before the movement came to power, so that its name is the movement's."""
    extraction = extractor.extract(article_from_text(text, origin="singular",
                                                     meta={"published": "2012-05-01"}))
    assert "houthis" in {a.key for a in extraction.actors}
    assert not any(a.key.startswith("houthi-") for a in extraction.actors)


def test_a_singular_name_after_anti_is_the_groups_enemy(extractor):
    extraction = extractor.extract(article_from_text(
        "On 3 May 2022, anti-Houthi forces clashed with Houthi fighters in Hays district "
        "(Al Hudaydah).", origin="singular", meta={"published": "2012-05-05"}))
    event = extraction.events[0]
    assert (event.agents, event.targets) == (("yemen-military",), ("houthis",))


@pytest.mark.parametrize("text", ["Hama fighters clashed with the army.",
                                  "Reuter correspondents were detained."])
def test_a_singular_that_names_a_place_or_a_single_body_is_no_plural_group(extractor, text):
    extraction = extractor.extract(article_from_text(text, origin="singular"))
    assert not {"hamas", "reuters"} & {a.key for a in extraction.actors}


def test_a_capital_after_its_place_noun_is_a_place_not_its_government(extractor):
    from tests.test_extract_world_places import _places

    places = _places(extractor, "Police in Kenya's capital Nairobi fired tear gas at students.")
    assert places["Nairobi"].country == "KEN"

