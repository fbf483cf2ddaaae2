"""Roles read from the dependency parse (kg.extract.roles), on made-up sentences."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text
from tests.extraction import first_event as _first
from tests.extraction import roles


def test_an_attack_on_a_thing_targets_the_victims_of_the_act_that_carried_it_out(extractor):
    event = _first(extractor, "Somali rebels attacked the market and killed two traders in Mombasa.")
    assert event.trigger.text == "attacked" and event.targets == ("kenya-civilians",)


def test_a_place_shelled_is_where_the_act_was_aimed_and_its_toll_whom(extractor):
    event = _first(extractor, "Somali rebels shelled Mombasa and killed two traders.")
    assert event.trigger.text == "shelled" and event.targets == ("kenya-civilians",)
    assert event.aim is not None


def test_the_act_a_light_verb_opens_takes_the_victims_of_the_next_act(extractor):
    event = _first(extractor, "Somali rebels opened fire and killed a trader in Mombasa.")
    assert event.targets == ("kenya-civilians",)


def test_the_other_side_of_an_exchange_of_fire_is_a_side_too(extractor):
    """A symmetric predicate's "with" party acts as its subject does (kg.extract.jointness)."""
    event = _first(extractor, "Kenyan soldiers exchanged fire with Somali rebels near Mombasa.")
    assert (event.agents, event.targets, event.agents_act) == (
        ("kenya-military", "somalia-rebels"), (), "mutually")


def test_a_purpose_clause_names_whom_a_verb_of_force_is_aimed_at(extractor):
    """ "opened fire to disperse demonstrators": the dispersal's object is the act's target."""
    event = _first(extractor, "Egyptian police opened fire to disperse student demonstrators "
                              "in Cairo on Monday.")
    assert event.trigger.text == "opened" and event.targets == ("egypt-protesters",)


def test_an_owner_in_the_subject_does_not_exclude_the_owner_of_the_object():
    """A misparsed subject ("village ..., forces set houses on fire") may hold an owned noun;
    the owner found there is no agent, so the houses' owner stays the target."""
    import spacy
    from spacy.tokens import Doc

    from kg.extract.roles import roles

    words = ["village", "forces", "set", "houses"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[2, 2, 2, 2],
              deps=["nsubj", "nsubj", "ROOT", "dobj"], pos=["NOUN", "NOUN", "VERB", "NOUN"],
              lemmas=["village", "force", "set", "house"])
    actor_at = {1: "army"}.get
    owner_at = {0: "people", 3: "people"}.get
    assert roles(doc[2], actor_at, None, owner_at=owner_at) == (("army",), ("people",))


def test_a_clause_of_aim_names_the_target(extractor):
    """ "..., targeting X": the object of the aim is what the act was aimed at."""
    event = _first(extractor, "On 3 May 2022, Somali rebels detonated a bomb near Mombasa, "
                              "targeting Kenyan soldiers.")
    assert event.targets == ("kenya-military",)


def test_the_forces_of_a_named_group_are_that_groups(extractor):
    """ "the combined forces of X and Y" are X's and Y's, not the state's armed forces, who
    stay the target."""
    event = _first(extractor, "On 3 May 2022, the combined forces of Tana Valley Union and the "
                              "KLF attacked the military troops near Mombasa.")
    assert event.agents and not any(k.endswith("-military") for k in event.agents)
    assert [k for k in event.targets if k.endswith("-military")]


def test_the_forces_of_a_country_are_its_armed_forces(extractor):
    event = _first(extractor, "On 3 May 2022, the forces of Kenya attacked Somali rebels "
                              "near Mombasa.")
    assert event.agents == ("kenya-military",)


def test_who_repels_an_act_is_its_target(extractor):
    """ "X attacked ... but were repelled by Y", "Y repelled an attack by X": Y resisted the
    act aimed at it."""
    passive = _first(extractor, "On 3 May 2022, Somali rebels launched an offensive near "
                                "Mombasa but were repelled by Kenyan soldiers.")
    active = _first(extractor, "On 3 May 2022, Kenyan soldiers repelled an attack by Somali "
                               "rebels near Mombasa.")
    assert passive.targets == ("kenya-military",) and active.targets == ("kenya-military",)
    assert active.agents == ("somalia-rebels",)


@pytest.mark.parametrize("text", [
    "Fighting broke out between the army and the rebels near Goma.",  # a noun
    "On 3 May 2022, fighting broke out between the army and the rebels near Goma.",  # a gerund
    "Heavy fighting erupted between the army and the rebels near Goma.",
    "Armed clashes took place between the army and the rebels near Goma."])  # "take place"
