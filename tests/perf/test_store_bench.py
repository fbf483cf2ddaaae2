"""Store benchmark (on demand: ``make bench`` or ``pytest tests/perf/test_store_bench.py -m bench -s``).

1M synthetic triples shaped like event records, in a Turtle file:

* import: ``kg.importing.import_file(..., atomic=False)`` (a full validating
  parse, then pyoxigraph's bulk loader) against raw ``pyoxigraph.Store.bulk_load``;
  the transactional import (``atomic=True``, the default for files up to 64 MB)
  is measured too, for information;
* export: ``kg.export.export_to_file(store, path, "turtle")`` (the union of the
  graphs, serialised as it is read, written to a temporary file and renamed)
  against raw ``pyoxigraph.Store.dump`` of the graph.

Each step runs in a fresh process on a fresh on-disk store, raw and ours
alternating, twice; the best of two is compared. Each process reports its own
elapsed time (interpreter start-up excluded) and peak RSS. The target is a
ratio of at most 1.5 for import and export. ``KG_BENCH_TRIPLES`` changes the size.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.bench
TRIPLES = int(os.environ.get("KG_BENCH_TRIPLES", 1_000_000))
TARGET = 1.5
ROOT = Path(__file__).resolve().parents[2]
GRAPH = "https://w3id.org/conflict-kg/id/article/bench"

PRELUDE = """
import json, resource, sys, time
from pathlib import Path
import pyoxigraph as ox
from rdflib import URIRef
from kg.vocab import PREFIXES
store_dir, data, out, graph = sys.argv[1:5]
started = time.perf_counter()
"""
REPORT = """
print(json.dumps({"seconds": time.perf_counter() - started,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "quads": quads}))
"""
STEPS = {
    "raw import": """
s = ox.Store(store_dir)
s.bulk_load(path=data, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(graph))
s.flush()
quads = len(s)
""",
    "kg import (bulk)": """
from kg.importing import import_file
from kg.store import open_store
with open_store("oxigraph:" + store_dir) as s:
    import_file(s, Path(data), graph=URIRef(graph), atomic=False)
    quads = len(s)
""",
    "kg import (atomic)": """
from kg.importing import import_file
from kg.store import open_store
with open_store("oxigraph:" + store_dir) as s:
    import_file(s, Path(data), graph=URIRef(graph), atomic=True)
    quads = len(s)
""",
    "raw export": """
s = ox.Store(store_dir)
s.dump(out, format=ox.RdfFormat.TURTLE, from_graph=ox.NamedNode(graph), prefixes=PREFIXES)
quads = len(s)
""",
    "kg export": """
from kg.export import export_to_file
from kg.store import open_store
with open_store("oxigraph:" + store_dir) as s:
    export_to_file(s, Path(out), "turtle")
    quads = len(s)
""",
}


def synthetic_turtle(path: Path, triples: int) -> None:
    """Event-record-like triples: 10 per event, shared actors and places."""
    import pyoxigraph as ox

    from kg.vocab import PREFIXES

    ckg, ident = PREFIXES["ckg"], PREFIXES["id"]
    xsd = PREFIXES["xsd"]

    def quads():  # type: ignore[no-untyped-def]
        for i in range(triples // 10):
            event = ox.NamedNode(f"{ident}event/bench-{i}")
            values = [
                (PREFIXES["rdf"] + "type", ox.NamedNode(ckg + "Event")),
                (ckg + "eventType", ox.NamedNode(f"{PREFIXES['et']}Shelling")),
                (PREFIXES["rdfs"] + "label", ox.Literal(f"Shelling: shelled (report {i})")),
                (ckg + "trigger", ox.Literal("shelled")),
                (ckg + "modality", ox.Literal("asserted")),
                (ckg + "agent", ox.NamedNode(f"{ident}actor/a{i % 500}")),
                (ckg + "target", ox.NamedNode(f"{ident}actor/a{(i * 7) % 500}")),
                (ckg + "date", ox.Literal(f"2017-08-{i % 28 + 1:02}",
                                          datatype=ox.NamedNode(xsd + "date"))),
                (ckg + "place", ox.NamedNode(f"{ident}place/p{i % 300}")),
                (ckg + "startOffset", ox.Literal(str(i % 5000),
                                                 datatype=ox.NamedNode(xsd + "integer"))),
            ]
            for predicate, value in values:
                yield ox.Triple(event, ox.NamedNode(predicate), value)

    with path.open("wb") as out:
        ox.serialize(quads(), out, ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def run_step(step: str, store_dir: Path, data: Path, out: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", PRELUDE + STEPS[step] + REPORT,
                           str(store_dir), str(data), str(out), GRAPH],
                          cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_import_and_turtle_export_against_raw_pyoxigraph(tmp_path):
    data = tmp_path / "bench.ttl"
    synthetic_turtle(data, TRIPLES)
    best: dict[str, dict[str, float]] = {}
    order = [("raw import", "kg import (bulk)"), ("kg import (bulk)", "raw import")]
    for round_, pair in enumerate(order):
        for step in (*pair, "kg import (atomic)") if round_ == 0 else pair:
            result = run_step(step, tmp_path / f"{step}-{round_}".replace(" ", "_"), data,
                              tmp_path / "unused.ttl")
            assert result["quads"] == TRIPLES, (step, result)
            if step not in best or result["seconds"] < best[step]["seconds"]:
                best[step] = result
    source = tmp_path / "kg_import_(bulk)-0"
    for round_, pair in enumerate([("raw export", "kg export"), ("kg export", "raw export")]):
        for step in pair:
            out = tmp_path / f"{step}-{round_}.ttl".replace(" ", "_")
            result = run_step(step, source, data, out)
            import pyoxigraph as ox

            assert sum(1 for _ in ox.parse(path=out, format=ox.RdfFormat.TURTLE)) == TRIPLES
            if step not in best or result["seconds"] < best[step]["seconds"]:
                best[step] = result
            out.unlink()

    size_mb = data.stat().st_size / 1e6
    print(f"\n{TRIPLES:,} triples, Turtle file {size_mb:.0f} MB, on-disk store, best of 2")
    for step, result in best.items():
        print(f"  {step:20} {result['seconds']:7.2f} s   peak RSS {result['rss_mb']:6.0f} MB")
    ratios = {"import": best["kg import (bulk)"]["seconds"] / best["raw import"]["seconds"],
              "export": best["kg export"]["seconds"] / best["raw export"]["seconds"]}
    atomic = best["kg import (atomic)"]["seconds"] / best["raw import"]["seconds"]
    print(f"  ratio import (bulk) {ratios['import']:.2f}x, export {ratios['export']:.2f}x "
          f"(target <= {TARGET}x); atomic import {atomic:.2f}x (one transaction, for information)")
    assert ratios["import"] <= TARGET and ratios["export"] <= TARGET, ratios
