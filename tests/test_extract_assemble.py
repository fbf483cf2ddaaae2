"""Which date dates which event: a sentence's date adjunct, not any date of another clause."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text


def _dates(extractor, text: str) -> dict[str, str | None]:
    article = article_from_text(text, origin="t", meta={"published": "2022-01-10"})
    events = extractor.build(article, extractor.nlp(text)).events
    return {e.trigger.text: e.time.value if e.time else None for e in events}


@pytest.mark.parametrize("text, trigger", [
    ("Rebels attacked the garrison on 8 January 2022, killing four guards.", "killing"),
    ("On 8 January 2022, rebels attacked the garrison and killed four guards.", "killed"),
    ("Rebels attacked the garrison and killed four guards on 8 January 2022.", "attacked"),
])
def test_a_day_date_of_a_governing_clause_dates_the_events_below_it(extractor, text, trigger):
    assert _dates(extractor, text)[trigger] == "2022-01-08"


@pytest.mark.parametrize("text, trigger, inner, own", [
    ("Soldiers arrested a journalist who was kidnapped in 2013.", "arrested", "kidnapped",
     "2013"),
    ("Rebels shelled the town where militias had clashed on 3 January 2022.", "shelled",
     "clashed", "2022-01-03"),
])
def test_a_date_of_a_subordinate_clause_dates_only_that_clause(extractor, text, trigger, inner,
                                                                own):
    dates = _dates(extractor, text)
    assert dates[trigger] != own and dates[inner] == own


@pytest.mark.parametrize("text", [
    "On 2 May 2022, a bomb exploded near the Kandahar Road in Quetta (Balochistan), wounding two"
    " guards.",
    "On 4 May 2022, gunmen shot a trader near Kabul market in Quetta, Balochistan.",
])
def test_of_names_in_several_countries_the_article_country_wins(extractor, text):
    article = article_from_text(text, origin="t", meta={"published": "2022-05-06"})
    extraction = extractor.build(article, extractor.nlp(text))
    places = {p.key: p for p in extraction.places}
    assert len({p.country for p in places.values()}) > 1  # a city abroad was matched too
    assert {places[e.place].country for e in extraction.events if e.place} == {"PAK"}


def test_spans_quote_the_article_text_without_rebuilding_the_doc_text():
    """``doc.text`` joins every token: read once per span, a 250 KB article took minutes."""
    from kg.extract.mentions import ORIGINAL_TEXT, original

    class JoinlessDoc:
        user_data = {ORIGINAL_TEXT: "Arsal was shelled."}

        @property
        def text(self) -> str:
            raise AssertionError("doc.text rebuilt for one span")

    class Piece:
        start_char, end_char = 0, 5

    assert original(JoinlessDoc(), Piece()) == "Arsal"


def test_a_place_of_a_clause_brings_the_names_of_its_admin_chain_most_specific_first(extractor):
    from types import SimpleNamespace

    from kg.extract.assemble import _Context
    from kg.extract.mentions import sentences_of
    from kg.model import Mention, Place, Span

    text = "Crowds rallied in Kramatorsk (Donetsk) and in Lviv."
    doc = extractor.nlp(text)
    _, sentence_of, _ = sentences_of(doc)
    mentions = [Mention(Span(text.index(name), text.index(name) + len(name), name), 0, "place",
                        key) for name, key in [("Kramatorsk", "town-k"), ("Donetsk", "region-d"),
                                               ("Lviv", "town-l")]]
    article = article_from_text(text, origin="t")
    places = {key: Place(key=key, label=key, kind=kind, country="XQX")  # type: ignore[arg-type]
              for key, kind in [("town-k", "town"), ("region-d", "region"), ("town-l", "town")]}
    ctx = _Context(article, doc, SimpleNamespace(places=places), mentions, {}, [])
    ctx.sentence_of_token = sentence_of
    ctx.index()
    donetsk = next(t.i for t in doc if t.text == "Donetsk")
    assert ctx.places_in(0, frozenset({donetsk})) == ["town-k", "region-d"]
    assert ctx.with_chains([donetsk]) == ["town-k", "region-d"]
    lviv = next(t.i for t in doc if t.text == "Lviv")
    assert ctx.with_chains([lviv]) == ["town-l"]  # "and in" joins no chain


@pytest.mark.parametrize("text, town", [
    ("Police detained nine migrants from Eritrea during a raid on a farm near Kalamata.",
     "Kalamata"),
    ("Soldiers arrested five traders from Mali during a search at a market in Tamale.", "Tamale"),
])
def test_a_country_people_come_from_yields_to_the_settlement_of_the_clause(extractor, text,
                                                                            town):
    found = extractor.extract(article_from_text(text, origin="t"))
    places = {p.key: p for p in found.places}
    assert places[found.events[0].place].label == town


@pytest.mark.parametrize("text, town", [
    ("Herders from Kano clashed with farmers near Jos on Monday.", "Jos"),
    ("Residents of Tromso gathered outside the town hall in support of strikers in Oslo.",
     "Tromsø"),  # residents of a place are there
])
def test_a_place_the_subject_comes_from_yields_to_one_of_the_rest_of_the_clause(extractor, text,
                                                                                town):
    found = extractor.extract(article_from_text(text, origin="t"))
    places = {p.key: p for p in found.places}
    assert places[found.events[0].place].label == town


def test_an_event_with_no_place_in_its_sentence_takes_the_first_sentences_settlement(extractor):
    text = "Tension rose across Vestland county and in Bergen on Monday. Police later arrested" \
           " two protesters."
    found = extractor.extract(article_from_text(text, origin="t"))
    places = {p.key: p for p in found.places}
    event = next(e for e in found.events if e.trigger.text == "arrested")
    assert (places[event.place].label, event.place_from) == ("Bergen", "article")