def test_the_parties_of_a_fight_that_broke_out_between_them_act_on_each_other(extractor, text):
    """The verb that only tells the event happened carries its "between A and B"."""
    event = _first(extractor, text)
    assert set(event.agents) == {"congo-drc-military", "congo-drc-rebels"}
    assert event.agents_act == "mutually"


def test_whom_a_taking_deprives_is_its_target(extractor):
    """A verb of taking names whom it deprives in its "from" phrase."""
    event = _first(extractor, "On 3 May 2022, rebels seized money from villagers near Goma.")
    assert event.targets == ("congo-drc-civilians",)


@pytest.mark.parametrize("text, side", [
    ("On 3 May 2022, the army recaptured the village from the rebels in Rutshuru territory "
     "(Nord-Kivu).", "congo-drc-rebels"),
    ("On 3 May 2022, government forces regained control of two villages in Harib district "
     "(Marib) from Houthi forces.", "houthis-in-power")])
def test_whom_territory_is_taken_from_is_the_target(extractor, text, side):
    """So is the side a town is won back from, however deep in the object the parser hangs
    the phrase."""
    event = next(e for e in extractor.extract(article_from_text(text, origin="roles")).events
                 if e.event_type in ("RegainTerritory", "SeizeTerritory"))
    assert event.targets == (side,)


def test_a_bare_gerund_label_takes_the_roles_of_its_clause(extractor):
    """ "Looting: ..." names the act its clause tells: the clause's target is the label's."""
    event = _first(extractor, "Looting: On 3 May 2022, rebels seized radios from villagers "
                              "near Goma.")
    assert event.trigger.text == "Looting" and event.targets == ("congo-drc-civilians",)


def test_the_parties_of_a_between_phrase_leave_out_where_they_are(extractor):
    """Names in a locative phrase inside "between ..." are where the parties are."""
    event = _first(extractor, "On 13 May 2022, fighting broke out between two groups at the "
                              "polling center in Aurahi municipality (Mahottari district).")
    assert event.trigger.text == "fighting" and len(event.agents) == 1
    assert not {"aurahi", "mahottari"} & set(event.agents)


@pytest.mark.parametrize("text, target", [
    ("On 11 January 2022, the Kenyan air force carried airstrike against Somali rebels in the "
     "area of Mandera.", "somalia-rebels"),
    ("On 27 June 2022, teachers staged demonstrations in all districts of Mombasa, against the "
     "Kenyan government.", "kenya-government")])
def test_the_against_phrase_of_a_light_verb_is_its_event_nouns_target(extractor, text, target):
    """The parser may hang "against X" on the light verb rather than on its event noun."""
    assert _first(extractor, text).targets == (target,)


def test_the_at_phrase_of_a_light_verb_is_where_not_whom(extractor):
    event = _first(extractor, "On 3 May 2022, teachers held a protest at the Kifaya Foundation "
                              "in Mombasa.")
    assert event.targets == ()


def test_an_event_noun_reported_between_two_sides_has_them_as_parties(extractor):
    """ "a clash was reported between A and B": the passive of a verb of recording tells the
    clash happened, as "broke out between" does."""
    event = _first(extractor, "On 26 January 2022, in Garissa, an armed clash was reported "
                              "between Kenyan soldiers and Somali rebels.")
    assert set(event.agents) == {"kenya-military", "somalia-rebels"}


@pytest.mark.parametrize("text", [
    "On 3 May 2022, fighting broke out between the Kenyan army and the Kilimo Liberation Front "
    "near Garissa.",
    "On 3 May 2022, the Kenyan army and the Kilimo Liberation Front clashed near Garissa."])
def test_each_side_of_a_symmetric_act_is_an_agent_known_or_not(extractor, text):
    """The gazetteer knows one side; the name it does not know is the other side, not dropped."""
    event = _first(extractor, text)
    assert "kenya-military" in event.agents
    assert any(k.startswith("kilimo-liberation-front") for k in event.agents)


def test_an_approximate_count_is_the_verbs_object(extractor):
    """ "raped around 25 women": the parser may take "around" for a preposition."""
    event = _first(extractor, "On 3 May 2022, Kenyan soldiers systematically raped around 25 women "
                              "and girls in Garissa.")
    assert event.targets == ("kenya-civilians",)


def test_a_date_is_no_target(extractor):
    """ "On 5 January 2022, near a village, fighting broke out ...": "on" dates the act; what
    hangs on the date is where, not whom it was aimed at."""
    extraction = extractor.extract(article_from_text(
        "On 5 January 2022, near Ol Doinyo Kale village, Wajir township (Wajir district, Wajir "
        "region) fighting broke out between the Kenyan military forces and Somali rebels.",
        origin="roles"))
    actors = {a.key: a for a in extraction.actors}
    fighting = extraction.events[0]
    assert "civilians" not in {actors[k].kind for k in fighting.targets}


