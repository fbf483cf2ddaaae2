"""How the text relates an event's actors (kg.extract.jointness) and a one-sided ceasefire's
counterpart (kg.extract.counterpart), on sentences and on the seed article."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text


def _events(extractor, text):
    extraction = extractor.extract(article_from_text(text, origin="jointness"))
    return [(e.event_type, e.agents, e.targets, e.agents_act) for e in extraction.events]


def test_seed_ceasefires_have_their_counterpart(seed_extraction):
    ceasefires = [e for e in seed_extraction.events if e.event_type == "Ceasefire"]
    assert {(e.agents, e.targets) for e in ceasefires} == {
        (("lebanon-military",), ("isis",)), (("hezbollah", "syria-military"), ("isis",))}


def test_seed_talks_between_two_agents_are_mutual_and_a_denial_is_no_alliance(seed_extraction):
    acts = {(e.event_type, e.trigger.text, e.modality): e.agents_act for e in seed_extraction.events}
    assert acts[("Negotiate", "communication", "asserted")] == "mutually"
    assert acts[("Support", "ally", "asserted")] == "allied"
    assert acts[("ArmedClash", "offensives", "asserted")] is None  # separate but simultaneous
    denied = [e for e in seed_extraction.events if e.trigger.text == "coordinating"]
    assert [e.modality for e in denied] == ["negated"]


def test_seed_tallies_name_each_relation(seed_store):
    from kg.aggregates.read import dyads

    relations = {(d.agent.rsplit("/", 1)[-1], d.other.rsplit("/", 1)[-1], d.relation)
                 for d in dyads(seed_store)}
    assert {("lebanon-military", "isis", "Ceasefire"), ("hezbollah", "isis", "Ceasefire"),
            ("syria-military", "isis", "Ceasefire"), ("hezbollah", "isis", "Negotiate"),
            ("hezbollah", "lebanon-military", "Negotiate"),
            ("hezbollah", "bashar-al-assad", "Allied")} <= relations
    allied = {frozenset(r[:2]) for r in relations if r[2] == "Allied"}
    assert frozenset(("lebanon-military", "hezbollah")) not in allied
    assert frozenset(("lebanon-military", "syria-military")) not in allied


@pytest.mark.parametrize("text, expected", [
    ("Hezbollah fought alongside the Syrian army against ISIS.", "jointly"),
    ("Hamas and Israel negotiated in Cairo.", "mutually"),
])
def test_cues_mark_the_agents(extractor, text, expected):
    found = _events(extractor, text)
    assert found and found[0][3] == expected, found


def test_two_sides_that_clash_with_no_target_clash_with_each_other(extractor):
    events = _events(extractor, "Kenyan soldiers and Somali rebels clashed near the border.")
    clash = [e for e in events if e[0] == "ArmedClash"]
    assert clash and clash[0][2] == () and clash[0][3] == "mutually" and len(clash[0][1]) == 2


def test_two_sides_that_attack_a_third_only_co_act(extractor):
    events = _events(extractor, "Kenyan soldiers and Somali rebels clashed with Ethiopian troops.")
    clash = [e for e in events if e[0] == "ArmedClash"]
    assert clash and clash[0][2] and clash[0][3] != "mutually"


@pytest.mark.parametrize("text", [
    "On 3 May 2022, a shoot-out between gunmen took place in Garissa, Kenya.",
    "On 3 May 2022, rioters clashed with one another in Garissa, Kenya."])
def test_one_group_with_a_reciprocal_cue_acts_on_itself(extractor, text):
    events = _events(extractor, text)
    assert len(events[0][1]) == 1 and events[0][2] == () and events[0][3] == "mutually"


def test_one_group_with_no_reciprocal_cue_acts_alone(extractor):
    events = _events(extractor, "On 3 May 2022, gunmen attacked in Garissa, Kenya.")
    assert events[0][3] is None


@pytest.mark.parametrize("text", [
    "On 3 May 2022, two armed groups clashed in Garissa, Kenya.",
    "On 3 May 2022, rival gunmen exchanged fire in Garissa, Kenya.",
    "On 3 May 2022, a clash ensued between two groups at the market of Garissa, Kenya."])
def test_a_group_of_sides_with_no_other_party_acts_on_itself(extractor, text):
    """A symmetric predicate whose only party is counted as two or more, or called rivals."""
    events = _events(extractor, text)
    assert len(events[0][1]) == 1 and events[0][2] == () and events[0][3] == "mutually"


def test_one_group_counted_as_one_side_acts_alone(extractor):
    events = _events(extractor, "On 3 May 2022, Kenyan soldiers clashed near Garissa, Kenya.")
    assert events[0][3] is None


@pytest.mark.parametrize("text", [
    "On 3 May 2022, gunmen exchanged fire with Kenyan police near Garissa, Kenya.",
    "On 3 May 2022, Somali rebels clashed with Kenyan soldiers near Garissa, Kenya."])
def test_the_with_side_of_a_symmetric_predicate_is_a_side_not_a_target(extractor, text):
    """"X clashed with Y" entails "Y clashed with X": both are agents, acting on each other."""
    clash = [e for e in _events(extractor, text) if e[0] == "ArmedClash"]
    assert clash and len(clash[0][1]) == 2 and clash[0][2] == () and clash[0][3] == "mutually"


def test_the_object_of_a_one_sided_attack_stays_its_target(extractor):
    events = _events(extractor, "On 3 May 2022, Somali rebels attacked Kenyan soldiers "
                                "near Garissa.")
    assert events[0][2] and events[0][3] != "mutually"


def test_a_sides_loss_in_their_fight_is_their_mutual_act(extractor):
    """A passive harm with its agents from a "between" phrase of the fight it happened in."""
    found = _events(extractor, "A Kenyan soldier was killed during a firefight between Somali "
                               "rebels and the Kenyan army near Mombasa.")
    assert found[0] == ("ArmedClash", ("somalia-rebels", "kenya-military"), (), "mutually")


@pytest.mark.parametrize("text", [
    "Two traders were killed during clashes between Somali rebels and Kenyan soldiers near Mombasa.",
    "A Kenyan soldier was killed by Somali rebels during a firefight between Somali rebels and "
    "the Kenyan army near Mombasa.",
])
def test_a_harm_to_a_third_party_or_by_one_side_stays_one_sided(extractor, text):
    kind, agents, targets, act = _events(extractor, text)[0]
    assert targets and act is None
