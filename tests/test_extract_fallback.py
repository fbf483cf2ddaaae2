"""Unknown actors (named entities, group nouns) filling event roles the gazetteer leaves empty."""

from __future__ import annotations

from kg.documents import article_from_text
from kg.extract import Extractor
from kg.extract.fallback import guess_kind


def _events(extractor, text):
    extraction = extractor.extract(article_from_text(text, origin="fallback"))
    return extraction, [(e.event_type, e.agents, e.targets) for e in extraction.events]


def test_group_noun_becomes_an_agent_with_a_mention(extractor):
    extraction, events = _events(extractor, "Prisoners rioted at a jail on Monday.")
    assert events == [("ViolentDemonstration", ("generic-civilians",), ())]  # of no known country
    (actor,) = [a for a in extraction.actors if a.key == "generic-civilians"]
    assert actor.kind == "civilians"
    assert [m.span.text for m in extraction.mentions if m.key == "generic-civilians"] == ["Prisoners"]


def test_definite_military_noun_stays_unresolved(extractor):
    _, events = _events(extractor, "The soldiers attacked the village.")
    # reported (on a village); agent unresolved; the village's people are its target
    assert events == [("AttackOnCivilians", (), ("generic-civilians",))]  # (kg.extract.owners)


def test_named_entity_fills_only_the_empty_role(extractor):
    _, events = _events(extractor, "Hezbollah condemned Mahmoud Abbas on Monday.")
    assert events == [("Condemn", ("hezbollah",), ("mahmoud-abbas",))]


def test_closed_dictionary_extractor_has_no_fallback(extractor):
    closed = Extractor(nlp=extractor.nlp, gazetteer=extractor.gazetteer, fallback_actors=False)
    _, events = _events(closed, "Prisoners rioted at a jail on Monday.")
    assert events == [("ViolentDemonstration", (), ())]  # the riot, without unknown actors


def test_composite_with_adjective_sector_word_is_the_country(extractor):
    extraction, _ = _events(extractor, "Washington sent U.S. military aid to Lebanon.")
    keys = {m.key for m in extraction.mentions if m.span.text == "U.S."}
    assert keys == {"usa"}


def test_kind_guessed_from_label_and_head_noun():
    assert guess_kind("PERSON", "Mahmoud Abbas") == "person"
    assert guess_kind("ORG", "Kurdistan Workers' Party") == "party"
    assert guess_kind("", "angry paper workers") == "civilians"
    assert guess_kind("ORG", "Acme") == "other"
    assert guess_kind("ORG", "Allied Patriotic Forces") == "armed_group"  # a name, no state's
    assert guess_kind("", "government forces") == "military"  # a noun phrase


def test_title_joins_the_mention_but_not_the_label(extractor):
    extraction, events = _events(extractor, "Kyrgyz Prime Minister Nikolai Tanaev condemned Iraq.")
    assert events == [("Condemn", ("nikolai-tanaev",), ("iraq",))]
    assert [m.span.text for m in extraction.mentions if m.key == "nikolai-tanaev"] == [
        "Kyrgyz Prime Minister Nikolai Tanaev"]
    assert [a.label for a in extraction.actors if a.key == "nikolai-tanaev"] == ["Nikolai Tanaev"]


def test_bracketed_acronym_is_the_same_actor(extractor):
    _, events = _events(extractor, "The Revolutionary United Front (RUF) attacked Freetown residents.")
    assert events[0][1] == ("revolutionary-united-front-sierra-leone",)  # in Freetown


def test_possessive_country_before_a_name_is_the_persons_title(extractor):
    extraction, events = _events(extractor, "Egypt's President Hosni Mubarak rejected the plan.")
    assert events == [("Reject", ("hosni-mubarak",), ())]
    assert [m.span.text for m in extraction.mentions if m.key == "hosni-mubarak"] == [
        "Egypt's President Hosni Mubarak"]
    assert [a.label for a in extraction.actors if a.key == "hosni-mubarak"] == ["Hosni Mubarak"]


