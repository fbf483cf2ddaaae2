"""Roles shared across coordinated verbs, relative clauses and the gerunds a subject controls
(kg.extract.roles), on made-up sentences."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text
from tests.extraction import first_event as _first


def test_coordinated_verbs_share_their_object(extractor):
    event = _first(extractor, "Somali rebels attacked and killed a trader near Mombasa.")
    assert event.trigger.text == "attacked" and event.targets == ("kenya-civilians",)


def test_a_conjoined_verb_with_its_own_subject_lends_no_object(extractor):
    event = _first(extractor, "Somali rebels attacked the market and police arrested two traders "
                              "in Mombasa.")
    assert event.trigger.text == "attacked" and "kenya-civilians" not in event.targets


def test_coordinated_passives_share_their_by_phrase(extractor):
    """ "was shot and killed by X": X shot the victim too."""
    event = _first(extractor, "On 3 May 2022, a trader was shot and killed by Somali rebels "
                              "in Mombasa.")
    assert event.trigger.text == "shot" and event.agents == ("somalia-rebels",)


def test_coordinated_passives_share_their_patient(extractor):
    extraction = extractor.extract(article_from_text(
        "On 3 May 2022, a trader was shot and killed by Somali rebels in Mombasa.", origin="roles"))
    killed = [e for e in extraction.events if e.trigger.text == "killed"]
    assert killed and killed[0].targets == ("kenya-civilians",)


@pytest.mark.parametrize("text, trigger", [
    # the parser hangs "killed" on "burned"
    ("On 3 May 2022, a mob assaulted, burned, and killed a man in Mombasa.", "assaulted"),
    # whom "shot at" aims at, "attacked" did too
    ("On 3 May 2022, Somali rebels attacked and shot at a trader in Mombasa.", "attacked"),
    # a conjunct the tagger reads as a noun ("shot") does not end the chain
    ("On 3 May 2022, a criminal group kidnapped, tortured, shot, and killed a man in Mombasa.",
     "kidnapped")])
def test_verbs_conjoined_after_a_verb_lend_it_their_target(extractor, text, trigger):
    """The verbs that share a subject share the object or target phrase of the last of them."""
    event = _first(extractor, text)
    assert event.trigger.text == trigger and event.targets == ("kenya-civilians",)


def test_a_relative_pronoun_subject_stands_for_its_antecedent(extractor):
    """ "soldiers who entered the village and killed a farmer": the soldiers killed him."""
    extraction = extractor.extract(article_from_text(
        "On 3 May 2022, Kenyan soldiers who entered the village and killed a farmer near Garissa "
        "were arrested.", origin="roles"))
    killing = next(e for e in extraction.events if e.trigger.text == "killed")
    assert killing.agents == ("kenya-military",)


def test_the_antecedent_of_a_relative_subject_is_no_target_of_its_clause(extractor):
    """ "gunmen who attacked a bus": the gunmen attacked; the bus is the people's."""
    extraction = extractor.extract(article_from_text(
        "On 3 May 2022, police arrested two gunmen who attacked a bus near Garissa.",
        origin="roles"))
    attack = next(e for e in extraction.events if e.trigger.text == "attacked")
    assert attack.agents == ("kenya-unidentified",) and attack.targets == ("kenya-civilians",)


def test_a_relative_clause_after_a_comma_lends_its_antecedent_no_act(extractor):
    """ "Sharon, who has vowed ...": background in passing, not an act the report codes."""
    extraction = extractor.extract(article_from_text(
        "On 3 May 2022, police arrested Ali Hassan, who attacked a bus near Garissa.",
        origin="roles"))
    attack = next(e for e in extraction.events if e.trigger.text == "attacked")
    assert "ali-hassan" not in attack.agents


def test_a_passive_conjunct_takes_the_subject_of_the_active_verb_as_its_patient(extractor):
    """ "a teacher went to the office and was beaten by police": the teacher was beaten."""
    event = _first(extractor, "On 3 May 2022, a teacher went to the district office in Mombasa, "
                              "Kenya and was beaten by police at the gate.")
    assert event.agents == ("kenya-police",) and event.targets == ("kenya-civilians",)


@pytest.mark.parametrize("text", [
    "On 3 May 2022, a trader was reported to be tortured and killed by Somali rebels in "
    "Mandera, Kenya.",
    "On 3 May 2022, four traders were taken out of their house and tortured to death by Somali "
    "rebels in Mandera, Kenya."])
def test_a_subjectless_passive_shares_the_patient_of_the_verb_it_hangs_on(extractor, text):
    event = _first(extractor, text)
    assert event.agents == ("somalia-rebels",) and event.targets == ("kenya-civilians",)


def test_a_gerund_after_a_temporal_or_means_preposition_is_done_by_the_verbs_subject(extractor):
    """"X arrested a journalist after raiding her home": X raided it; "arrested the suspect for
    killing a trader": the suspect killed, not the police."""
    extraction = extractor.extract(article_from_text(
        "Israeli forces arrested a journalist after raiding her home in Ramallah.",
        origin="roles"))
    assert all(e.agents == ("israel-military",) for e in extraction.events)
    extraction = extractor.extract(article_from_text(
        "Police arrested the suspect for killing a trader in Kano.", origin="roles"))
    killing = next(e for e in extraction.events if e.trigger.text == "killing")
    assert "nigeria-police" not in killing.agents


def test_who_claims_responsibility_for_doing_an_act_did_it(extractor):
    """"IS claimed responsibility for killing two fighters": the gerund's subject is the
    claimant, as a noun's is ("claimed responsibility for the attack")."""
    extraction = extractor.extract(article_from_text(
        "IS claimed responsibility for killing two members of the SDF near Raqqa.",
        origin="roles"))
    killing = next(e for e in extraction.events if e.trigger.text == "killing")
    assert killing.agents == ("isis-syria",)
