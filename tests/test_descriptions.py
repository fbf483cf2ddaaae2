"""One description per entity: the entities graph, merged deterministically, kept on remove."""

from __future__ import annotations

import itertools

import pytest

from kg import ids
from kg.descriptions import description, forget_article, kind_by_rule, stronger
from kg.documents import article_from_text
from kg.ingest import ingest, iter_inputs, remove_article
from kg.model import Actor, Extraction, Mention, Span
from kg.store import open_store
from kg.validate import validate

NAIVE = "SELECT ?p ?o WHERE { ?x ?p ?o }"
PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?x ?p ?o } } GROUP BY ?g"


class _Given:
    """An extractor that returns prepared extractions (key -> (surface form, kind))."""

    def __init__(self, proposals: dict[str, tuple[str, str]]) -> None:
        self.proposals = proposals

    def pipe(self, articles, n_process=1):  # type: ignore[no-untyped-def]
        for article in articles:
            text, kind = self.proposals[article.key]
            mention = Mention(Span(0, len(text), text), 0, "actor", "police-forces")
            yield Extraction(article=article, mentions=(mention,),
                             actors=(Actor("police-forces", text, kind),))  # type: ignore[arg-type]


def _articles(keys):
    return [article_from_text(f"Article {key}.", origin=key) for key in keys]


PROPOSALS = {"a": ("Police forces", "other"), "b": ("police forces", "military"),
             "c": ("police forces", "armed_group"), "d": ("Police Forces", "other")}


@pytest.mark.parametrize("order", list(itertools.permutations("abcd"))[::5])
def test_merge_is_the_same_in_any_ingest_order(order):
    store = open_store("memory:")
    ingest(store, _articles(order), _Given(PROPOSALS))
    assert description(store, "police-forces") == ("police forces", "police")
    rows = store.select(NAIVE, {"x": ids.actor_uri("police-forces")})
    triples = [(r["p"], r["o"]) for r in rows]
    assert len(triples) == len(set(triples)) == 5  # 2 types, label, prefLabel, kind: once each


def test_removing_articles_recounts_then_removes_the_description():
    store = open_store("memory:")
    ingest(store, _articles("abcd"), _Given(PROPOSALS))
    assert remove_article(store, "b") and forget_article(store, "c")
    label, kind = description(store, "police-forces")
    assert label == "Police Forces" and kind == "police"  # a tie: code-point order
    assert forget_article(store, "a") and forget_article(store, "d")
    assert description(store, "police-forces") is None
    assert not len(store.select(NAIVE, {"x": ids.actor_uri("police-forces")}))
    assert not forget_article(store, "a")


def test_kind_rules():
    assert kind_by_rule("the police forces", "military") == "police"
    assert kind_by_rule("Free Hawks Brigade", "armed_group") == "armed_group"
    assert stronger("armed_group", "other") == stronger("other", "armed_group") == "armed_group"


@pytest.fixture(scope="module")
def grown_store(tmp_path_factory):
    from kg.extract import default_extractor
    from kg.synth import write_corpus

    corpus = tmp_path_factory.mktemp("grown") / "c.jsonl"
    write_corpus(corpus, 25, seed=6, actors=600)
    store = open_store("memory:")
    report = ingest(store, iter_inputs([corpus]), default_extractor())
    assert len(report.added) == 25
    return store


def test_article_graphs_hold_no_descriptions_and_each_triple_is_stored_once(grown_store):
    entities = ids.entities_graph()
    described = grown_store.select(
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?l ;"
        " a ?t . FILTER(?t IN (<https://w3id.org/conflict-kg/ontology#Actor>,"
        " <https://w3id.org/conflict-kg/ontology#Place>)) } }")
    assert [r["g"] for r in described] == [entities]
    actors = grown_store.select("SELECT DISTINCT ?x WHERE { ?m "
                                "<https://w3id.org/conflict-kg/ontology#refersTo> ?x }")
    assert len(actors) > 20
    for row in actors:
        rows = grown_store.select(NAIVE, {"x": row["x"]})
        pairs = [(r["p"], r["o"]) for r in rows]
        assert pairs and len(pairs) == len(set(pairs)), row["x"]


def test_validate_conforms_after_ingest(grown_store):
    report = validate(grown_store)
    assert report.conforms, report.results[:3]
