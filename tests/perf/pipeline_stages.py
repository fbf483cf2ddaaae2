"""The pipeline benchmark's stages, each run in a fresh interpreter by
:func:`tests.perf.test_pipeline_bench.run_stage`: ``python tests/perf/pipeline_stages.py STAGE
ARGS_JSON`` prints ``RESULT {json}`` with the stage's figures and peak RSS (its own and its
workers')."""

from __future__ import annotations

import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script from the repository root
    sys.path.insert(0, str(ROOT))

FALLBACK_QUERIES = {
    "actors": "SELECT ?a ?label WHERE { ?a a ckg:Actor ; rdfs:label ?label } ORDER BY ?label",
    "events-per-type": "SELECT ?t (COUNT(?e) AS ?n) WHERE { ?e a ckg:Event ; ckg:eventType ?t }"
                       " GROUP BY ?t ORDER BY DESC(?n)",
    "fights": "SELECT ?a ?b (COUNT(?e) AS ?n) WHERE { ?e ckg:eventType et:ArmedClash ; "
              "ckg:agent ?a ; ckg:target ?b } GROUP BY ?a ?b ORDER BY DESC(?n) LIMIT 20",
    "claims": "SELECT ?c ?s WHERE { ?c a ckg:Claim ; ckg:speaker ?s } LIMIT 100",
}


def _cpu() -> float:
    """CPU seconds of this process so far plus those of its finished workers."""
    return sum(_cpu_split())


def _cpu_split() -> tuple[float, float]:
    """CPU seconds so far of this process (all its threads) and of its finished workers."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, workers.ru_utime + workers.ru_stime


def _texts(corpus: str):  # type: ignore[no-untyped-def]
    with open(corpus, encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)["text"]


def stage_spacy(corpus: str, jobs: int) -> dict[str, object]:
    """Bare spaCy: the packaged model's ``nlp.pipe`` over the texts."""
    import spacy

    from kg.extract.pipeline import MODEL

    nlp = spacy.load(MODEL)
    started, cpu = time.perf_counter(), _cpu()
    count = sum(1 for _ in nlp.pipe(_texts(corpus), n_process=jobs, batch_size=32))
    return {"seconds": time.perf_counter() - started, "articles": count, "cpu_s": _cpu() - cpu}


def stage_extract(corpus: str, jobs: int) -> dict[str, object]:
    """``Extractor.pipe`` over the same texts, scored against the truth."""
    from kg.extract import default_extractor
    from kg.ingest import iter_inputs
    from kg.synth import read_truth
    from kg.synth.score import Scores

    extractor = default_extractor()
    extractor.nlp, extractor.matcher  # load model and gazetteer before the clock, as stage_spacy
    truth = read_truth(corpus)
    scores, count = Scores(), 0
    started, cpu = time.perf_counter(), _cpu()
    for extraction in extractor.pipe(iter_inputs([corpus]), n_process=jobs):
        gold = next(truth)
        assert gold["id"] == extraction.article.key
        scores.add(extraction, gold)
        count += 1
    return {"seconds": time.perf_counter() - started, "articles": count, "cpu_s": _cpu() - cpu,
            "f1": {name: round(t.f1, 3) for name, t in scores.items()},
            "precision": {name: round(t.precision, 3) for name, t in scores.items()},
            "recall": {name: round(t.recall, 3) for name, t in scores.items()}}


def stage_ingest(corpus: str, jobs: int, store_dir: str) -> dict[str, object]:
    """``kg.ingest`` end to end: read, hash check, extract, write each graph."""
    from kg.extract import default_extractor
    from kg.ingest import ingest, iter_inputs
    from kg.store import open_store

    extractor = default_extractor()
    extractor.nlp, extractor.matcher  # load the model and the gazetteer before the clock starts
    with open_store(f"oxigraph:{store_dir}") as store:
        started, (own, workers) = time.perf_counter(), _cpu_split()
        report = ingest(store, iter_inputs([corpus]), extractor, n_process=jobs)
        seconds = time.perf_counter() - started
        own_after, workers_after = _cpu_split()
        quads = len(store)
    assert not report.failed, report.failed[:3]
    return {"seconds": seconds, "articles": len(report.added), "quads": quads,
            "cpu_s": own_after - own + workers_after - workers, "main_cpu_s": own_after - own}


def stage_write(corpus: str, count: int, store_uri: str, sample: int = 100) -> dict[str, object]:
    """Only the write of ingest: ``count`` extractions (``sample`` real ones, re-keyed) stored
    one transaction each with :func:`kg.ingest.write_article`, flushed as ingest flushes."""
    import dataclasses
    import itertools

    from kg import ids
    from kg.extract import default_extractor
    from kg.ingest import FLUSH_TRIPLES, flush, iter_inputs, write_article
    from kg.ntriples import extraction_lines
    from kg.store import open_store

    extractions = list(default_extractor().pipe(itertools.islice(iter_inputs([corpus]), sample)))
    distinct = [len(set(extraction_lines(e))) for e in extractions]  # a triple may be said twice
    with open_store(store_uri) as store:
        written = unflushed = 0
        started, cpu = time.perf_counter(), _cpu()
        for number in range(count):
            extraction = extractions[number % len(extractions)]
            article = dataclasses.replace(extraction.article, key=f"{extraction.article.key}-{number}")
            triples = write_article(store, dataclasses.replace(extraction, article=article), new=True)
            written, unflushed = written + triples, unflushed + triples
            if unflushed >= FLUSH_TRIPLES:
                flush(store)
                unflushed = 0
        seconds, cpu_s = time.perf_counter() - started, _cpu() - cpu
        tallies = int(store.select_text(  # the aggregates kept with the articles (kg.aggregates)
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?a { ?s ?p ?o } }",
            {"a": ids.aggregates_graph()})[0][0] or 0)
        quads = len(store) - tallies
    return {"seconds": seconds, "articles": count, "cpu_s": cpu_s, "written": written,
            "quads": quads, "tally_quads": tallies,
            "distinct": sum(distinct[n % len(distinct)] for n in range(count))}


