"""A protest's counterpart from the other events of its article (kg.extract.interaction),
on made-up reports."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text


def _protest(extractor, text: str):  # type: ignore[no-untyped-def]
    extraction = extractor.extract(article_from_text(text, origin="interaction"))
    return next(e for e in extraction.events if e.event_type in (
        "Protest", "ProtestWithIntervention", "ViolentDemonstration", "ExcessiveForce"))


def test_police_who_arrest_protesters_are_the_protests_counterpart(extractor):
    protest = _protest(extractor, "Protesters marched in Mombasa against fuel prices. "
                                  "Police arrested ten protesters.")
    assert protest.targets == ("kenya-police",)


def test_forces_who_fight_someone_else_are_not(extractor):
    protest = _protest(extractor, "Protesters marched in Mombasa against fuel prices. "
                                  "Kenyan soldiers attacked Somali rebels near the border.")
    assert (protest.event_type, protest.targets) == ("Protest", ())


def test_a_protest_with_intervention_faces_the_forces_that_act(extractor):
    """The type says forces intervened (kg.extract.refine); the police who act are they."""
    protest = _protest(extractor, "Protesters marched in Mombasa against fuel prices. "
                                  "Police arrested two Somali rebels.")
    assert (protest.event_type, protest.targets) == ("ProtestWithIntervention", ("kenya-police",))


def test_an_arrest_no_one_performs_is_the_polices_and_they_face_the_protest(extractor):
    """ "Three people were arrested": custody is taken by the police of the event's country
    (ontology/actors.yaml, implicit_agents), who are then the protest's counterpart."""
    extraction = extractor.extract(article_from_text(
        "On 3 May 2022, students protested in Mombasa against fees. Three people were "
        "arrested.", origin="interaction"))
    arrest = next(e for e in extraction.events if e.event_type == "Arrest")
    protest = _protest(extractor, "On 3 May 2022, students protested in Mombasa against fees. "
                                  "Three people were arrested.")
    assert arrest.agents == ("kenya-police",) and protest.targets == ("kenya-police",)


@pytest.mark.parametrize("forces, key", [("Gendarmes intervened and dispersed the march.",
                                          "kenya-police"),
                                         ("Security forces used tear gas to disperse them.",
                                          "kenya-military"),
                                         ("Policemen used tear gas to disperse them.",
                                          "kenya-police"),
                                         ("Soldiers fired in the air to disperse them.",
                                          "kenya-military")])
def test_forces_named_after_a_protest_they_broke_up_are_its_counterpart(extractor, forces, key):
    """Forces that intervene without an event of their own ("dispersed", "used tear gas") are
    named in the next sentence: they are the protest's other side; a gendarme is police."""
    protest = _protest(extractor, f"On 3 May 2022, students protested in Mombasa against fees. "
                                  f"{forces}")
    assert (protest.event_type, protest.targets) == ("ProtestWithIntervention", (key,))


@pytest.mark.parametrize("text", [
    "Teachers marched in Mombasa against low pay. Police later intervened.",
    "Teachers marched in Mombasa against low pay. Police and gendarmes pushed them back.",
    "Teachers marched in Mombasa against low pay. Two of them were detained by police.",
    "Teachers marched in Mombasa against low pay. Police interrupted the march.",
    "Teachers marched in Mombasa against low pay. Police used water cannon to disperse them.",
    "Teachers marched in Mombasa against low pay. There were clashes with the police.",
    "Teachers blocked a road in Mombasa against low pay. Running battles between the group and "
    "police followed."])
def test_forces_who_intervene_after_a_protest_are_its_counterpart(extractor, text):
    assert _protest(extractor, text).targets == ("kenya-police",)


def test_forces_who_fight_alongside_no_crowd_are_not(extractor):
    protest = _protest(extractor, "Teachers marched in Mombasa against low pay. Police used "
                                  "the stadium for training.")
    assert protest.targets == ()


def test_forces_who_only_watch_a_protest_are_not(extractor):
    protest = _protest(extractor, "Teachers marched in Mombasa against low pay. Police "
                                  "watched the march.")
    assert protest.targets == ()


@pytest.mark.parametrize("text", [
    "Teachers marched in Mombasa against low pay. Police did not intervene.",
    "Teachers marched in Mombasa against low pay. Police never dispersed the march."])
def test_forces_who_do_not_intervene_are_not(extractor, text):
    assert _protest(extractor, text).targets == ()


def test_a_protest_with_intervention_faces_the_forces_besides_what_it_opposes(extractor):
    """What a protest opposes ("against the war on Ukraine") is no side that intervened."""
    protest = _protest(extractor, "On 3 May 2022, protesters gathered in Mombasa to oppose the war "
                                  "against Ukraine. Police intervened, detaining ten of them.")
    assert protest.event_type == "ProtestWithIntervention" and "kenya-police" in protest.targets


def test_police_who_arrest_people_at_a_protest_face_it(extractor):
    """ "12 people were arrested": the arrested are people of the crowd's country, one of them."""
    protest = _protest(extractor, "On 18 March 2022, about 40 activists occupied a house in "
                                  "Mombasa, Kenya against rising rents. 12 people were arrested.")
    assert "kenya-police" in protest.targets


@pytest.mark.parametrize("arrested, expected", [("kenya-civilians", ("kenya-police",)),
                                                 ("somalia-civilians", ())])
def test_only_forces_acting_on_the_crowds_own_people_face_a_protest(arrested, expected):
    from kg.extract.interaction import with_interveners
    from kg.model import Event, Span

    kinds = {"kenya-protesters": "civilians", "kenya-police": "police"}.get
    people = {"kenya-protesters": "kenya-civilians", "kenya-civilians": "kenya-civilians",
              "somalia-civilians": "somalia-civilians"}.get
    found = with_interveners([Event(0, "Protest", Span(0, 1, "x"), 0, agents=("kenya-protesters",)),
                              Event(1, "Arrest", Span(5, 6, "y"), 1, agents=("kenya-police",),
                                    targets=(arrested,))], kinds, people_of=people)
    assert found[0].targets == expected


def test_a_violent_demonstration_faces_the_people_its_crowd_then_harms(extractor):
    """"Residents demonstrated. Rioters looted a shop": the riot hit the shop's owners."""
    protest = _protest(extractor, "On 3 May 2022, residents marched through the streets of "
                                  "Mombasa, Kenya, demanding justice. A group of rioters destroyed "
                                  "and looted the business of a trader.")
    assert protest.event_type == "ViolentDemonstration" and protest.targets == ("kenya-civilians",)


def test_what_a_violent_demonstration_opposes_is_no_victim_of_it(extractor):
    protest = _protest(extractor, "On 3 May 2022, farmers protested in Mombasa, burning hay "
                                  "bales to protest the rules of the Kenyan government.")
    assert "kenya-civilians" not in protest.targets
