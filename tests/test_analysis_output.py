"""Rendering results as json, csv and a table; running analyses by name with text parameters."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kg.analysis import ANALYSES
from kg.analysis.output import Result, render
from kg.analysis.projection import network_from_edges
from kg.analysis.run import UnknownAnalysis, params_from_strings, run_analysis
from kg.errors import InputError

ROWS = [{"actor": {"uri": "u:a", "label": "Alpha"}, "score": 2.5, "evidence": ["e1", "e2"],
         "brokerage": {"liaison": 2, "coordinator": 0}},
        {"actor": {"uri": "u:b", "label": "Beta, \"the\" second"}, "score": None,
         "evidence": [], "brokerage": {}}]


def test_json_keeps_actors_as_uri_and_label():
    data = json.loads(render(Result("demo", ROWS, {"n": 2}), "json"))
    assert data["rows"][0]["actor"] == {"uri": "u:a", "label": "Alpha"}
    assert data["analysis"] == "demo" and data["summary"] == {"n": 2}


def test_csv_lists_of_actors_become_two_columns():
    rows = [{"bloc": 0, "members": [{"uri": "u:a", "label": "A"}, {"uri": "u:b", "label": "B"}]}]
    (row,) = csv.DictReader(io.StringIO(render(Result("blocs", rows), "csv")))
    assert (row["members_uri"], row["members_label"]) == ("u:a|u:b", "A|B")


def test_csv_splits_actors_and_quotes():
    rows = list(csv.DictReader(io.StringIO(render(Result("demo", ROWS), "csv"))))
    assert rows[0]["actor_uri"] == "u:a" and rows[1]["actor_label"] == 'Beta, "the" second'
    assert rows[0]["evidence"] == "e1|e2" and json.loads(rows[0]["brokerage"])["liaison"] == 2
    assert rows[1]["score"] == ""


def test_table_shows_labels_in_aligned_columns():
    lines = render(Result("demo", ROWS, {"n": 2}), "table", columns=("actor", "score")).splitlines()
    assert lines[0] == "n: 2" and lines[2].split() == ["actor", "score"]
    assert lines[4].startswith("Alpha") and lines[4].index("2.5") == lines[2].index("score")
    with pytest.raises(InputError):
        render(Result("demo"), "xml")


def test_parameters_are_checked():
    p = params_from_strings({"since": "2017-08", "types": "ArmedClash, Shelling", "min_weight": "2",
                             "hops": "2", "window": "year", "include_negated": "true"})
    assert (p.filters.since, p.filters.types, p.filters.min_weight) == \
        ("2017-08", ("ArmedClash", "Shelling"), 2)
    assert (p.hops, p.window, p.include_negated) == (2, "year", True)
    by_key = params_from_strings({"articles": "seed-1, https://w3id.org/conflict-kg/id/article/x"})
    assert by_key.filters.articles == ("https://w3id.org/conflict-kg/id/article/seed-1",
                                       "https://w3id.org/conflict-kg/id/article/x")
    spaced = params_from_strings({"articles": "Report 1"})  # ids are kept as given, percent-encoded
    assert spaced.filters.articles == ("https://w3id.org/conflict-kg/id/article/Report%201",)
    for bad in ({"since": "last week"}, {"since": "2017-02-30"}, {"min_weight": "x"}, {"hops": "9"},
                {"window": "day"}, {"top": "0"}, {"articles": "a\x00b"}, {"articles": "k" * 201}):
        with pytest.raises(InputError):
            params_from_strings(bad)


def test_run_by_name_on_a_graph_with_filters(memory_store):
    graph = network_from_edges([("a", "b", "ArmedClash", "2017-01-01"),
                                ("a", "c", "Shelling", "2018-01-01")])
    result = run_analysis(memory_store, "fights", params_from_strings({"since": "2018"}), graph)
    assert [r["b"]["uri"] for r in result.rows] == ["c"] and result.filters["since"] == "2018"
    with pytest.raises(UnknownAnalysis) as error:
        run_analysis(memory_store, "gossip")
    assert error.value.status == 404
    with pytest.raises(InputError):
        run_analysis(memory_store, "ego")
    with pytest.raises(InputError):
        run_analysis(memory_store, "path", params_from_strings({"actor": "a"}))


def test_every_analysis_runs_by_name_on_the_seed(seed_store):
    extra = {"ego": {"actor": "Hezbollah"}, "path": {"actor": "Gebran Bassil", "other": "ISIS"}}
    for name, run in ANALYSES.items():
        data = run(seed_store, **extra.get(name, {})).to_dict()
        assert data["analysis"] == name and isinstance(data["rows"], list)
        for fmt in ("json", "csv", "table"):
            assert render(run(seed_store, **extra.get(name, {})), fmt)
