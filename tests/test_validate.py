"""SHACL validation: hand-built graphs conform, specific breakages fail on the right node."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from rdflib import Graph, Literal, URIRef

from kg import ids
from kg.errors import NotFound
from kg.model import (
    Actor,
    Article,
    Claim,
    Event,
    Extraction,
    Mention,
    Place,
    Quantity,
    Sentence,
    Span,
    TimeExpr,
)
from kg.rdf import extraction_graph
from kg.validate import validate, validate_graph
from kg.vocab import CKG, ET, GEO, PROV, RDF, RDFS, SKOS, TIME, XSD

S0 = "The Lebanese army said nine soldiers died in clashes with ISIS near Arsal in 2014."
S1 = " On Sunday at 07:00 a ceasefire mediated by Hezbollah began; ISIS denied it in August 2017."
TEXT = S0 + S1


def span(text: str, start: int = 0) -> Span:
    """The first occurrence of ``text`` in TEXT at or after ``start``."""
    begin = TEXT.index(text, start)
    return Span(begin, begin + len(text), text)


def extraction() -> Extraction:
    """A small article exercising every kind of node the mapping produces."""
    article = Article(key="check", text=TEXT, sha256=hashlib.sha256(TEXT.encode()).hexdigest(),
                      title="Check", published=dt.date(2017, 8, 27), source="Wire")
    s1 = len(S0)
    year = TimeExpr(span("2014"), 0, "2014", "year")
    minute = TimeExpr(span("Sunday at 07:00"), 1, "2017-08-27T07:00", "time", relative=True)
    month = TimeExpr(span("August 2017"), 1, "2017-08", "month")
    actors = (
        Actor("lebanon", "Lebanon", "state", country="LBN", qid="Q822"),
        Actor("lebanon-military", "Lebanese army", "military", country="LBN", parent="lebanon",
              sector="military"),
        Actor("isis", "Islamic State", "armed_group", qid="Q2429253", aliases=("ISIS", "IS")),
        Actor("hezbollah", "Hezbollah", "armed_group", country="LBN"),
    )
    places = (Place("arsal", "Arsal", "town", country="LBN", lat=34.18, lon=36.42),
              Place("qalamoun", "Qalamoun", "region", country="SYR"))
    mentions = (Mention(span("Lebanese army"), 0, "actor", "lebanon-military"),
                Mention(span("ISIS"), 0, "actor", "isis"),
                Mention(span("Arsal"), 0, "place", "arsal"),
                Mention(span("Hezbollah"), 1, "actor", "hezbollah"),
                Mention(span("ISIS", s1), 1, "actor", "isis"))
    events = (
        Event(0, "ArmedClash", span("clashes"), 0, agents=("lebanon-military",), targets=("isis",),
              place="arsal", time=year, quantities=(Quantity(span("nine soldiers"), 9, "soldier"),)),
        Event(1, "Ceasefire", span("ceasefire"), 1, agents=("lebanon-military", "isis"),
              mediators=("hezbollah",), time=minute),
    )
    claims = (
        Claim(0, "lebanon-military", "The Lebanese army", "say",
              span("nine soldiers died in clashes with ISIS near Arsal in 2014"), 0, asserts=0),
        Claim(1, "isis", "ISIS", "deny", span("it", s1 + 60), 1, time=month, negated=True,
              asserts=1, contradicts=(2,)),
        Claim(2, None, "a source", "say", span("a ceasefire mediated by Hezbollah began"), 1,
              asserts=1, contradicts=(1,)),
    )
    return Extraction(article=article, sentences=(Sentence(0, 0, s1, S0), Sentence(1, s1, len(TEXT), S1)),
                      actors=actors, places=places, mentions=mentions, times=(year, minute, month),
                      events=events, claims=claims)


@pytest.fixture
def graph() -> Graph:
    return extraction_graph(extraction())


EVENT0 = ids.event_uri("check", 0)
EVENT1 = ids.event_uri("check", 1)
ISIS = ids.actor_uri("isis")


def failing(graph: Graph) -> dict[str, set[str]]:
    """Focus node -> paths of the violations of ``graph``; asserts it does not conform."""
    report = validate_graph(graph)
    assert not report.conforms, "expected violations, got a conforming graph"
    found: dict[str, set[str]] = {}
    for result in report.violations:
        found.setdefault(result.focus, set()).add(result.path or "")
    return found


def test_fixture_spans_match_the_text():
    ex = extraction()
    spans = [m.span for m in ex.mentions] + [t.span for t in ex.times]
    spans += [e.trigger for e in ex.events] + [c.quote for c in ex.claims]
    assert all(TEXT[s.start:s.end] == s.text for s in spans)


def test_hand_built_graph_conforms_without_warnings(graph):
    report = validate_graph(graph)
    assert report.conforms and not report.results, report.as_text()
    assert report.as_text().startswith("Conforms")


def test_validation_leaves_the_data_graph_alone(graph):
    before = set(graph)
    validate_graph(graph)
    assert set(graph) == before


def test_missing_actor_label(graph):
    graph.remove((ISIS, RDFS.label, None))
    assert failing(graph) == {str(ISIS): {"rdfs:label"}}


def test_two_actor_labels(graph):
    graph.add((ISIS, RDFS.label, Literal("Daesh")))
    assert failing(graph) == {str(ISIS): {"rdfs:label"}}


def test_actor_typed_only_by_its_kind_class_is_still_an_actor(graph):
    graph.remove((ISIS, RDF.type, CKG.Actor))  # ckg:ArmedGroup rdfs:subClassOf ckg:Actor
    assert validate_graph(graph).conforms
    graph.remove((ISIS, RDFS.label, None))
    assert str(ISIS) in failing(graph)


def test_actor_kind_outside_the_list(graph):
    graph.set((ISIS, CKG.actorKind, Literal("terrorists")))
    assert failing(graph) == {str(ISIS): {"ckg:actorKind"}}


def test_event_type_outside_the_scheme(graph):
    graph.set((EVENT0, CKG.eventType, URIRef("https://example.org/NotAType")))
    assert failing(graph) == {str(EVENT0): {"ckg:eventType"}}


def test_event_type_from_another_scheme(graph):
    other = URIRef("https://example.org/scheme/Skirmish")
    graph.add((other, RDF.type, SKOS.Concept))
    graph.add((other, SKOS.inScheme, URIRef("https://example.org/scheme")))
    graph.set((EVENT0, CKG.eventType, other))
    assert failing(graph) == {str(EVENT0): {"ckg:eventType"}}


def test_two_event_types(graph):
    graph.add((EVENT0, CKG.eventType, ET.Shelling))
    assert failing(graph) == {str(EVENT0): {"ckg:eventType"}}


def test_modality_outside_the_list(graph):
    graph.set((EVENT0, CKG.modality, Literal("maybe")))
    assert failing(graph) == {str(EVENT0): {"ckg:modality"}}


def test_two_places(graph):
    graph.add((EVENT0, CKG.place, ids.place_uri("qalamoun")))
    assert failing(graph) == {str(EVENT0): {"ckg:place"}}


def test_agent_that_is_not_an_actor(graph):
    graph.add((EVENT0, CKG.agent, ids.place_uri("arsal")))
    assert failing(graph) == {str(EVENT0): {"ckg:agent"}}


def test_start_after_end():
    ex = extraction()
    mention = ids.mention_uri("check", ex.mentions[1].span.start, ex.mentions[1].span.end)
    graph = extraction_graph(ex)
    graph.set((mention, CKG.startOffset, Literal(ex.mentions[1].span.end + 1)))
    assert str(mention) in failing(graph)
    assert "ckg:startOffset" in failing(graph)[str(mention)]


def test_negative_offset_and_offset_as_string(graph):
    sentence = ids.sentence_uri("check", 0)
    graph.set((sentence, CKG.startOffset, Literal(-1)))
    graph.set((sentence, CKG.endOffset, Literal("83")))
    assert {"ckg:startOffset", "ckg:endOffset"} <= failing(graph)[str(sentence)]


def test_text_longer_than_its_offsets():
    ex = extraction()
    first = ex.mentions[0].span
    mention = ids.mention_uri("check", first.start, first.end)
    graph = extraction_graph(ex)
    graph.set((mention, CKG.text, Literal("The Lebanese army")))
    assert failing(graph) == {str(mention): {""}}  # a SPARQL constraint: no single path


def test_span_outside_its_sentence():
    ex = extraction()
    hezbollah = ex.mentions[3].span
    mention = ids.mention_uri("check", hezbollah.start, hezbollah.end)
    graph = extraction_graph(ex)
    graph.set((mention, CKG.sentence, ids.sentence_uri("check", 0)))
    assert failing(graph) == {str(mention): {""}}


def test_wrong_date_datatype_on_an_event(graph):
    graph.set((EVENT0, CKG.date, Literal("27 August 2017", datatype=XSD.string)))
    found = failing(graph)
    assert "ckg:date" in found[str(EVENT0)]


def test_date_datatype_must_match_the_granularity():
    ex = extraction()
    year = ex.times[0].span
    node = ids.time_uri("check", year.start, year.end)
    graph = extraction_graph(ex)
    graph.set((node, CKG.date, Literal("2014-01-01", datatype=XSD.date)))  # granularity is still year
    assert str(node) in failing(graph)


def test_granularity_outside_the_four_units():
    ex = extraction()
    month = ex.times[2].span
    node = ids.time_uri("check", month.start, month.end)
    graph = extraction_graph(ex)
    graph.set((node, CKG.granularity, TIME.unitWeek))
    assert "ckg:granularity" in failing(graph)[str(node)]


def test_event_date_differs_from_its_time_expression(graph):
    graph.set((EVENT0, CKG.date, Literal("2015", datatype=XSD.gYear)))
    assert failing(graph) == {str(EVENT0): {""}}


def test_latitude_out_of_range_and_lone_longitude(graph):
    arsal, qalamoun = ids.place_uri("arsal"), ids.place_uri("qalamoun")
    graph.set((arsal, GEO.lat, Literal("95.0", datatype=XSD.decimal)))
    graph.add((qalamoun, GEO.long, Literal("36.5", datatype=XSD.decimal)))
    found = failing(graph)
    assert found[str(arsal)] == {"geo:lat"} and str(qalamoun) in found


def test_mention_must_refer_to_an_actor_or_place():
    ex = extraction()
    first = ex.mentions[0].span
    mention = ids.mention_uri("check", first.start, first.end)
    graph = extraction_graph(ex)
    graph.set((mention, CKG.refersTo, EVENT0))
    assert failing(graph) == {str(mention): {"ckg:refersTo"}}


def test_claim_speaker_must_be_an_actor_and_the_attributed_agent(graph):
    claim = ids.claim_uri("check", 0)
    graph.set((claim, PROV.wasAttributedTo, ids.actor_uri("hezbollah")))
    assert failing(graph) == {str(claim): {"ckg:speaker"}}


def test_claim_without_quote_or_verb(graph):
    claim = ids.claim_uri("check", 2)
    graph.remove((claim, CKG.quote, None))
    graph.remove((claim, CKG.reportingVerb, None))
    assert failing(graph) == {str(claim): {"ckg:quote", "ckg:reportingVerb"}}


def test_claim_contradicting_itself(graph):
    claim = ids.claim_uri("check", 1)
    graph.add((claim, CKG.contradicts, claim))
    assert failing(graph) == {str(claim): {""}}


def test_article_without_hash(graph):
    article = ids.article_uri("check")
    graph.set((article, CKG.sha256, Literal("not-a-hash")))
    assert failing(graph) == {str(article): {"ckg:sha256"}}


def test_scheme_itself_is_checked(graph):
    graph.add((ET.Ceasefire, CKG.sign, Literal(2)))
    assert failing(graph) == {str(ET.Ceasefire): {"ckg:sign"}}


def test_event_without_actors_is_a_warning_only(graph):
    for prop in (CKG.agent, CKG.mediator):
        graph.remove((EVENT1, prop, None))
    report = validate_graph(graph)
    assert report.conforms and [w.focus for w in report.warnings] == [str(EVENT1)]
    assert report.as_text().startswith("Conforms, with 1 warning")


def test_report_renderings(graph):
    graph.remove((ISIS, RDFS.label, None))
    report = validate_graph(graph)
    text = report.as_text()
    assert text.startswith("Does not conform: 1 violation(s)")
    assert f"<{ISIS}> rdfs:label" in text
    data = report.as_dict()
    assert data["conforms"] is False and data["violations"] == 1
    assert data["results"][0]["focus"] == str(ISIS)
    assert data["results"][0]["constraint"] == "MinCountConstraintComponent"


def test_store_validation_union_and_one_graph(memory_store, graph):
    article = ids.article_uri("check")
    memory_store.replace_graph(article, iter(graph))
    assert validate(memory_store).conforms
    assert validate(memory_store, article).triples == len(graph)
    broken = Graph()
    broken.add((ISIS, RDFS.label, Literal("Daesh")))  # a second label, from another article
    memory_store.replace_graph(ids.article_uri("other"), iter(broken))
    assert not validate(memory_store).conforms
    assert validate(memory_store, article).conforms
    with pytest.raises(NotFound):
        validate(memory_store, ids.article_uri("absent"))


def test_seed_conforms(seed_store):
    report = validate(seed_store)
    assert report.conforms, report.as_text()


def run_cli(store, *args: str):
    from click.testing import CliRunner

    from kg.cli import main
    from kg.cli.env import Environment

    return CliRunner().invoke(main, ["validate", *args], obj=Environment(store_uri="memory:", _store=store))


def test_cli_exit_status_and_formats(memory_store, graph):
    import json

    memory_store.replace_graph(ids.article_uri("check"), iter(graph))
    ok = run_cli(memory_store)
    assert ok.exit_code == 0 and ok.output.startswith("Conforms"), ok.output
    graph.remove((ISIS, RDFS.label, None))
    memory_store.replace_graph(ids.article_uri("check"), iter(graph))
    text = run_cli(memory_store)
    assert text.exit_code == 1 and "Does not conform: 1 violation(s)" in text.output
    data = json.loads(run_cli(memory_store, "--format", "json").output)
    assert data["conforms"] is False and data["results"][0]["path"] == "rdfs:label"


def test_cli_unknown_graph_is_one_line(memory_store):
    result = run_cli(memory_store, "--graph", str(ids.article_uri("absent")))
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"kg: error: no graph {ids.article_uri('absent')} in the store"]


def test_undated_event_is_dated_by_the_publication_marked_as_such(extractor):
    from kg.documents import article_from_text

    text = ("Two farmers were wounded by a landmine near Kandahar. "
            "On 3 May 2021, gunmen attacked a bus in Kabul. A police officer was killed.")
    article = article_from_text(text, origin="v", meta={"id": "v", "published": "2021-05-06"})
    extraction = extractor.extract(article)
    graph = extraction_graph(extraction)
    report = validate_graph(graph)
    assert report.conforms, report.as_text()
    sources = {str(o) for o in graph.objects(None, CKG.dateFrom)}
    assert sources == {"publication", "clause", "context"}
    inferred = [s for s, o in graph.subject_objects(CKG.dateFrom) if str(o) == "publication"]
    assert inferred and all(graph.value(s, CKG.date) == Literal("2021-05-06", datatype=XSD.date)
                            and graph.value(s, CKG.time) is None for s in inferred)
    assert {str(o) for o in graph.objects(None, CKG.placeFrom)} <= {"clause", "sentence", "article"}


def test_publication_date_without_the_mark_is_a_violation():
    graph = extraction_graph(extraction())
    event = next(graph.subjects(RDF.type, CKG.Event))
    graph.remove((event, CKG.date, None))
    graph.remove((event, CKG.time, None))
    graph.add((event, CKG.date, Literal("2017-08-28", datatype=XSD.date)))
    assert not validate_graph(graph).conforms
    graph.add((event, CKG.dateFrom, Literal("publication")))
    published = graph.value(ids.article_uri(extraction().article.key),
                            URIRef("https://schema.org/datePublished"))
    graph.set((event, CKG.date, published))
    assert validate_graph(graph).conforms
