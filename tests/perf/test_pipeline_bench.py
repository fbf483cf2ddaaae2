"""Pipeline benchmark (on demand: ``make bench`` or ``pytest tests/perf/test_pipeline_bench.py -m bench -s``).

Every stage is measured next to its baseline in the same run, each in a fresh
process that reports its elapsed time and peak RSS (its own and its worker
processes'):

* extraction (``Extractor.pipe``) vs bare spaCy ``nlp.pipe`` on the same texts
  with the same ``n_process``, scored against the synthetic ground truth;
* ingest end to end (``kg.ingest`` over the JSON-lines file into an on-disk
  store): articles/s, triples/s, ratio to bare spaCy;
* store bulk load (``kg.importing.import_file``, bulk) and Turtle export
  (``kg.export.export_to_file``) vs raw pyoxigraph, on a ~1M-quad store made of
  the ingested graphs copied under new article keys;
* the SPARQL gallery (``kg.sparql.examples`` if present, else representative
  queries) on that store through the app's ``/sparql`` endpoint vs raw
  pyoxigraph in the same process (target: median within 1.5x) and vs rdflib's
  in-memory store (target: >= 10x faster).

``KG_BENCH_ARTICLES`` (default 1000), ``KG_BENCH_JOBS`` (default: cores) and
``KG_BENCH_QUADS`` (default 1,000,000) change the sizes. The file also runs as
a script: ``python tests/perf/pipeline_stages.py STAGE ARGS_JSON``.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.bench
ARTICLES = int(os.environ.get("KG_BENCH_ARTICLES", 1000))
JOBS = int(os.environ.get("KG_BENCH_JOBS", os.cpu_count() or 1))
QUADS = int(os.environ.get("KG_BENCH_QUADS", 1_000_000))
SEED = 1
RDFLIB_CAP = int(os.environ.get("KG_BENCH_RDFLIB_CAP", 30))  # seconds per rdflib query
HERE = Path(__file__).resolve()
ROOT = HERE.parents[2]
STAGES_SCRIPT = HERE.with_name("pipeline_stages.py")
# ---------------------------------------------------------------- the driver

def run_stage(stage: str, timeout: float = 1800, **args: object) -> dict[str, object]:
    """Run one stage in a fresh interpreter and return what it reported."""
    done = subprocess.run([sys.executable, str(STAGES_SCRIPT), stage, json.dumps(args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr[-3000:]
    line = next(x for x in done.stdout.splitlines() if x.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))


def row(stage: str, figure: str, baseline: str, ratio: float, rss: dict[str, object]) -> str:
    memory = f"{rss['rss_mb']:.0f} MB" + (f" + workers {rss['workers_rss_mb']:.0f} MB"
                                          if rss.get("workers_rss_mb", 0) > 1 else "")
    return f"| {stage} | {figure} | {baseline} | {ratio:.2f} | {memory} |"


def cpu_ms(result: dict[str, object]) -> str:
    """CPU milliseconds per article (all processes): steadier than rates on a busy machine."""
    return f"{1000 * result['cpu_s'] / max(result['articles'], 1):.0f}"


def corpus_file(folder: Path, count: int) -> Path:
    from kg.synth import write_corpus

    corpus = folder / f"synth-{count}.jsonl"
    write_corpus(corpus, count, SEED)
    return corpus


def test_pipeline(tmp_path):
    corpus = corpus_file(tmp_path, ARTICLES)
    table = ["| stage | figure | baseline (same run) | ratio | peak RSS |", "|---|---|---|---|---|"]
    bare = run_stage("spacy", corpus=str(corpus), jobs=JOBS)
    bare_rate = bare["articles"] / bare["seconds"]
    table.append(row(f"bare spaCy nlp.pipe ({JOBS} proc)",
                     f"{bare_rate:.1f} articles/s, {cpu_ms(bare)} ms CPU/article", "-", 1.0, bare))
    extract = run_stage("extract", corpus=str(corpus), jobs=JOBS)
    rate = extract["articles"] / extract["seconds"]
    table.append(row(f"extraction ({JOBS} proc)",
                     f"{rate:.1f} articles/s, {cpu_ms(extract)} ms CPU/article",
                     f"{bare_rate:.1f} articles/s (bare spaCy)", rate / bare_rate, extract))
    store_dir = tmp_path / "kg"
    ingest = run_stage("ingest", corpus=str(corpus), jobs=JOBS, store_dir=str(store_dir))
    rate = ingest["articles"] / ingest["seconds"]
    table.append(row(f"ingest end to end ({JOBS} proc)",
                     f"{rate:.1f} articles/s, {ingest['quads'] / ingest['seconds']:,.0f} "
                     f"triples/s, {cpu_ms(ingest)} ms CPU/article", f"{bare_rate:.1f} articles/s (bare spaCy)", rate / bare_rate,
                     ingest))
    data = tmp_path / "big.nq"
    grown = run_stage("grow", store_dir=str(store_dir), out=str(data), quads=QUADS)
    raw_load = run_stage("load", data=str(data), store_dir=str(tmp_path / "raw"), raw=True)
    kg_load = run_stage("load", data=str(data), store_dir=str(tmp_path / "big"), raw=False)
    table.append(row(f"bulk load {grown['quads']:,} quads", f"{kg_load['seconds']:.1f} s",
                     f"{raw_load['seconds']:.1f} s (raw bulk_load, "
                     f"{raw_load['rss_mb']:.0f} MB)", kg_load["seconds"] / raw_load["seconds"],
                     kg_load))
    raw_export = run_stage("export", store_dir=str(tmp_path / "raw"),
                           out=str(tmp_path / "raw.ttl"), raw=True)
    kg_export = run_stage("export", store_dir=str(tmp_path / "big"),
                          out=str(tmp_path / "kg.ttl"), raw=False)
    table.append(row("Turtle export", f"{kg_export['seconds']:.1f} s",
                     f"{raw_export['seconds']:.1f} s (raw CONSTRUCT + serialize, "
                     f"{raw_export['rss_mb']:.0f} MB)",
                     kg_export["seconds"] / raw_export["seconds"], kg_export))
    sparql = run_stage("sparql", store_dir=str(tmp_path / "big"), repeat=5)
    cut = [key for key, times in sparql["queries"].items() if times.get("timeout")]
    rdflib = run_stage("rdflib", data=str(data), repeat=1, cap=RDFLIB_CAP, skip=cut,
                       timeout=3000)
    app_vs_raw, rdflib_vs_app = [], []
    for key, times in sparql["queries"].items():
        if key in cut:
            table.append(f"| SPARQL `{key}` via /sparql | cut by the endpoint's timeout "
                         "(KG_QUERY_TIMEOUT) | - | - | - |")
            continue
        slow = rdflib["queries"][key]["rdflib"]
        over = ">" if rdflib["queries"][key].get("cut") else ""
        app_vs_raw.append(times["app"] / times["raw"])
        rdflib_vs_app.append(slow / times["app"])
        table.append(row(f"SPARQL `{key}` via /sparql", f"{1000 * times['app']:.1f} ms",
                         f"{1000 * times['raw']:.1f} ms raw pyoxigraph; rdflib "
                         f"{over}{1000 * slow:.0f} ms ({over}{slow / times['app']:.0f}x slower)",
                         times["app"] / times["raw"], sparql))
    table.append(row("SPARQL median over the queries", "-", f"rdflib load "
                     f"{rdflib['seconds']:.0f} s, {rdflib['rss_mb']:.0f} MB",
                     statistics.median(app_vs_raw), sparql))
    scores = "\n".join(f"| {name} | {extract['precision'][name]:.3f} | "
                       f"{extract['recall'][name]:.3f} | {f1:.3f} |"
                       for name, f1 in extract["f1"].items())
    print(f"\n{ARTICLES} synthetic articles (seed {SEED}), {JOBS} processes\n")
    print("\n".join(table))
    print("\n| extraction vs ground truth | P | R | F1 |\n|---|---|---|---|\n" + scores)
    assert statistics.median(app_vs_raw) <= 1.5
    assert statistics.median(rdflib_vs_app) >= 10
