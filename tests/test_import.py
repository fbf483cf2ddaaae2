"""kg import: validated loading, and export -> import round trips in every format on every backend."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import BNode, Graph, Literal, URIRef

from kg import ids
from kg.cli import main
from kg.cli.env import Environment
from kg.errors import InputError
from kg.export import export_article, export_rdf
from kg.formats import RDF_FORMATS, rdf_format
from kg.importing import import_file
from kg.rdf import extraction_graph
from tests.rdf_assert import assert_isomorphic
from tests.rdf_datasets import assert_same_datasets, fill, store_dataset, union
from tests.servers import any_store, clear  # noqa: F401  (fixture)
from tests.store_batch import article, extraction

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
EX = "http://example.org/"
ODD = ids.article_uri("odd")
ODD_TRIPLES = [
    (URIRef(EX + "s"), URIRef(EX + "p"), Literal('quote " backslash \\ newline \n tab \t')),
    (URIRef(EX + "s"), URIRef(EX + "p"), Literal("\u0645\u0631\u062d\u0628\u0627 \U0001F600", lang="ar")),
    (URIRef(EX + "s"), URIRef(EX + "p"), Literal("x", datatype=URIRef(EX + "myType"))),
    (URIRef(EX + "s"), URIRef(EX + "q"), BNode("b1")),
    (BNode("b1"), URIRef(EX + "p"), Literal("in a blank node")),
]


def empty_like(store, tmp_path: Path):  # type: ignore[no-untyped-def]
    """An empty store of the same backend (a server store is cleared and reused)."""
    from kg.store import open_store
    from kg.store.oxigraph import OxigraphStore

    if isinstance(store, OxigraphStore):
        return open_store(f"oxigraph:{tmp_path / 'again'}" if store.path else "memory:")
    clear(store)
    return store


@pytest.mark.parametrize("fmt", [f.name for f in RDF_FORMATS])
def test_export_then_import_gives_the_same_graphs(any_store, fmt, tmp_path):
    fill(any_store)
    any_store.replace_graph(ODD, ODD_TRIPLES)
    expected = store_dataset(any_store)
    out = io.BytesIO()
    export_rdf(any_store, out, fmt)
    path = tmp_path / f"everything.{rdf_format(fmt).extension}"
    path.write_bytes(out.getvalue())

    target = empty_like(any_store, tmp_path)
    report = import_file(target, path)
    if rdf_format(fmt).datasets:
        assert_same_datasets(store_dataset(target), expected)
        assert sorted(report.graphs) == sorted(expected)
    else:  # triples: the union of the graphs lands in the graph named after the file,
        imported = store_dataset(target)  # and its events are tallied (kg.aggregates.raw)
        tallies = imported.pop(ids.aggregates_graph(), None)
        assert tallies or ids.aggregates_graph() not in expected
        assert_same_datasets(imported, {ids.article_uri("everything"): union(expected)})
    assert report.quads == sum(len(g) for g in expected.values()) or not rdf_format(fmt).datasets


def test_an_exported_article_comes_back_into_its_own_graph(memory_store, tmp_path):
    fill(memory_store, 2)
    key = article(1).key
    path = tmp_path / f"{key}.ttl"
    with path.open("wb") as out:
        export_article(memory_store, out, "turtle", key)
    memory_store.drop_graph(ids.article_uri(key))
    import_file(memory_store, path)
    assert_isomorphic(store_dataset(memory_store)[ids.article_uri(key)],
                      extraction_graph(extraction(article(1)), described=False))


@pytest.mark.parametrize("name, content, where", [
    ("broken.ttl", '@prefix e: <http://e/> .\ne:a e:b e:c .\ne:a e:b "unterminated .\n',
     "line 3, column 9"),
    ("broken.nq", '<http://e/a> <http://e/b> <http://e/c> <http://g> .\n<http://e/a> <b> <c> .\n',
     "line 2, column 14"),
    ("broken.jsonld", '{"@id": "http://e/a", "http://e/p": [1, }', "line 1, column 41"),
])
def test_a_syntax_error_names_file_line_and_column_and_writes_nothing(any_store, tmp_path, name,
                                                                       content, where):
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(InputError) as caught:
        import_file(any_store, path)
    assert str(caught.value).startswith(f"{path}: {where}: "), str(caught.value)
    assert any_store.graphs() == []


def test_blank_node_graph_names_and_unknown_extensions_are_refused(memory_store, tmp_path):
    trig = tmp_path / "blank.trig"
    trig.write_text("_:g { <http://e/a> <http://e/b> <http://e/c> . }\n")
    with pytest.raises(InputError, match="blank node names a graph"):
        import_file(memory_store, trig)
    other = tmp_path / "data.csv"
    other.write_text("a,b\n")
    with pytest.raises(InputError, match="unknown RDF format 'csv'.*--format"):
        import_file(memory_store, other)
    assert len(memory_store) == 0


def test_quads_keep_graphs_and_default_graph_triples_go_to_the_given_graph(memory_store,
                                                                           tmp_path):
    path = tmp_path / "mixed.trig"
    path.write_text("<http://e/g1> { <http://e/a> <http://e/b> 1 . }\n"
                    "<http://e/a> <http://e/b> 2 .\n")
    report = import_file(memory_store, path, graph=URIRef("http://e/g2"))
    assert sorted(str(g) for g in report.graphs) == ["http://e/g1", "http://e/g2"]
    assert report.quads == 2
    assert sorted(str(g) for g in memory_store.graphs()) == ["http://e/g1", "http://e/g2"]


def test_bulk_import_loads_the_same_data(tmp_path):
    from kg.store import open_store

    source = open_store("memory:")
    fill(source, 4)
    path = tmp_path / "all.nq"
    with path.open("wb") as out:
        export_rdf(source, out, "nq")
    with open_store(f"oxigraph:{tmp_path / 'kg'}") as target:
        import_file(target, path, atomic=False)
        assert_same_datasets(store_dataset(target), store_dataset(source))


def test_cli_import_reports_each_file_and_goes_on_after_a_bad_one(memory_store, tmp_path):
    good, bad = tmp_path / "good.nt", tmp_path / "bad.ttl"
    good.write_text('<http://e/a> <http://e/b> "c" .\n')
    bad.write_text("<http://e/a> <http://e/b> .\n")
    env = Environment(store_uri="memory:", _store=memory_store)
    result = CliRunner().invoke(main, ["import", str(bad), str(good)], obj=env)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[0].startswith(f"kg: error: {bad}: line 1, column ")
    assert lines[1] == f"{good}: 1 quads into 1 graph (nt)"
    assert memory_store.graphs() == [ids.article_uri("good")]


def test_cli_import_into_a_named_graph_then_remove_it(memory_store, tmp_path):
    path = tmp_path / "notes.ttl"
    path.write_text('<http://e/a> <http://e/b> "c" .\n')
    env = Environment(store_uri="memory:", _store=memory_store)
    result = CliRunner().invoke(main, ["import", "--graph", "http://e/notes", str(path)], obj=env)
    assert result.exit_code == 0, result.output
    assert memory_store.graphs() == [URIRef("http://e/notes")]
    env = Environment(store_uri="memory:", _store=memory_store)
    result = CliRunner().invoke(main, ["remove", "http://e/notes"], obj=env)
    assert (result.exit_code, result.output) == (0, "removed http://e/notes\n")
    assert memory_store.graphs() == []
