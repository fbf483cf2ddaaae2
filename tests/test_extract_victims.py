"""The victims of an attack told after it become its targets (kg.extract.victims), on
made-up reports."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text


def _first(extractor, text: str):  # type: ignore[no-untyped-def]
    extraction = extractor.extract(article_from_text(text, origin="victims"))
    actors = {a.key: a for a in extraction.actors}
    event = extraction.events[0]
    return event, [actors[k] for k in event.targets]


def test_a_toll_in_the_next_sentence_is_the_attacks_target(extractor):
    event, targets = _first(extractor, "On 3 May 2022, Kenyan soldiers shelled a village near Garissa. "
                                       "Two civilians were killed.")
    assert event.event_type in ("Shelling", "AttackOnCivilians")
    assert [t.kind for t in targets] == ["civilians"]


def _agents_by_event(extractor, text: str):  # type: ignore[no-untyped-def]
    extraction = extractor.extract(article_from_text(text, origin="victims"))
    actors = {a.key: a for a in extraction.actors}
    return [[actors[k].label for k in e.agents] for e in extraction.events]


def test_a_toll_with_no_perpetrator_of_its_own_was_done_by_the_attacks_agent(extractor):
    told = _agents_by_event(extractor, "On 3 May 2022, Kenyan soldiers shelled a village near "
                                       "Garissa. Two civilians were injured.")
    assert len(told) == 2 and told[0] == told[1] and "Kenyan" in told[0][0]


def test_a_harm_whose_unidentified_perpetrator_is_named_keeps_it(extractor):
    told = _agents_by_event(extractor, "On 3 May 2022, Kenyan soldiers shelled a village near "
                                       "Garissa. Unidentified gunmen shot dead a man in Garissa.")
    assert len(told) == 2 and told[1][0].startswith("Unidentified")


def test_a_toll_in_a_participle_is_the_attacks_target(extractor):
    _, targets = _first(extractor, "On 3 May 2022, Kenyan soldiers shelled a village near Garissa, "
                                   "killing three civilians.")
    assert [t.kind for t in targets] == ["civilians"]


def test_a_harm_by_another_perpetrator_is_not_the_attacks_toll(extractor):
    _, targets = _first(extractor, "On 3 May 2022, Kenyan soldiers shelled Somali positions "
                                   "near Garissa. Somali rebels killed two civilians in Mandera.")
    assert [t.kind for t in targets] == ["military"]


@pytest.mark.parametrize("text", [
    "On 3 May 2022, Russian soldiers shelled Orvoka, Donetsk, killing three civilians.",
    "On 3 May 2022, Russian soldiers shelled the Industrial District in Kharkiv, killing three "
    "civilians."])
def test_a_toll_is_the_target_of_an_act_aimed_at_a_named_place(extractor, text):
    """A named place is where the act was aimed, whether or not the index places it (a town
    it does not know, a district of a town), and whom it hit is its target, as ACLED codes
    it."""
    event, targets = _first(extractor, text)
    assert event.trigger.text == "shelled"
    assert [(t.kind, t.country) for t in targets] == [("civilians", "UKR")]


def test_a_place_shelled_is_the_aim_and_the_toll_the_target(extractor):
    """ "shelled Mogadishu, killing three civilians": the act was aimed at the town and hit
    the civilians, as ACLED codes it (PLOVER codes the town: kg.evaluate.plover)."""
    event, targets = _first(extractor, "On 3 May 2022, Kenyan soldiers shelled Mogadishu, "
                                       "killing three civilians.")
    places = {p.key: p.label for p in extractor.extract(article_from_text(
        "On 3 May 2022, Kenyan soldiers shelled Mogadishu, killing three civilians.",
        origin="victims")).places}
    assert [(t.kind, t.country) for t in targets] == [("civilians", "SOM")]
    assert places[event.aim] == "Mogadishu"


@pytest.mark.parametrize("text", [
    "On 3 May 2022, a Kenyan drone struck a car near Garissa, killing two al-Shabaab commanders.",
    "On 3 May 2022, a Kenyan drone strike hit a vehicle near Garissa, killing two al-Shabaab "
    "fighters.",
    "On 3 May 2022, a Kenyan airstrike on a house near Garissa killed two al-Shabaab commanders.",
])
def test_a_toll_tells_whose_a_thing_hit_was(extractor, text):
    """A car with no word naming its owner is the civilians' only by presumption; the toll
    told beside it says whose it was."""
    _, targets = _first(extractor, text)
    assert [t.label for t in targets] == ["al-Shabaab"]


def test_a_thing_whose_owner_is_told_keeps_its_owner_beside_the_toll(extractor):
    _, targets = _first(extractor, "On 3 May 2022, a Kenyan drone struck a civilian car near "
                                   "Garissa, killing two al-Shabaab commanders.")
    assert [t.kind for t in targets] == ["civilians"]


def test_people_who_beat_people_are_perpetrators_and_their_victims_civilians(extractor):
    """Both sides are a group of people of one country (one actor key); the victims stay the
    target and the ones who do the violence are the implicit perpetrators of its type."""
    extraction = extractor.extract(article_from_text(
        "On 3 May 2022, residents beat up a man in Garissa.", origin="victims"))
    actors = {a.key: a for a in extraction.actors}
    event = extraction.events[0]
    assert [actors[k].sector for k in event.targets] == ["civilians"]
    assert [actors[k].sector for k in event.agents] in (["rioters"], ["unidentified"])
    assert actors[event.agents[0]].parent == actors[event.targets[0]].parent


def test_the_damage_a_rioting_crowd_does_after_is_the_riots_target(extractor):
    """The owners of what rioters damage are people like the rioters: one key on both sides."""
    extraction = extractor.extract(article_from_text(
        "On 10 April 2022, around 500 persons rioted in Mombasa. They vandalized a restaurant "
        "and burned two cars.", origin="victims"))
    riot = extraction.events[0]
    assert riot.event_type == "ViolentDemonstration" and riot.targets == ("kenya-civilians",)


def test_the_offender_a_crowd_lynches_is_a_civilian(extractor):
    """ "villagers beat a suspected thief": the thief is a person the crowd's violence befalls,
    not an armed band."""
    extraction = extractor.extract(article_from_text(
        "On 3 May 2022, villagers beat a suspected thief in Garissa.", origin="victims"))
    actors = {a.key: a for a in extraction.actors}
    event = extraction.events[0]
    assert [actors[k].kind for k in event.targets] == ["civilians"]


def test_armed_men_a_crowd_hits_stay_an_armed_group(extractor):
    extraction = extractor.extract(article_from_text(
        "On 3 May 2022, villagers beat two armed men in Garissa.", origin="victims"))
    actors = {a.key: a for a in extraction.actors}
    event = extraction.events[0]
    assert [actors[k].kind for k in event.targets] == ["armed_group"]


def test_the_dead_told_by_a_verb_of_dying_after_an_attack_are_its_target(extractor):
    _, targets = _first(extractor, "On 3 May 2022, Somali rebels shelled Mandera, Kenya. At least "
                                   "two civilians died.")
    assert [(t.kind, t.country) for t in targets] == [("civilians", "KEN")]


def test_the_dead_told_before_an_attack_are_not_its_toll(extractor):
    extraction = extractor.extract(article_from_text(
        "Two civilians died in a flood near Mandera. On 3 May 2022, Somali rebels shelled "
        "Mandera, Kenya.", origin="victims"))
    shelling = next(e for e in extraction.events if e.trigger.text == "shelled")
    assert shelling.targets == ()


def test_a_toll_is_the_target_of_every_word_that_tells_the_attack(extractor):
    """ "an IED by X detonated": the noun and the verb tell one bombing, and both take its toll."""
    extraction = extractor.extract(article_from_text(
        "On 3 May 2022, an IED by Somali rebels detonated near Mandera, Kenya. Two civilians were "
        "killed.", origin="victims"))
    ied, detonated = extraction.events[:2]
    assert (ied.trigger.text, detonated.trigger.text) == ("IED", "detonated")
    assert ied.targets == detonated.targets == ("kenya-civilians",)


def test_the_dead_are_the_target_of_every_word_that_tells_the_attack(extractor):
    extraction = extractor.extract(article_from_text(
        "On 3 May 2022, an IED by Somali rebels detonated near Mandera, Kenya. Two civilians "
        "died.", origin="victims"))
    ied, detonated = extraction.events[:2]
    assert ied.targets == detonated.targets == ("kenya-civilians",)


@pytest.mark.parametrize("toll", ["Two civilians were killed.", "Two civilians died."])
def test_damage_told_with_no_one_doing_it_does_not_take_the_attacks_toll(extractor, toll):
    """"Houses were destroyed." is the shelling's damage, no attack: the dead after it are
    the shelling's."""
    event, targets = _first(extractor, "On 15 April 2022, Kenyan soldiers shelled a village near "
                                       f"Garissa. Houses were destroyed. {toll}")
    assert event.trigger.text == "shelled"
    assert [t.kind for t in targets] == ["civilians"]