def test_modified_forces_and_parties_are_unknown_groups(extractor):
    assert guess_kind("", "Vietnamese-led forces") == "military"
    _, events = _events(extractor, "Seven opposition parties went on a general strike.")
    assert events == [("Protest", ("opposition-parties", "generic-protesters"), ())]  # and
    # their crowd (kg.extract.generic.GenericAgents.crowd)
    assert guess_kind("", "opposition parties") == "party"
    _, events = _events(extractor, "The forces have retaken a strategic village.")
    assert events == [("RegainTerritory", (), ())]  # a definite bare noun stays unresolved


def test_an_unknown_organisation_acts_in_its_sentences_country(extractor):
    extraction, events = _events(extractor, "The Kilimo Liberation Front attacked a police post "
                                            "in Mombasa.")
    (agent,) = events[0][1]
    actor = extraction.actor(agent)
    assert (agent, actor.label, actor.country) == (
        "kilimo-liberation-front-kenya", "Kilimo Liberation Front", "KEN")
    assert [m.span.text for m in extraction.mentions if m.key == agent] == [
        "Kilimo Liberation Front"]  # a name after "the" is a name, without the article


def test_an_unknown_organisation_with_no_known_country_keeps_its_plain_key(extractor):
    _, events = _events(extractor, "The Kilimo Liberation Front attacked a police post.")
    assert events[0][1] == ("kilimo-liberation-front",)


def test_a_name_before_an_armed_group_noun_is_the_group(extractor):
    extraction, events = _events(extractor, "KLF militants killed a trader near Mombasa.")
    (agent,) = events[0][1]
    assert (agent, extraction.actor(agent).label, extraction.actor(agent).kind) == (
        "klf-kenya", "KLF", "armed_group")



def test_an_acronym_the_tagger_does_not_name_is_an_organisation(extractor):
    """Three or more capitals as a proper noun name an organisation the tagger missed (here
    the owner of the base that was hit); counted with an indefinite article they name a thing
    ("an IED")."""
    extraction, events = _events(extractor, "On 24 February 2022, suspected rebels shelled a "
                                            "temporary UNAMKA base near Mombasa. An IED "
                                            "exploded near Garissa.")
    actors = {a.key: a.label for a in extraction.actors}
    shelling = next(targets for kind, _, targets in events if kind == "Shelling")
    assert [actors[k] for k in shelling] == ["UNAMKA"]
    assert "IED" not in actors.values()


def _agent_countries(extractor, text):
    extraction = extractor.extract(article_from_text(text, origin="fallback"))
    actors = {a.key: a for a in extraction.actors}
    return [actors[k].country for k in extraction.events[0].agents]


def test_an_unknown_group_of_people_acts_in_its_sentences_country(extractor):
    assert _agent_countries(extractor, "Members of the Union of Taxi Workers protested in "
                                       "Kisumu, Kenya.") == ["KEN"]


def test_a_people_named_by_nationality_keeps_no_country_of_where_it_is(extractor):
    assert _agent_countries(extractor, "A group of Rohingya refugees staged a protest in "
                                       "Cox's Bazar, Bangladesh.") == [None]


def test_a_name_tagged_as_a_person_on_an_armed_groups_noun_is_that_group(extractor):
    extraction = extractor.extract(article_from_text(
        "Mwangi Kariuki militants attacked a police post near Kitale, Kenya.", origin="fallback"))
    actors = {a.key: a for a in extraction.actors}
    (agent,) = [actors[k] for k in extraction.events[0].agents]
    assert (agent.label, agent.kind, agent.country) == ("Mwangi Kariuki", "armed_group", "KEN")


def test_bracketed_acronym_is_an_alias_of_the_unknown_actor(extractor):
    extraction, events = _events(extractor, "The Revolutionary United Front (RUF) attacked "
                                            "Freetown residents.")
    assert extraction.actor(events[0][1][0]).aliases == ("RUF",)


