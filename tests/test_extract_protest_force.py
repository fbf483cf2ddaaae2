"""kg.extract.protest_force: force used on protesters is part of their protest, on made-up
sentences."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text
from kg.extract.protest_force import as_protest, on_protest


def _first(extractor, text):
    extraction = extractor.extract(article_from_text(text, origin="protest-force"))
    labels = {a.key: a.label for a in extraction.actors}
    event = extraction.events[0]
    return (event.event_type, [labels.get(k, k) for k in event.agents],
            [labels.get(k, k) for k in event.targets])


@pytest.mark.parametrize("text, expected", [
    ("Soldiers opened fire on peaceful protesters in the square, killing four people.",
     "ExcessiveForce"),
    ("Security forces shot dead two demonstrators during a march against fuel prices.",
     "ExcessiveForce"),
    ("Troops killed at least nine people protesting against the new governor.",
     "ExcessiveForce"),
    ("Three protesters were killed when police fired live rounds at a rally in the port.",
     "ExcessiveForce"),
    ("Officers fired rubber bullets at protesters marching towards the ministry.",
     "ProtestWithIntervention"),
    ("Police detained dozens of protesters who had gathered outside the court.",
     "ProtestWithIntervention"),
    ("Five members of the party were detained by police while staging a demonstration.",
     "ProtestWithIntervention"),
])
def test_force_on_protesters_is_their_protest(extractor, text, expected):
    assert _first(extractor, text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    ("Police arrested two suspected robbers in the market.", "Arrest"),
    ("On 4 March, gunmen attacked a police checkpoint near the bridge.", "ArmedClash"),
    ("Gunmen shot dead a farmer in his field.", "AttackOnCivilians"),
    ("Police shot two rioters who had set the town hall on fire.", "ViolentDemonstration"),
])
def test_force_on_others_is_not(extractor, text, expected):
    """Not a month named "March", nor rioters, nor people who do not protest."""
    assert _first(extractor, text)[0] == expected


def test_the_crowd_acts_and_the_forces_are_its_counterpart(extractor):
    kind, agents, targets = _first(
        extractor, "Kenyan police fired tear gas and rubber bullets at protesters in Nairobi.")
    assert kind == "ProtestWithIntervention"
    assert any("protesters" in a.lower() for a in agents)
    assert any("police" in t.lower() for t in targets)


def test_the_crowd_doing_it_is_no_force_on_a_protest(extractor):
    """A protest the agents stage themselves is not done to them: a riot stays a riot."""
    kind, _, _ = _first(extractor, "Workers set tyres ablaze and staged demonstrations in the town.")
    assert kind == "ViolentDemonstration"


def test_protesters_named_in_an_adverbial_clause_are_no_victims(extractor):
    """Those the rioters join are not what the riot is done to."""
    kind, _, _ = _first(extractor, "Inmates rioted at a prison in the north on Friday joining "
                                   "hundreds of demonstrators in demanding a new trial, officials "
                                   "said.")
    assert kind == "ViolentDemonstration"


def test_other_types_pass_unchanged(extractor):
    doc = extractor.nlp("Police met protesters in the square.")
    met = next(t for t in doc if t.text == "met")
    assert on_protest(met, "Negotiate") == "Negotiate"
    assert as_protest(met, "Negotiate", ("police",), ("crowd",)) == (
        "Negotiate", ("police",), ("crowd",))


@pytest.mark.parametrize("text", [
    "Kenyan police lobbed teargas at demonstrators in Nairobi.",
    "Georgian police used water cannon against demonstrators outside parliament.",
])
def test_an_intervention_its_word_names_has_the_crowd_for_agent(extractor, text):
    kind, agents, targets = _first(extractor, text)
    assert kind == "ProtestWithIntervention"
    assert any("protesters" in a.lower() for a in agents)
    assert any("police" in t.lower() for t in targets)


def test_a_protest_word_keeps_its_crowd_as_agent(extractor):
    """The "of" phrase of a gathering is its crowd, not what force is used on."""
    kind, agents, targets = _first(extractor, "Police intervened to disperse a gathering of "
                                              "people demonstrating in front of the ministry in Bamako.")
    assert kind == "ProtestWithIntervention"
    assert any("police" in t.lower() for t in targets)
    assert not any("police" in a.lower() for a in agents)


@pytest.mark.parametrize("text", [
    "Iranian security forces fired tear gas at protesters in Zahedan.",
    "Security forces fired tear gas to disperse protesters outside the ministry.",
    "Police dispersed the demonstrators outside the ministry.",
])
def test_tear_gas_fired_at_or_to_disperse_protesters_is_an_intervention_in_their_protest(
        extractor, text):
    """The tagger reads "tear" as an adjective of "gas"; the protesters are what the firing
    aims at, or the object of its purpose; dispersing protesters is an intervention itself."""
    kind, agents, targets = _first(extractor, text)
    assert kind == "ProtestWithIntervention"
    assert any("protesters" in a.lower() for a in agents)
    assert not any("protesters" in t.lower() for t in targets)