@pytest.mark.parametrize("text", [
    "On 17 April 2022, Russian forces shelled Novopil, Donetsk, killing one civilian.",
    "On 17 May 2022, Russian forces shelled Bakhmutka, Donetsk, killing two civilians.",
])
def test_a_town_the_index_cannot_place_shelled_is_the_aim_and_the_toll_the_target(extractor,
                                                                                 text):
    """A village no gazetteer holds, before its province, is no actor (the tagger calls one an
    organisation, the other a place) and no named thing the act was aimed at."""
    event, targets = _first(extractor, text)
    assert [(t.kind, t.country) for t in targets] == [("civilians", "UKR")]


def test_the_toll_of_a_strike_from_afar_is_none_of_the_strikers_own(extractor):
    """"the soldiers" read as the one army the text names, the striker's: the toll of an air
    strike is the other side's, the forces of the state where it fell; a raid's is not."""
    event, targets = _first(extractor, "On 11 April 2022, Israeli warplanes fired missiles at "
                                       "positions near Damascus. Three soldiers were killed.")
    assert [(t.sector, t.country) for t in targets] == [("military", "SYR")]
    extraction = extractor.extract(article_from_text(
        "Israeli forces raided Jenin. Two soldiers were injured.", origin="victims"))
    assert "israel-military" in extraction.events[-1].targets