def test_an_acronym_defined_in_brackets_names_the_same_actor_later_on(extractor):
    extraction, events = _events(extractor, "The Revolutionary United Front (RUF) attacked "
                                            "Koidu residents on Monday. RUF fighters also "
                                            "shelled Kenema.")
    assert len(events) == 2 and events[0][1] == events[1][1]
    assert {extraction.actor(k).label for _, agents, _ in events for k in agents} == {
        "Revolutionary United Front"}
    assert [m.span.text for m in extraction.mentions if m.key == events[0][1][0]] == [
        "Revolutionary United Front", "RUF fighters"]


def test_an_acronym_never_defined_is_an_actor_of_its_own(extractor):
    extraction, events = _events(extractor, "The Revolutionary United Front attacked Koidu "
                                            "residents on Monday. RUF fighters also shelled "
                                            "Kenema.")
    assert {extraction.actor(k).label for _, agents, _ in events for k in agents} == {
        "Revolutionary United Front", "RUF"}


def test_a_name_in_brackets_fills_no_role(extractor):
    """A parenthesis locates or restates what precedes it: "(Kolofata, Mayo-Sava)" is where the
    village lies; the village, civilian property, is what was attacked."""
    _, events = _events(extractor, "On 3 May 2022, Somali rebels attacked Kerawa village "
                                   "(Kolofata, Mayo-Sava) near the border of Kenya.")
    assert events[0][2] == ("kenya-civilians",)


def test_a_name_on_a_people_noun_leaves_the_people_an_actor(extractor):
    """ "three Kilimo youths were shot": the name says which people; the youths are civilians
    of the sentence's country, whether or not the tagger also takes the name for an actor."""
    extraction = extractor.extract(article_from_text(
        "On 3 May 2022, in Garissa, three Kilimo youths were shot by Kenyan soldiers.",
        origin="fallback"))
    actors = {a.key: a for a in extraction.actors}
    shot = next(e for e in extraction.events if e.trigger.text == "shot")
    assert ("civilians", "KEN") in {(actors[k].kind, actors[k].country) for k in shot.targets}


def test_a_name_people_are_members_of_is_a_body_not_a_person(extractor):
    """The tagger may take "Kisan Morcha" for a person's name; a person has no members: it is
    an organisation, whose protest is held by the protesters of its country."""
    extraction = extractor.extract(article_from_text(
        "On 4 June 2022, members of Samyukt Kisan Morcha staged a protest in Jammu city.",
        origin="fallback"))
    actors = {a.key: a for a in extraction.actors}
    protest = extraction.events[0]
    kinds = sorted(actors[k].kind for k in protest.agents)
    assert "person" not in kinds and "civilians" in kinds


def test_a_name_with_a_word_for_a_place_is_no_actor(extractor):
    """ "attacked Kakumbukumbu village": whatever the tagger takes the name for, the village is
    what was attacked, and its people are the target."""
    extraction = extractor.extract(article_from_text(
        "On 19 March 2022, rebels attacked Kakumbukumbu village near Goma, killing 12 civilians.",
        origin="fallback"))
    assert not any("kakumbukumbu" in a.key for a in extraction.actors)


def test_the_name_before_members_is_the_body_they_act_for(extractor):
    """ "Black Hand Clan members set fire to a bus": the members act as the named body."""
    extraction = extractor.extract(article_from_text(
        "On 3 May 2022, suspected Black Hand Clan members set fire to a bus near Garissa.",
        origin="fallback"))
    actors = {a.key: a for a in extraction.actors}
    assert [actors[k].label for k in extraction.events[0].agents] == ["Black Hand Clan"]


