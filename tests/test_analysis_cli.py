"""`kg analyze` through the real entry point; --write, and the refresh after ingest and remove."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner
from rdflib import Literal

from kg import ids
from kg.cli import COMMANDS, main
from kg.cli.env import Environment
from kg.vocab import CKG

ISIS = str(ids.actor_uri("isis"))


def analyze(store, *args):
    env = Environment(store_uri="memory:", _store=store)
    return CliRunner().invoke(main, ["analyze", *args], obj=env)


def test_registered_and_json_by_default(seed_store):
    assert COMMANDS["analyze"] == "kg.cli.analyze:analyze"
    assert json.loads(analyze(seed_store, "balance").stdout)["analysis"] == "balance"


def test_json_is_written_as_rendered_to_a_binary_or_a_text_stream(seed_store):
    from kg.analysis.output import render
    from kg.analysis.run import run_analysis

    expected = render(run_analysis(seed_store, "blocs"), "json") + "\n"
    assert analyze(seed_store, "blocs").stdout == expected  # CliRunner's stdout has a buffer
    text_only = io.StringIO()
    env = Environment(store_uri="memory:", _store=seed_store, stdout=text_only)
    assert CliRunner().invoke(main, ["analyze", "blocs"], obj=env).exit_code == 0
    assert text_only.getvalue() == expected


def test_fights_of_isis_as_json(seed_store):
    result = analyze(seed_store, "fights", "ISIS", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    partners = {r["a"]["uri"] if r["b"]["uri"] == ISIS else r["b"]["uri"] for r in data["rows"]}
    assert {str(ids.actor_uri(k)) for k in ("lebanon-military", "hezbollah", "syria-military")} \
        <= partners
    assert data["summary"]["actor"] == {"uri": ISIS, "label": "Islamic State"}


def test_filters_reach_the_analysis(seed_store, seed_article):
    everything = json.loads(analyze(seed_store, "fights", "--format", "json").stdout)
    clashes = json.loads(analyze(seed_store, "fights", "--types", "ArmedClash", "--format",
                                 "json").stdout)
    assert clashes["filters"]["types"] == ["ArmedClash"]
    assert all(set(r["types"]) == {"ArmedClash"} for r in clashes["rows"])
    assert len(clashes["rows"]) < len(everything["rows"])
    later = json.loads(analyze(seed_store, "fights", "--since", "2018", "--format", "json").stdout)
    assert later["rows"] == []
    mine = json.loads(analyze(seed_store, "fights", "--articles", seed_article.key, "--format",
                              "json").stdout)
    assert mine["rows"] == everything["rows"]
    other = json.loads(analyze(seed_store, "fights", "--articles", "another", "--format",
                               "json").stdout)
    assert other["rows"] == []
    heavy = json.loads(analyze(seed_store, "fights", "--min-weight", "3", "--format", "json").stdout)
    assert heavy["rows"] and all(r["events"] >= 3 for r in heavy["rows"])


def test_mediators_csv_and_every_analysis_as_a_table(seed_store):
    result = analyze(seed_store, "mediators", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert str(ids.actor_uri("hezbollah")) in {r["actor_uri"] for r in rows}
    for args in (["blocs"], ["balance", "--window", "month"], ["centrality", "--top", "3"],
                 ["ego", "hezbollah", "--hops", "2"], ["path", "Gebran Bassil", "Daesh"]):
        table = analyze(seed_store, *args, "--format", "table")
        assert table.exit_code == 0, (args, table.output)
        assert "---" in table.stdout


def test_errors_are_one_line(seed_store):
    for args, status in ((["ego"], 1), (["path", "isis", "Atlantis"], 1),
                         (["fights", "--since", "yesterday"], 1), (["gossip"], 2),
                         (["fights", "--types", "Skirmish"], 1)):
        result = analyze(seed_store, *args)
        assert result.exit_code == status, (args, result.output)
        if status == 1:
            assert result.stderr.startswith("kg: error: ") and result.stderr.count("\n") == 1


def article_count(store):
    graph = store.construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
                            {"g": ids.analysis_graph()})
    return graph.value(ids.analysis_graph(), CKG.articleCount)


def test_write_then_ingest_and_remove_recompute(seed_store, seed_article, tmp_path):
    def run(*args):  # a fresh Environment per command: each closes its own when done
        return CliRunner().invoke(main, list(args), obj=Environment("memory:", _store=seed_store))

    assert run("analyze", "blocs", "--write").exit_code == 0
    assert article_count(seed_store) == Literal(1)
    extra = tmp_path / "second.txt"
    extra.write_text("Hezbollah fighters clashed with Islamic State militants near Arsal.", "utf-8")
    (tmp_path / "second.meta.json").write_text('{"published": "2017-08-28"}', "utf-8")
    ingested = run("ingest", str(extra))
    assert ingested.exit_code == 0, ingested.output
    assert article_count(seed_store) == Literal(2)
    removed = run("remove", seed_article.key, "second")
    assert removed.exit_code == 0, removed.output
    assert article_count(seed_store) == Literal(0)


def test_ingest_without_write_adds_no_analysis_graph(memory_store, tmp_path):
    (tmp_path / "a.txt").write_text("Hezbollah fighters clashed with ISIS near Arsal.", "utf-8")
    env = Environment(store_uri="memory:", _store=memory_store)
    assert CliRunner().invoke(main, ["ingest", str(tmp_path / "a.txt")], obj=env).exit_code == 0
    assert ids.analysis_graph() not in memory_store.graphs()
