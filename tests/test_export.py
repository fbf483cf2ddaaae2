"""RDF exports: every format, whole graph / one article / one actor, checked by independent parsers."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal

from kg import ids
from kg.cli import main
from kg.cli.env import Environment
from kg.errors import NotFound
from kg.export import export_actor, export_article, export_rdf
from kg.formats import RDF_FORMATS, rdf_format
from kg.rdf import extraction_graph
from kg.vocab import CKG, PREFIXES, RDF, RDFS, sparql_prologue
from tests.rdf_assert import assert_isomorphic
from tests.rdf_datasets import assert_same_datasets, fill, parsed_dataset, store_dataset, union
from tests.servers import any_store  # noqa: F401  (fixture)
from tests.store_batch import article, extraction

RAPPER = {"turtle": "turtle", "nt": "ntriples", "nq": "nquads", "trig": "trig", "rdfxml": "rdfxml"}
SERDI = {"turtle": "turtle", "nt": "ntriples", "nq": "nquads", "trig": "trig"}


@pytest.fixture
def filled(memory_store):
    fill(memory_store, 6)
    return memory_store


def exported(store, fmt: str, **how) -> bytes:  # type: ignore[no-untyped-def]
    out = io.BytesIO()
    if "article" in how:
        export_article(store, out, fmt, how["article"])
    elif "actor" in how:
        export_actor(store, out, fmt, how["actor"])
    else:
        export_rdf(store, out, fmt)
    return out.getvalue()


@pytest.mark.parametrize("fmt", [f.name for f in RDF_FORMATS])
def test_whole_graph_export_in_every_format(any_store, fmt):
    fill(any_store)
    expected = store_dataset(any_store)
    data = exported(any_store, fmt)
    info = rdf_format(fmt)
    if info.datasets:
        assert_same_datasets(parsed_dataset(data, info.rdflib_name), expected)
    else:
        assert_isomorphic(Graph().parse(data=data, format=info.rdflib_name), union(expected))


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nq", "jsonld"])
def test_article_export_is_its_named_graph(filled, fmt):
    art = article(2)
    data = exported(filled, fmt, article=art.key)
    info = rdf_format(fmt)
    if fmt in ("trig", "nq"):  # named: the graph keeps the article's name
        assert_same_datasets(parsed_dataset(data, info.rdflib_name), {
            ids.article_uri(art.key): extraction_graph(extraction(art), described=False)})
    else:  # a graph: Turtle, and JSON-LD as graph clients read it
        assert_isomorphic(Graph().parse(data=data, format=info.rdflib_name),
                          extraction_graph(extraction(art), described=False))


def test_actor_neighbourhood_holds_its_events_claims_and_evidence(filled):
    graph = Graph().parse(data=exported(filled, "turtle", actor="hezbollah"), format="turtle")
    hezbollah = ids.actor_uri("hezbollah")
    events = set(graph.subjects(RDF.type, CKG.Event))
    involving = {e for e in events
                 if hezbollah in set(graph.objects(e, CKG.agent)) | set(graph.objects(e, CKG.target))}
    assert events and events == involving  # only events it takes part in...
    stored = filled.select(sparql_prologue() + "SELECT DISTINCT ?e WHERE { ?e ckg:agent|ckg:target ?a }",
                           {"a": hezbollah}).column("e")
    assert events == set(stored)  # ... and all of them
    for event in events:
        assert graph.value(event, CKG.eventType) is not None
        claims = set(graph.subjects(CKG.asserts, event))
        assert claims, f"no claim about {event}"
        sentence = graph.value(event, CKG.sentence)
        assert graph.value(sentence, CKG.text) is not None
        assert graph.value(graph.value(event, CKG.occurrence), RDF.type) == CKG.Occurrence
    assert graph.value(hezbollah, RDFS.label) == Literal("Hezbollah")
    others = {o for e in events for o in graph.objects(e, CKG.target)} - {hezbollah}
    assert others and all(graph.value(o, RDF.type) is not None for o in others)


def test_missing_article_or_actor_is_not_found(filled):
    with pytest.raises(NotFound):
        exported(filled, "turtle", article="no-such-article")
    with pytest.raises(NotFound):
        exported(filled, "turtle", actor="no-such-actor")


def test_jsonld_has_a_context_and_compact_iris(filled):
    document = json.loads(exported(filled, "jsonld"))
    assert document["@context"] == PREFIXES
    graphs = {graph["@id"]: graph for graph in document["@graph"]}
    assert "id:graph/entities" in graphs  # the actors' and places' one description
    graph = next(g for name, g in graphs.items() if name.startswith("id:article/"))
    types = {t for node in graph["@graph"] for t in node.get("@type", [])}
    assert "ckg:Event" in types and "ckg:Article" in types


@pytest.mark.parametrize("fmt", list(RAPPER))
def test_rapper_parses_every_export_to_the_same_data(filled, fmt, tmp_path):
    if not shutil.which("rapper"):
        pytest.skip("rapper not installed (Debian raptor2-utils)")
    _check_independent(filled, fmt, tmp_path, ["rapper", "-q", "-i", RAPPER[fmt], "-o", "nquads"])


@pytest.mark.parametrize("fmt", list(SERDI))
def test_serdi_parses_every_export_to_the_same_data(filled, fmt, tmp_path):
    if not shutil.which("serdi"):
        pytest.skip("serdi not installed (Debian serdi)")
    _check_independent(filled, fmt, tmp_path, ["serdi", "-i", SERDI[fmt], "-o", "nquads"])


def _check_independent(store, fmt: str, tmp_path: Path, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / f"export.{rdf_format(fmt).extension}"
    path.write_bytes(exported(store, fmt))
    result = subprocess.run([*command, str(path)], capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    expected = store_dataset(store)
    if rdf_format(fmt).datasets:
        assert_same_datasets(parsed_dataset(result.stdout, "nquads"), expected)
    else:
        assert_isomorphic(Graph().parse(data=result.stdout, format="nt"), union(expected))


def test_cli_export_writes_a_file_or_stdout(filled, tmp_path):
    env = Environment(store_uri="memory:", _store=filled)
    target = tmp_path / "hezbollah.ttl"
    result = CliRunner().invoke(main, ["export", "--actor", "hezbollah", "--out", str(target)],
                                obj=env)
    assert result.exit_code == 0, result.output
    assert (ids.actor_uri("hezbollah"), RDF.type, CKG.Actor) in Graph().parse(target)
    env = Environment(store_uri="memory:", _store=filled)
    result = CliRunner().invoke(main, ["export", "--format", "nq", "--article",
                                       article(1).key], obj=env)
    assert result.exit_code == 0, result.output
    assert_same_datasets(parsed_dataset(result.stdout_bytes, "nquads"),
                         {ids.article_uri(article(1).key):
                          extraction_graph(extraction(article(1)), described=False)})


def test_cli_export_of_a_missing_article_is_one_line_and_no_file(filled, tmp_path):
    env = Environment(store_uri="memory:", _store=filled)
    target = tmp_path / "none.ttl"
    result = CliRunner().invoke(main, ["export", "--article", "absent", "--out", str(target)],
                                obj=env)
    assert result.exit_code == 1
    assert result.output.strip() == "kg: error: no article 'absent' in the store"
    assert list(tmp_path.iterdir()) == []


def test_union_export_streams_every_graph_and_parses_to_the_union(memory_store):
    import io

    from rdflib import Graph, URIRef

    shared = (URIRef("urn:x:actor"), URIRef("urn:x:label"), URIRef("urn:x:isis"))
    own = (shared[0], shared[1], URIRef("urn:x:b"))
    memory_store.replace_graph(URIRef("urn:x:b"), [shared, own])
    memory_store.replace_graph(URIRef("urn:x:a"), [shared])
    out = io.BytesIO()
    memory_store.dump(out, "nt")
    assert len(out.getvalue().splitlines()) == 3  # graph by graph: the shared triple twice
    assert set(Graph().parse(data=out.getvalue(), format="nt")) == {shared, own}