def stage_grow(store_dir: str, out: str, quads: int) -> dict[str, object]:
    """Copy the ingested graphs under new article keys until the file holds ``quads`` quads."""
    import pyoxigraph as ox

    store = ox.Store.read_only(store_dir)
    lines = store.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines()
    written, copy = 0, 0
    with open(out, "w", encoding="utf-8") as nq:
        while written < quads:
            for line in lines:
                nq.write(re.sub(r"synth-(\d+)-", rf"synth-\1c{copy}-", line) + "\n")
            written += len(lines)
            copy += 1
    return {"seconds": 0.0, "quads": written}


def stage_load(data: str, store_dir: str, raw: bool) -> dict[str, object]:
    """Bulk load of the N-Quads: raw ``Store.bulk_load`` or ``kg.importing.import_file``."""
    import pyoxigraph as ox

    started = time.perf_counter()
    if raw:
        store = ox.Store(store_dir)
        store.bulk_load(path=data, format=ox.RdfFormat.N_QUADS)
        store.flush()
        quads = len(store)
    else:
        from kg.importing import import_file
        from kg.store import open_store

        with open_store(f"oxigraph:{store_dir}") as kg_store:
            import_file(kg_store, Path(data), atomic=False)
            quads = len(kg_store)
    return {"seconds": time.perf_counter() - started, "quads": quads}


def stage_export(store_dir: str, out: str, raw: bool) -> dict[str, object]:
    """Turtle export of the union of the graphs: raw CONSTRUCT + serialize, or ``kg export``."""
    import pyoxigraph as ox

    from kg.vocab import PREFIXES

    started = time.perf_counter()
    if raw:
        store = ox.Store.read_only(store_dir)
        with open(out, "wb") as sink:
            ox.serialize(store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
                                     use_default_graph_as_union=True),
                         sink, ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    else:
        from kg.export import export_to_file
        from kg.store import open_store

        with open_store(f"oxigraph:{store_dir}") as store:
            export_to_file(store, Path(out), "turtle")
    return {"seconds": time.perf_counter() - started, "bytes": os.path.getsize(out)}


def queries() -> dict[str, str]:
    """The SPARQL gallery if this tree has it, else representative queries."""
    from kg.vocab import sparql_prologue

    try:
        from kg.sparql.examples import examples
    except ImportError:
        return {key: sparql_prologue() + body for key, body in FALLBACK_QUERIES.items()}
    return {example.key: example.sparql for example in examples()}


def _median_seconds(run, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def stage_sparql(store_dir: str, repeat: int) -> dict[str, object]:
    """Each query through the app's /sparql endpoint and on the raw pyoxigraph store."""
    import pyoxigraph as ox

    from kg.store import open_store
    from web import create_app

    store = open_store(f"oxigraph:{store_dir}")
    app = create_app({"TESTING": True, "KG_STORE": f"oxigraph:{store_dir}"})
    app.extensions["kg_store"] = store
    client = app.test_client()
    raw = store._store  # the same pyoxigraph handle: raw queries in the same process
    accept = {"Accept": "application/sparql-results+json"}
    results: dict[str, dict[str, float]] = {}
    for key, sparql in queries().items():
        def via_app() -> int:
            answer = client.get("/sparql", query_string={"query": sparql}, headers=accept)
            assert answer.status_code in (200, 503), answer.get_data(as_text=True)[:300]
            return answer.status_code

        def via_raw() -> None:
            raw.query(sparql, use_default_graph_as_union=True).serialize(
                format=ox.QueryResultsFormat.JSON)

        if via_app() == 503:  # cut by the endpoint's timeout: raw would run as long
            results[key] = {"timeout": True}
            continue
        via_raw()  # warm up
        results[key] = {"app": _median_seconds(via_app, repeat),
                        "raw": _median_seconds(via_raw, repeat)}
    return {"seconds": 0.0, "queries": results}


class _Cut(Exception):
    pass


def _cut(*_: object) -> None:
    raise _Cut


def stage_rdflib(data: str, repeat: int, cap: int, skip: list[str]) -> dict[str, object]:
    """The same queries on rdflib's in-memory Dataset (union default graph), each cut at ``cap`` s."""
    import signal

    from rdflib import Dataset

    started = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(data, format="nquads")
    load = time.perf_counter() - started
    signal.signal(signal.SIGALRM, _cut)
    results = {}
    for key, sparql in queries().items():
        if key in skip:
            continue
        signal.alarm(cap)
        try:
            results[key] = {"rdflib": _median_seconds(lambda q=sparql: list(dataset.query(q)),
                                                      repeat)}
        except _Cut:
            results[key] = {"rdflib": float(cap), "cut": True}
        finally:
            signal.alarm(0)
    return {"seconds": load, "queries": results}


STAGES = {name.removeprefix("stage_"): fn for name, fn in globals().items()
          if name.startswith("stage_")}


def _main() -> None:
    import resource

    stage, args = sys.argv[1], json.loads(sys.argv[2])
    result = STAGES[stage](**args)
    result["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["workers_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    _main()
