"""Actor network as GraphML/GEXF (Gephi's timeline) and events as ACLED-style CSV."""

from __future__ import annotations

import csv
import io

import networkx as nx
import pytest
from click.testing import CliRunner

from kg import ids
from kg.analysis.exports import CSV_COLUMNS, aggregated_network, export_network
from kg.analysis.projection import actor_network
from kg.cli import main
from kg.cli.env import Environment
from kg.vocab import CKG


def exported(store, fmt: str) -> bytes:
    out = io.BytesIO()
    export_network(store, fmt, out)
    return out.getvalue()


def test_csv_has_one_row_per_asserted_or_reported_event(seed_store):
    rows = list(csv.DictReader(io.StringIO(exported(seed_store, "csv").decode("utf-8"))))
    expected = seed_store.select(
        'SELECT DISTINCT ?e WHERE { ?e a ?event ; ?modal ?m FILTER(?m IN ("asserted", "reported")) }',
        {"event": CKG.Event, "modal": CKG.modality}).column("e")
    assert sorted(r["event_id"] for r in rows) == sorted(str(e) for e in expected)
    assert list(rows[0]) == list(CSV_COLUMNS)
    arsal = [r for r in rows if r["location"] == "Arsal"]
    assert arsal and {(r["country"], r["latitude"][:4], r["longitude"][:4]) for r in arsal} == {
        ("LBN", "34.1", "36.4")}
    assert all(r["source"] == "Haaretz (Reuters)" and "\n" not in r["sentence"] for r in rows)


def test_graphml_is_the_aggregated_network(seed_store):
    graph = nx.read_graphml(io.BytesIO(exported(seed_store, "graphml")))
    network = actor_network(seed_store)
    assert set(graph) == set(network)
    triples = {(u, v, d["type"]) for u, v, d in network.edges(data=True)}
    assert {(u, v, d["relation"]) for u, v, d in graph.edges(data=True)} == triples
    assert sum(d["weight"] for _, _, d in graph.edges(data=True)) == len(
        {(u, v, d["type"], d["event"]) for u, v, d in network.edges(data=True)})


def test_gexf_is_dynamic_with_dated_edges(seed_store):
    data = exported(seed_store, "gexf")
    assert b'mode="dynamic"' in data and b'timeformat="date"' in data
    graph = nx.read_gexf(io.BytesIO(data))
    isis, lebanon = str(ids.actor_uri("isis")), str(ids.actor_uri("lebanon-military"))
    dated = [d for u, v, d in graph.edges(data=True) if {u, v} == {isis, lebanon}]
    assert dated and all(d["start"] <= d["end"] for d in dated)
    assert all(len(d["start"]) == 10 for _, _, d in graph.edges(data=True) if "start" in d)


@pytest.mark.parametrize("fmt", ["csv", "graphml", "gexf"])
def test_kg_export_network_formats(seed_store, tmp_path, fmt):
    target = tmp_path / f"net.{fmt}"
    env = Environment(store_uri="memory:", _store=seed_store)
    result = CliRunner().invoke(main, ["export", "--format", fmt, "--out", str(target)], obj=env)
    assert result.exit_code == 0, result.output
    if fmt == "gexf":  # the file carries today's date: compare the graphs
        written, expected = (nx.read_gexf(io.BytesIO(b)) for b in (target.read_bytes(),
                                                                    exported(seed_store, fmt)))
        assert nx.utils.edges_equal(written.edges(data=True), expected.edges(data=True))
    else:
        assert target.read_bytes() == exported(seed_store, fmt)


def test_csv_flags_publication_dates_and_keeps_the_slashed_event_type(extractor, memory_store):
    from kg.documents import article_from_text
    from kg.ingest import ingest

    text = ("A roadside bomb exploded near a market in Kandahar. "
            "On 3 May 2021, an air strike hit a compound in Kabul.")
    article = article_from_text(text, origin="c", meta={"id": "c", "published": "2021-05-06"})
    ingest(memory_store, [article], extractor)
    rows = list(csv.DictReader(io.StringIO(exported(memory_store, "csv").decode("utf-8"))))
    by_date = {(r["event_date"], r["date_inferred"]) for r in rows}
    assert by_date == {("2021-05-06", "true"), ("2021-05-03", "false")}
    assert {r["event_type"] for r in rows} == {"Explosions/Remote violence"}
    assert {r["sub_event_type"] for r in rows} == {"Remote explosive/landmine/IED",
                                                   "Air/drone strike"}
    assert {r["place_from"] for r in rows} == {"clause"}
