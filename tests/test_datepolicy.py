"""One date policy (kg.datepolicy): every page and API dates an event the same way."""

from __future__ import annotations

import pytest

from kg.datepolicy import DateBasis, date_basis, date_label, dated
from kg.documents import article_from_text


@pytest.mark.parametrize("date, date_from, basis, label", [
    ("2017-08-27T07:00:00", "clause", DateBasis.STATED, "2017-08-27"),
    ("2017-08", "sentence", DateBasis.STATED, "2017-08"),
    ("2017-08-27", "publication", DateBasis.INFERRED, "2017-08-27 (article date)"),
    ("", "", DateBasis.UNKNOWN, "date unknown"),
    (None, "publication", DateBasis.UNKNOWN, "date unknown"),
])
def test_basis_and_label(date, date_from, basis, label):
    assert date_basis(date, date_from) is basis
    assert date_label(date, basis) == label
    assert dated(date, date_from) == {"date": date or "", "date_basis": basis.value,
                                      "date_label": label}


@pytest.fixture
def mixed_client(memory_store, extractor):
    """An app over one article with a stated date and an event the text does not date."""
    from kg.ingest import ingest
    from web import close_app, create_app

    text = ("The Lebanese army shelled Islamic State positions near Ras Baalbek.\n\nHezbollah "
            "fighters clashed with Islamic State militants near Arsal on 20 August 2017.")
    article = article_from_text(text, origin="dates", meta={"published": "2017-08-27"})
    assert ingest(memory_store, [article], extractor).added
    app = create_app({"TESTING": True, "KG_STORE": "memory:"})
    app.extensions["kg_store"] = memory_store
    yield app.test_client()
    close_app(app)


def _labels(events):
    return {event["href"].rsplit("/", 1)[-1]: (event["date_basis"], event["date_label"])
            for event in events}


def test_every_page_dates_each_event_alike(mixed_client):
    timeline = _labels(mixed_client.get("/timeline.json").get_json()["events"])
    network = _labels(mixed_client.get("/network.json").get_json()["events"])
    entity = mixed_client.get("/id/actor/isis-lebanon", headers={"Accept": "application/json"}).get_json()
    on_entity = {event["uri"].rsplit("/", 1)[-1]: (event["date_basis"], event["date_label"])
                 for event in entity["events"]}
    assert set(timeline.values()) == {("stated", "2017-08-20"),
                                      ("inferred", "2017-08-27 (article date)")}
    for key, shown in on_entity.items():
        assert timeline.get(key, shown) == shown == network.get(key, shown), key
    assert set(on_entity) & set(timeline)


def test_events_read_one_by_one_or_all_at_once_are_dated_alike(memory_store, extractor):
    """The paged views read events by URI (kg.views.source.EVENT_BOUND), the others all at
    once (EVENTS): both carry the date's basis."""
    from kg.ingest import ingest
    from kg.views.source import read_events

    text = ("The Lebanese army shelled Islamic State positions near Ras Baalbek.\n\nHezbollah "
            "fighters clashed with Islamic State militants near Arsal on 20 August 2017.")
    article = article_from_text(text, origin="dates", meta={"published": "2017-08-27"})
    assert ingest(memory_store, [article], extractor).added
    every = read_events(memory_store)
    one_by_one = read_events(memory_store, list(every))
    fields = ("date", "date_basis", "date_label")
    assert {uri: tuple(e[f] for f in fields) for uri, e in one_by_one.items()} == {
        uri: tuple(e[f] for f in fields) for uri, e in every.items()}
    assert {e["date_basis"] for e in every.values()} == {"stated", "inferred"}
