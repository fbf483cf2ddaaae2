"""Reported obligations are demands: "X said Y must ..." (CAMEO 10, PLOVER REQUEST)."""

from __future__ import annotations

from kg.documents import article_from_text


def _events(extractor, text):
    found = extractor.extract(article_from_text(text, origin="t"))
    return [(e.event_type, e.trigger.text, e.agents, e.targets) for e in found.events]


def test_reported_obligation_is_a_demand_on_its_subject(extractor):
    events = _events(extractor, "Russia said on Tuesday that Sudan must return the helicopter.")
    assert events[0] == ("Demand", "said", ("russia",), ("sudan",))


def test_declared_obligation_of_a_country(extractor):
    events = _events(extractor, "Egypt declared that Israel must withdraw from Gaza.")
    assert events[0] == ("Demand", "declared", ("egypt",), ("israel",))


def test_reported_fact_is_no_demand(extractor):
    events = _events(extractor, "Russia said on Tuesday that Sudan returned the helicopter.")
    assert all(kind != "Demand" for kind, *_ in events)


def test_nationality_on_a_proposal_names_its_author(extractor):
    events = _events(extractor, "Bangladesh rejected an Indian proposal.")
    assert events == [("Reject", "rejected", ("bangladesh",), ("india",))]


def test_nationality_on_other_nouns_is_no_actor(extractor):
    found = extractor.extract(article_from_text("Bangladesh rejected an Indian tourist.", origin="t"))
    assert "india" not in {m.key for m in found.mentions}
