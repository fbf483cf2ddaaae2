"""Clause structure the parser gets wrong (kg.extract.clauses), on made-up sentences."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text
from kg.extract.clauses import labelled_clause, passive_subjects


def _extract(extractor, text: str):  # type: ignore[no-untyped-def]
    return extractor.extract(article_from_text(text, origin="clauses"))


PLACE_LISTED = ("On 4 May 2022, in Tlaxco, Tlaxcala, a woman was shot and killed by armed men "
                "in a car.")


def test_a_subject_parsed_as_apposition_of_a_place_is_the_passive_subject(extractor):
    """ "in X, Y, a woman was shot": the parser hangs "a woman" on "Y"; she is the one shot."""
    doc = extractor.nlp(PLACE_LISTED)
    verb = next(t for t in doc if t.text == "shot")
    assert [t.text for t in passive_subjects(verb)] == ["woman"]
    extraction = _extract(extractor, PLACE_LISTED)
    actors = {a.key: a for a in extraction.actors}
    shot = next(e for e in extraction.events if e.trigger.text == "shot")
    assert [actors[k].kind for k in shot.targets] == ["civilians"]
    assert [actors[k].sector for k in shot.agents] == ["unidentified"]


def test_a_true_apposition_of_a_subject_is_no_stranded_subject(extractor):
    doc = extractor.nlp("On 4 May 2022, Juan Perez, a teacher, was shot in Tlaxco.")
    verb = next(t for t in doc if t.text == "shot")
    assert [t.text for t in passive_subjects(verb)] in (["Perez"], ["teacher"])
    assert all(t.dep_ == "nsubjpass" for t in passive_subjects(verb))


HEADED = ("Looting: On 6 May 2022, an unidentified armed group vandalized and looted the offices "
          "of a charity in the town of Gao.")


def test_a_heading_labels_the_clause_after_its_colon(extractor):
    doc = extractor.nlp(HEADED)
    assert labelled_clause(doc[0]).lemma_ in ("vandalize", "loot")
    assert labelled_clause(doc[3]) is None  # "On" is no heading


def test_a_heading_event_takes_the_roles_of_the_clause_it_labels(extractor):
    extraction = _extract(extractor, HEADED)
    label = extraction.events[0]
    actors = {a.key: a for a in extraction.actors}
    assert label.trigger.text == "Looting"
    assert [actors[k].sector for k in label.agents] == ["unidentified"]
    assert [actors[k].kind for k in label.targets] == ["civilians"]


def test_a_stranded_person_harmed_is_a_civilian_of_the_place(extractor):
    """ "in X, Y, the director of a school was shot": no actor noun names the director, but a
    verb of harm makes the stranded subject a person, a civilian of the sentence's country."""
    extraction = _extract(extractor, "On 4 May 2022, in Tlaxco, Tlaxcala, the director of a "
                                     "school was shot by armed men.")
    actors = {a.key: a for a in extraction.actors}
    shot = next(e for e in extraction.events if e.trigger.text == "shot")
    assert [(actors[k].kind, actors[k].country) for k in shot.targets] == [("civilians", "MEX")]


def test_a_date_the_parser_makes_the_subject_does_not_hide_the_stranded_one(extractor):
    """ "Around 4 May 2022, in X, Y, a woman was shot": "May" is no one shot."""
    doc = extractor.nlp("Around 4 May 2022 (as reported), in Tlaxco, Tlaxcala, the director of "
                        "the local police was killed and his body was found in a car.")
    verb = next(t for t in doc if t.text == "killed")
    assert [t.text for t in passive_subjects(verb)] == ["director"]


def test_the_controller_of_an_infinitive_is_its_subject():
    import spacy
    from spacy.tokens import Doc

    from kg.extract.clauses import controller_subjects

    words = ["he", "went", "there", "to", "ask", "and", "left"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 4, 1, 4, 4],
              deps=["nsubj", "ROOT", "advmod", "aux", "advcl", "cc", "conj"])
    assert [t.text for t in controller_subjects(doc[6])] == ["he"]
    assert controller_subjects(doc[2]) == []


@pytest.mark.parametrize("text, verb, subject", [
    ("On 15 May 2022, a trader was found dead near Mombasa after being abducted by Somali rebels.",
     "abducted", "trader"),
    ("On 15 May 2022, two traders fled Mombasa after being attacked by Somali rebels.",
     "attacked", "traders"),
])
def test_a_passive_adjunct_with_no_subject_shares_its_clauses_subject(extractor, text, verb,
                                                                       subject):
    """ "after being abducted": the one abducted is the subject of the clause it tells of."""
    from kg.extract.clauses import patients

    doc = extractor.nlp(text)
    assert [t.text for t in patients(next(t for t in doc if t.text == verb))] == [subject]
    extraction = _extract(extractor, text)
    actors = {a.key: a for a in extraction.actors}
    act = next(e for e in extraction.events if e.trigger.text == verb)
    assert [actors[k].kind for k in act.targets] == ["civilians"]


def test_a_passive_adjunct_with_its_own_subject_keeps_it(extractor):
    from kg.extract.clauses import patients

    doc = extractor.nlp("Two traders fled Mombasa after their shop was attacked by rebels.")
    assert patients(next(t for t in doc if t.text == "attacked")) == []


@pytest.mark.parametrize("text", [
    "On 3 May 2022, members of the Kenyan opposition were detained by police in Garissa while "
    "staging a demonstration against fuel prices.",
    "On 3 May 2022, dozens of traders were dispersed by police in Garissa, Kenya, when they were "
    "demonstrating against fuel prices."])
def test_an_adverbial_clause_on_a_passive_is_done_by_its_subject_not_its_by_agent(extractor,
                                                                                 text):
    """"X were held by police while demonstrating": X demonstrated; the police, the agent of the
    passive, are the other side of the protest."""
    extraction = _extract(extractor, text)
    actors = {a.key: a for a in extraction.actors}
    protest = next(e for e in extraction.events if e.trigger.text.startswith("demonstrat"))
    assert protest.agents and all(actors[k].sector != "police" for k in protest.agents)
    assert [actors[k].sector for k in protest.targets] == ["police"]