def test_a_participle_of_encounter_names_whom_the_act_met(extractor):
    event = _first(extractor, "On 3 May 2022, Kenyan soldiers launched an offensive near "
                              "Garissa, clashing with Somali rebels.")
    assert event.trigger.text == "offensive" and event.targets == ("somalia-rebels",)


def test_a_participle_of_encounter_on_a_verb_names_whom_the_act_met(extractor):
    event = _first(extractor, "On 3 May 2022, Kenyan soldiers attacked a checkpoint near "
                              "Mombasa, clashing with Somali rebels.")
    assert event.agents == ("kenya-military",) and event.targets == ("somalia-rebels",)


def test_a_noun_of_the_object_misread_as_a_bare_verb_lends_its_phrases_to_the_verb(extractor):
    """ "fired mortars and grenade launchers at X": the parser reads "grenade" as a verb."""
    event = _first(extractor, "On 3 May 2022, Somali rebels fired mortars and grenade launchers "
                              "at the governmental positions near Mandera, Kenya.")
    assert event.agents == ("somalia-rebels",) and event.targets == ("kenya-military",)


def test_a_thrown_weapon_is_aimed_where_the_throwing_verb_says(extractor):
    """ "hurled petrol bombs at a police station": the verb's subject wields the weapon noun,
    its aimed phrase names the target (here the owner of the thing hit)."""
    extraction = extractor.extract(article_from_text(
        "On 3 May 2022, youths threw petrol bombs at a police station in Mombasa, Kenya.",
        origin="roles"))
    event = extraction.events[0]
    assert event.trigger.text == "bombs" and event.targets == ("kenya-police",)


def test_a_participle_of_encounter_hung_on_a_noun_of_the_acts_phrase_names_whom_it_met(extractor):
    """The parser may hang "clashing with X" on the nearest noun ("direction")."""
    event = _first(extractor, "On 3 May 2022, Kenyan soldiers engaged in an unsuccessful "
                              "offensive in the direction of Dhobley, Lower Juba, clashing with "
                              "Somali rebels.")
    assert event.trigger.text == "offensive" and event.targets == ("somalia-rebels",)


def test_who_dies_in_an_attack_is_its_target_not_its_agent(extractor):
    event = _first(extractor, "On 3 May 2022, a trader died in an explosion near Mandera, Kenya.")
    assert event.trigger.text == "explosion" and event.targets == ("kenya-civilians",)
    assert "kenya-civilians" not in event.agents


def test_who_dies_in_a_clash_took_part_in_it(extractor):
    event = _first(extractor, "On 3 May 2022, a Somali rebel died in clashes near Mandera, Kenya.")
    assert event.trigger.text == "clashes" and "somalia-rebels" in event.agents
    assert "somalia-rebels" not in event.targets


def test_a_verb_the_parser_hangs_on_a_root_noun_is_the_main_verb_when_it_takes_an_object(extractor):
    extraction = extractor.extract(article_from_text(
        "On 8 February 2022, Kenyan military forces sealed off and seized the house of a trader "
        "in Garissa.", origin="roles"))
    assert any("kenya-military" in e.agents for e in extraction.events)


@pytest.mark.parametrize("text, agent", [
    ("The Kilimo Front claimed responsibility for an ambush on a police convoy near Mombasa.",
     "kilimo-front-kenya"),
    ("Somali rebels took responsibility for the attack on a police post near Mombasa.",
     "somalia-rebels"),
])
def test_who_claims_responsibility_for_an_act_is_its_agent(extractor, text, agent):
    assert _first(extractor, text).agents == (agent,)  # not an unidentified group


def test_responsibility_one_is_blamed_for_names_no_agent(extractor):
    event = _first(extractor, "Police said an ambush on a convoy near Mombasa was the "
                              "responsibility of unknown men.")
    assert "kenya-police" not in event.agents


def test_a_conjunct_only_the_fallback_knows_joins_the_gazetteers(extractor):
    event = _first(extractor, "Kenyan troops and the Kilimo Brigade attacked a police post "
                              "near Kismayo.")
    assert event.agents[0] == "kenya-military" and len(event.agents) == 2
    assert event.agents[1].startswith("kilimo-brigade")


