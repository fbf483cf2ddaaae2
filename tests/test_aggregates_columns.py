"""kg.aggregates.columns: the kept tallies in columns, the same tables as the rows they replace."""

from __future__ import annotations

import orjson
import pytest

from kg.aggregates import read
from kg.aggregates.columns import FORMAT, columns_of, from_payload, payload, tables_of
from kg.aggregates.snapshot import ROWS_NAME, Tables, kept_columns, kept_tables
from kg.ingest import ingest
from kg.store import open_store
from tests.synth_corpus import synth_articles


@pytest.fixture(scope="module")
def tables(extractor) -> Tables:  # type: ignore[no-untyped-def]
    """The tables of a synthetic store, read from its tallies."""
    store = open_store("memory:")
    ingest(store, synth_articles(12, seed=7, actors=150), extractor)
    found = Tables(dyads={(d.agent, d.other, d.relation): d.count for d in read.dyads(store)},
                   dates=read.dyad_dates(store), sources=read.dyad_sources(store),
                   mediation=read.mediation_counts(store))
    assert found.dyads and found.dates and found.sources and found.mediation
    return found


def _rows_payload(tables: Tables) -> dict[str, list[list[object]]]:
    """The kept value an older kg wrote (format 1): the tables as rows of strings."""
    index = {dyad: number for number, dyad in enumerate(tables.dyads)}
    return {"dyads": [[*dyad, n] for dyad, n in tables.dyads.items()],
            "dates": [[index[d], v, n] for d, rows in tables.dates.items() for v, n in rows],
            "sources": [[index[d], v, n] for d, rows in tables.sources.items() for v, n in rows],
            "mediation": [[a, k, n] for a, kinds in tables.mediation.items()
                          for k, n in kinds.items()]}


def test_the_columns_hold_the_tables_through_json(tables):
    columns = columns_of(tables)
    kept = from_payload(orjson.loads(orjson.dumps(payload(columns))))
    assert kept == columns and kept.format == FORMAT
    assert tables_of(kept) == tables


def test_positions_compare_as_the_uris_they_stand_for(tables):
    columns = columns_of(tables)
    assert columns.actors == sorted(set(columns.actors))
    assert columns.relations == sorted(set(columns.relations))
    keys = [columns.key(i) for i in range(len(columns.count))]
    assert keys == list(tables.dyads)
    by_positions = sorted(range(len(keys)), key=lambda i: (
        columns.agent[i], columns.other[i], columns.relation[i]))
    assert [keys[i] for i in by_positions] == sorted(keys)


def test_a_split_of_some_dyads_only(tables):
    columns = columns_of(tables)
    dated = columns.split("dates")
    assert {columns.key(i): rows for i, rows in dated.items()} == tables.dates
    some = set(list(dated)[:3])
    assert columns.split("dates", some) == {i: dated[i] for i in some}


def test_a_value_kept_as_rows_by_an_older_kg_is_read_and_kept_anew_in_columns(tables, tmp_path):
    from kg.aggregates.answers import keep_answer
    from kg.upgrade import keep_analysis_tables

    store = open_store(f"oxigraph:{tmp_path / 'kg'}")
    keep_answer(store, ROWS_NAME, _rows_payload(tables))
    old = kept_columns(store)
    assert old is not None and old.format == 1 and tables_of(old) == tables
    assert kept_tables(store) == tables
    assert keep_analysis_tables(store)  # kg upgrade keeps it anew, in columns
    new = kept_columns(store)
    assert new is not None and new.format == FORMAT and tables_of(new) == tables
    assert not keep_analysis_tables(store)
    store.close()


def test_the_first_analysis_keeps_a_value_of_rows_anew_in_columns(tables, tmp_path):
    from kg.aggregates.answers import keep_answer
    from kg.analysis.run import run_analysis

    store = open_store(f"oxigraph:{tmp_path / 'kg'}")
    keep_answer(store, ROWS_NAME, _rows_payload(tables))
    run_analysis(store, "blocs", keep=True)
    kept = kept_columns(store)
    assert kept is not None and kept.format == FORMAT and tables_of(kept) == tables
    store.close()


def test_an_older_kg_sharing_the_store_keeps_reading_its_rows_and_is_read(tables, tmp_path):
    from kg.aggregates.answers import keep_answer, stored_answer, version_bump
    from kg.aggregates.snapshot import keep_tables

    store = open_store(f"oxigraph:{tmp_path / 'kg'}")
    rows = _rows_payload(tables)
    keep_answer(store, ROWS_NAME, rows)
    keep_tables(store, tables)  # this kg keeps columns beside the rows, and leaves the rows be
    assert stored_answer(store, ROWS_NAME) == orjson.loads(orjson.dumps(rows))
    assert kept_columns(store).format == FORMAT  # type: ignore[union-attr]
    store.update(version_bump())  # a counted write of the older kg, which keeps its rows anew
    keep_answer(store, ROWS_NAME, rows)
    stale_columns = kept_columns(store)
    assert stale_columns is not None and stale_columns.format == 1
    assert tables_of(stale_columns) == tables
    store.close()
