"""The extractor on the seed article and on small sentences with known answers."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.documents import article_from_text
from kg.extract.gazetteer import build_gazetteer, load_gazetteer
from kg.extract.pipeline import split_chunks


def keys(mentions, text):
    return {m.key for m in mentions if m.span.text == text}


def test_main_actors_are_distinct_canonical_actors(seed_extraction):
    found = {a.key for a in seed_extraction.actors}
    assert {"isis", "hezbollah", "lebanon-military", "syria-military"} <= found
    assert len({"isis", "hezbollah", "lebanon-military", "syria-military"}) == 4


def test_isis_and_islamic_state_resolve_to_one_actor(seed_extraction):
    mentions = seed_extraction.mentions
    assert keys(mentions, "ISIS") == keys(mentions, "Islamic State") == {"isis"}


def test_composite_actors_carry_country_and_sector(seed_extraction):
    army = seed_extraction.actor("lebanon-military")
    assert (army.kind, army.parent, army.sector, army.country) == ("military", "lebanon",
                                                                   "military", "LBN")
    assert seed_extraction.actor("syria-military").country == "SYR"


def test_short_form_resolves_only_after_the_full_name(seed_extraction):
    assert keys(seed_extraction.mentions, "Bassil") == {"gebran-bassil"}
    early = article_from_text("Bassil spoke. Later Gebran Bassil left.", origin="x")
    from kg.extract import default_extractor

    mentions = default_extractor().extract(early).mentions
    assert [m.span.start for m in mentions if m.key == "gebran-bassil"] == [20]


def test_generic_mentions_resolve_from_context(seed_extraction):
    assert keys(seed_extraction.mentions, "jihadists") == {"isis"}
    assert keys(seed_extraction.mentions, "Iran-backed group") == {"hezbollah"}


def test_places_and_coordinates(seed_extraction):
    places = {p.key: p for p in seed_extraction.places}
    assert {"arsal", "qalamoun", "lebanon", "syria"} <= set(places)
    assert places["arsal"].country == "LBN" and places["arsal"].lat == pytest.approx(34.18)


def test_dates_have_granularity_and_sunday_is_the_publication_day(seed_extraction):
    by_text = {t.span.text: t for t in seed_extraction.times}
    assert (by_text["2013"].value, by_text["2013"].granularity) == ("2013", "year")
    assert (by_text["Sunday"].value, by_text["Sunday"].granularity) == ("2017-08-27", "day")
    assert by_text["August 23, 2017"].value == "2017-08-23"
    assert by_text["earlier this month"].granularity == "month"


def test_fighting_and_ceasefire_events_with_roles(seed_extraction):
    events = {(e.event_type, e.agents, e.targets) for e in seed_extraction.events}
    assert ("ArmedClash", ("isis",), ("lebanon-military", "hezbollah", "syria-military")) in events
    assert ("ArmedClash", ("lebanon-military", "syria-military", "hezbollah"), ("isis",)) in events
    # the counterpart: stated ("in their assault against the Islamic State"), else the foe
    assert ("Ceasefire", ("hezbollah", "syria-military"), ("isis",)) in events
    assert ("Ceasefire", ("lebanon-military",), ("isis",)) in events


def test_quantity_time_and_modality(seed_extraction):
    kidnaps = [e for e in seed_extraction.events if e.event_type == "Kidnap"]
    assert any(q.value == 9 and q.unit == "soldier" for e in kidnaps for q in e.quantities)
    assert any(e.targets == ("samir-kassab",) and e.time.value == "2013" for e in kidnaps)
    coordination = [e for e in seed_extraction.events if e.trigger.text == "coordinating"]
    assert [e.modality for e in coordination] == ["negated"]
    negotiate = [e for e in seed_extraction.events if e.trigger.text == "negotiate"]
    assert [e.modality for e in negotiate] == ["hypothetical"]


def test_claims_speakers_channels_and_contradictions(seed_extraction):
    claims = seed_extraction.claims
    via_manar = [c for c in claims if c.via == "al-manar"]
    assert [c.speaker for c in via_manar] == ["hezbollah"]
    bassil = next(c for c in claims if c.speaker == "gebran-bassil" and c.verb == "say")
    assert bassil.negated and "there weren't negotiations" in bassil.quote.text
    tweet = next(c for c in claims if c.verb == "tweet")
    assert tweet.speaker == "gebran-bassil" and tweet.quote.text.startswith("to congratulate")
    talks = next(c for c in claims if c.quote.text.startswith("Mediated talks"))
    assert talks.speaker is None and talks.speaker_text == "a Lebanese security source"
    assert bassil.index in talks.contradicts and talks.index in bassil.contradicts


def test_every_offset_points_into_the_text(seed_extraction):
    text = seed_extraction.article.text
    spans = [m.span for m in seed_extraction.mentions] + [t.span for t in seed_extraction.times]
    spans += [e.trigger for e in seed_extraction.events] + [c.quote for c in seed_extraction.claims]
    spans += [q.span for e in seed_extraction.events for q in e.quantities]
    assert all(text[s.start:s.end] == s.text for s in spans)
    assert all(text[s.start:s.end] == s.text for s in seed_extraction.sentences)


def test_undated_article_gets_an_inferred_date(extractor):
    article = article_from_text("Clashes on August 20, 2017. Talks on Sunday.", origin="u")
    extraction = extractor.extract(article)
    assert extraction.article.published == dt.date(2017, 8, 20)
    assert extraction.article.date_inferred and extraction.notes


def test_no_actor_no_statement_but_material_events_stand(extractor):
    """Issue 14: a reported clash is real without named sides (its agent is then unidentified,
    see below); a meeting needs its parties."""
    talks = extractor.extract(article_from_text("Talks resumed overnight.", origin="q"))
    assert talks.events == ()
    fighting = extractor.extract(article_from_text("Fighting resumed overnight.", origin="q"))
    assert [e.event_type for e in fighting.events] == ["ArmedClash"]


def test_violence_no_actor_performs_has_an_unidentified_agent(extractor):
    extraction = extractor.extract(article_from_text("Fighting erupted overnight.", origin="q"))
    (event,) = extraction.events
    assert event.agents == ("generic-unidentified",)
    assert extraction.actor("generic-unidentified").label == "Unidentified armed group"


def test_long_texts_are_chunked_with_exact_offsets(extractor, monkeypatch):
    from kg.extract import pipeline

    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 60)
    text = "Hezbollah attacked ISIS.\n\n" * 6
    assert len(split_chunks(text, pipeline.CHUNK_CHARS)) == 3
    extraction = extractor.extract(article_from_text(text, origin="long"))
    assert len([m for m in extraction.mentions if m.key == "isis"]) == 6
    assert all(text[m.span.start:m.span.end] == m.span.text for m in extraction.mentions)


def test_split_chunks_rejoins_to_the_text():
    text = "one two\nthree four\n\nfive six seven " * 50
    assert "".join(split_chunks(text, size=37)) == text
    assert max(len(c) for c in split_chunks(text, size=37)) <= 37


def test_user_extension_adds_an_actor(tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text("actors:\n  gondor: {label: Gondor, kind: state, aliases: [Gondor]}\n"
                     "  isis: {aliases: [Tanzim]}\n", "utf-8")
    base = load_gazetteer()
    from kg.extract.gazetteer import ONTOLOGY_DIR

    gazetteer = build_gazetteer([ONTOLOGY_DIR / "actors.yaml", extra], None)
    assert gazetteer.aliases["gondor"] == "gondor" and gazetteer.aliases["tanzim"] == "isis"
    assert "tanzim" not in base.aliases


@pytest.mark.parametrize("text, dated", [
    ("On 8 January 2022, IS militants attacked a checkpoint and killed two soldiers.", 2),
    ("IS militants attacked a checkpoint and killed two soldiers on 8 January 2022.", 2),
    ("IS militants attacked a checkpoint on 7 January 2022 and killed two soldiers on 8 January 2022.", 1),
])
def test_a_fronted_date_adjunct_dates_every_event_of_its_sentence(text, dated):
    """A fronted date, or the one date a sentence names, dates every event of the sentence;
    with two dates, each event keeps its own clause's."""
    from kg.extract import default_extractor

    extractor = default_extractor()
    article = article_from_text(text, origin="t", meta={"published": "2022-01-10"})
    events = extractor.build(article, extractor.nlp(text)).events
    assert len(events) == 2
    assert sum(e.time is not None and e.time.value == "2022-01-08" for e in events) == dated


@pytest.mark.parametrize("text", [
    "Headline Without Stop\nThe army shelled the village.",
    "Two paragraphs.\n\nA caption\n  and a line  \n\nend\n",
    "\nStarts with a break\r\nand a Windows break; tabs\t\tand  spaces  stay.",
    "word\n",
    "\n",
    "",
])
def test_newline_breaks_start_a_sentence_after_every_line_break(text):
    import spacy

    from kg.extract.pipeline import NEWLINE_BREAKS, register_newline_breaks

    register_newline_breaks()
    nlp = spacy.blank("en")
    nlp.add_pipe(NEWLINE_BREAKS)
    doc = nlp(text)
    expected = [True if doc[token.i - 1].is_space and "\n" in doc[token.i - 1].text else None
                for token in doc[1:]]
    assert [token.is_sent_start for token in doc[1:]] == expected