def _shelling_doc():  # type: ignore[no-untyped-def]
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words="Rebels and Brigade shelled the town .".split(),
               heads=[3, 0, 0, 3, 5, 3, 3], deps=["nsubj", "cc", "conj", "ROOT", "det", "dobj",
                                                  "punct"],
               pos=["NOUN", "CCONJ", "PROPN", "VERB", "DET", "NOUN", "PUNCT"],
               tags=["NNS", "CC", "NNP", "VBD", "DT", "NN", "."],
               lemmas=["rebel", "and", "brigade", "shell", "the", "town", "."])


def test_the_fallback_widens_a_role_whose_phrase_it_names_more_of():
    from kg.extract.roles import roles

    doc = _shelling_doc()
    assert roles(doc[3], {0: "rebels"}.get, {2: "brigade"}.get) == (("rebels", "brigade"), ())


def test_a_fallback_silent_where_the_roles_were_sought_runs_no_second_search(monkeypatch):
    """The widened search would ask about the same tokens, get the same answers and find the
    same roles: it runs only where the fallback names someone the first search asked about."""
    from kg.extract import roles as module

    searches: list[int] = []
    search = module._roles_of_verb
    monkeypatch.setattr(module, "_roles_of_verb", lambda token, *rest: (
        searches.append(token.i), search(token, *rest))[1])
    doc = _shelling_doc()
    assert module.roles(doc[3], {0: "rebels"}.get, {6: "dot"}.get) == (("rebels",), ())
    assert searches == [3]
    assert module.roles(doc[3], {0: "rebels"}.get, {2: "brigade"}.get)[0] == ("rebels", "brigade")
    assert searches == [3, 3, 3]


def test_the_subject_the_parser_gives_a_clause_after_a_verb_of_aim_is_its_object():
    """ "detonated, targeting [Kenya forces escorting a truck]" parsed as a clause: the forces
    are what the act was aimed at; a clause's object ("a truck") is not."""
    import spacy
    from spacy.tokens import Doc

    from kg.extract.roles import _aim_targets

    words = ["bombs", "detonated", ",", "targeting", "Kenya", "forces", "escorting", "a", "truck"]
    doc = Doc(spacy.blank("en").vocab, words=words,
              lemmas=["bomb", "detonate", ",", "target", "Kenya", "force", "escort", "a", "truck"],
              pos=["NOUN", "VERB", "PUNCT", "VERB", "PROPN", "NOUN", "VERB", "DET", "NOUN"],
              tags=["NNS", "VBD", ",", "VBG", "NNP", "NNS", "VBG", "DT", "NN"],
              heads=[1, 1, 1, 1, 5, 6, 3, 8, 6],
              deps=["nsubj", "ROOT", "punct", "advcl", "compound", "nsubj", "ccomp", "det", "dobj"])
    keys = {5: "kenya-military", 8: "kenya-civilians"}
    assert _aim_targets(doc[1], keys.get) == ("kenya-military",)


@pytest.mark.parametrize("text, target", [
    ("On 5 April 2022, a Kenyan airstrike struck Somali rebel positions near Mandera.",
     "somalia-rebels"),
    ("On 5 April 2022, a roadside bomb hit a Kenyan army convoy near Mandera.", "kenya-military"),
    ("On 5 April 2022, a drone strike targeted Somali rebels near Mandera.", "somalia-rebels"),
])
def test_an_act_named_as_the_subject_of_a_verb_of_impact_hits_its_object(extractor, text,
                                                                          target):
    extraction = extractor.extract(article_from_text(text, origin="roles"))
    assert target in extraction.events[0].targets


def test_the_object_of_another_verb_an_act_is_the_subject_of_is_not_its_target(extractor):
    extraction = extractor.extract(article_from_text(
        "On 5 April 2022, a Kenyan airstrike worried Somali rebels near Mandera.", origin="roles"))
    assert "somalia-rebels" not in extraction.events[0].targets


@pytest.mark.parametrize("text, expected", [
    ("Students in Tirana joined the nationwide protest against the rise in gas prices.",
     [("Protest", ("albania-civilians",), ())]),
    ("Students in Tirana attended the rally against the rise in gas prices.",
     [("Protest", ("albania-civilians",), ())]),
    ("Students in Tirana burnt an effigy of the minister during a protest.",
     [("Protest", ("albania-civilians",), ())]),
])
def test_who_joins_attends_or_acts_during_a_protest_takes_part_in_it(extractor, text, expected):
    assert roles(extractor, text) == expected


def test_who_acts_on_a_protest_takes_no_part_in_it(extractor):
    found = roles(extractor, "Police arrested ten students during a protest in Tirana.")
    assert [event_type for event_type, _, _ in found] == ["Arrest"]