def test_a_place_name_modifying_the_object_of_a_locative_preposition_only_locates():
    """ "at Kafrabad, Uzura" parsed with "Kafrabad" as a modifier of "Uzura": still a place."""
    import spacy
    from spacy.tokens import Doc

    from kg.extract.fallback import _locates

    words = ["shelled", "positions", "at", "Kafrabad", ",", "Uzura", "and", "Tarek"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[0, 0, 0, 5, 5, 2, 0, 0],
              deps=["ROOT", "dobj", "prep", "nmod", "punct", "pobj", "cc", "conj"],
              pos=["VERB", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN"])
    assert [_locates(doc[i]) for i in (3, 5, 7)] == [True, True, False]


def test_a_name_on_a_word_for_a_building_names_the_building_not_an_actor():
    """ "a dormitory at Kipsaina primary school", "Mwangaza neighborhood": the parser may hang
    the name as a modifier; the school or neighbourhood is what was hit, not an actor."""
    import spacy
    from spacy.tokens import Doc

    from kg.extract.fallback import _place_named

    words = ["at", "Kipsaina", "primary", "school", "near", "Mwangaza", "market", "and", "Juma"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[0, 3, 3, 0, 0, 6, 4, 6, 6],
              deps=["ROOT", "nmod", "amod", "pobj", "prep", "compound", "pobj", "cc", "conj"],
              pos=["ADP", "PROPN", "ADJ", "NOUN", "ADP", "PROPN", "NOUN", "CCONJ", "PROPN"],
              lemmas=["at", "Kipsaina", "primary", "school", "near", "Mwangaza", "market",
                      "and", "Juma"])
    assert [_place_named(doc[i]) for i in (1, 5, 8)] == [True, True, False]


def test_a_creed_that_describes_a_known_actor_is_no_actor_of_its_own(extractor):
    _, events = _events(extractor, "Shi'ite Hezbollah fought alongside Lebanese troops near "
                                   "Arsal.")
    assert all("shi-ite" not in agents for _, agents, _ in events)
    assert any("hezbollah" in agents for _, agents, _ in events)


def test_a_capitalised_common_noun_of_state_forces_is_the_forces_of_the_context(extractor):
    _, events = _events(extractor, "The Army shelled two villages near Mombasa. Air Forces "
                                   "bombed a camp near Mombasa.")
    assert [agents for _, agents, _ in events] == [("kenya-military",), ("kenya-military",)]


def test_a_force_with_a_name_of_its_own_stays_that_force(extractor):
    _, events = _events(extractor, "The Kenyan National Army shelled two villages near Mombasa.")
    assert events and "kenya-military" not in events[0][1]


def test_a_place_in_the_name_of_a_body_is_part_of_the_name(extractor):
    extraction, events = _events(extractor, "A fighter of the Kenya Freedom Front attacked a "
                                            "police post in Mombasa.")
    labels = [extraction.actor(k).label for k in events[0][1]]
    assert labels == ["Kenya Freedom Front"]
    assert "kenya" not in [m.key for m in extraction.mentions if m.kind == "place"]


def test_a_place_in_the_name_of_state_forces_stays_a_place_of_theirs(extractor):
    extraction, _ = _events(extractor, "The Kenya Defence Forces shelled two villages near Mombasa.")
    assert "kenya" in [m.key for m in extraction.mentions if m.kind == "place"]


def test_capitals_the_tagger_calls_a_common_noun_are_an_acronym_unless_a_modifier_or_weapon():
    """"with the FAKDM" names an organisation though tagged NN; "NGO vehicles" modifies a thing
    and "the IED" is a weapon of the event lexicon."""
    import spacy
    from spacy.tokens import Doc

    from kg.extract.fallback import _acronym

    words = ["with", "the", "FAKDM", "NGO", "vehicles", "the", "IED"]
    doc = Doc(spacy.blank("en").vocab, words=words, lemmas=[w.lower() for w in words],
              pos=["ADP", "DET", "NOUN", "NOUN", "NOUN", "DET", "NOUN"],
              tags=["IN", "DT", "NN", "NN", "NNS", "DT", "NN"], heads=[0, 2, 0, 4, 4, 6, 6],
              deps=["ROOT", "det", "pobj", "compound", "ROOT", "det", "ROOT"])
    assert [_acronym(doc[i]) for i in (2, 3, 6)] == [True, False, False]


def test_a_name_that_of_joins_to_a_word_for_a_place_is_no_target(extractor):
    """ "the village of X", "the outskirts of X": a place the text names, unknown to the world
    index perhaps, not an actor struck; "fighters of the X Brigade" stay a body's."""
    for text, name in (("On 12 March 2023, soldiers shelled the village of Ain Issa, Raqqa.", "issa"),
                       ("On 12 March 2023, Israeli forces shelled the outskirts of Aita al-Shaab in "
                        "southern Lebanon.", "shaab")):
        extraction, events = _events(extractor, text)
        assert events and not any(name in t for t in events[0][2])
        assert not any(name in a.key for a in extraction.actors)
    _, events = _events(extractor, "On 12 March 2023, soldiers clashed with fighters of the "
                                   "Zorvanix Brigade in Raqqa.")
    assert events and any("zorvanix" in t for t in events[0][2])


def test_a_name_after_a_lower_case_arabic_article_is_a_name(extractor):
    """The article joined to a capitalised word starts a name ("al-Shabaab"), as running text
    writes it: the tagger's organisation, not civilians."""
    extraction, events = _events(extractor, "On 3 May 2022, soldiers killed two al-Shabaab "
                                            "commanders near Garissa.")
    assert [extraction.actor(k).label for k in events[0][2]] == ["al-Shabaab"]


def test_a_force_noun_a_name_qualifies_is_an_organisation_not_the_states_forces(extractor):
    """"the Lord's Resistance Army", untagged by the recogniser, is no state's army; "the
    Kenyan Army" and "Special Forces" are."""
    extraction, events = _events(extractor, "On 3 May 2022, the Lord's Resistance Army abducted "
                                            "ten villagers near Garissa, Kenya.")
    assert [extraction.actor(k).label for k in events[0][1]] == ["Lord's Resistance Army"]
    extraction, events = _events(extractor, "On 3 May 2022, Special Forces raided a house in "
                                            "Garissa, Kenya.")
    assert [extraction.actor(k).kind for k in events[0][1]] == ["military"]


def test_a_name_ending_after_a_possessive_is_the_organisation_not_a_community(extractor):
    extraction, events = _events(extractor, "On 3 May 2022, Kenyan soldiers clashed with New "
                                            "People's Army rebels near Garissa.")
    assert [extraction.actor(k).label for k in events[0][2]] == ["New People's Army"]


def test_a_weapon_spelt_like_a_name_is_no_actor(extractor):
    extraction, events = _events(
        extractor, "On 5 June 2022, an Improvised Explosive Device exploded outside a school.")
    assert [t for t, _, _ in events] == ["Bombing"]
    assert not [a for a in extraction.actors if "Device" in a.label]


def test_an_acronym_of_the_event_lexicon_is_a_weapon_not_an_organisation(extractor):
    """"IED", written as an acronym, names the bomb; it is no actor."""
    found = extractor.extract(article_from_text(
        "Three people were killed and 25 were injured in an IED blast in Lahore.", origin="t"))
    assert not any(a.label == "IED" for a in found.actors)


def test_a_state_body_named_by_its_common_noun_is_the_forces_of_the_context(extractor):
    """"The Federal Police", "the Border Police": the state's police, no organisation of their
    own; "Defense Force" may be a band fighting the state and stays a name."""
    _, events = _events(extractor, "On 3 May 2022, gunmen attacked the Federal Police near "
                                   "Mombasa. The Border Police arrested two men in Mombasa.")
    assert "kenya-police" in events[0][2] and "kenya-police" in events[1][1]
    _, events = _events(extractor, "On 3 May 2022, the Defense Force attacked the army near "
                                   "Mombasa.")
    assert "kenya-military" not in events[0][1]
