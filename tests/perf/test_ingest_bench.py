"""Ingest at scale (on demand: ``make bench`` or ``pytest tests/perf/test_ingest_bench.py -m bench -s``).

Acceptance of streaming ingest, on the synthetic corpus (``kg synth``):

* throughput: ``kg.ingest`` end to end (JSON lines -> on-disk Oxigraph) on
  ``KG_BENCH_LARGE`` articles (default 10,000) is at least 0.7x bare spaCy
  ``nlp.pipe`` on the same texts with the same number of processes;
* bounded memory: peak RSS of the ingest process (and of its workers) at the
  large size is within 1.2x of that at ``KG_BENCH_SMALL`` (default 1,000).

Each run is a fresh process (the stages of ``test_pipeline_bench.py``) that
reports its own peak RSS and its workers' (``resource.getrusage``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.bench
SMALL = int(os.environ.get("KG_BENCH_SMALL", 1000))
LARGE = int(os.environ.get("KG_BENCH_LARGE", 10_000))
JOBS = int(os.environ.get("KG_BENCH_JOBS", os.cpu_count() or 1))
STAGES = Path(__file__).resolve().with_name("pipeline_stages.py")
ROOT = STAGES.parents[2]
THROUGHPUT = 0.7
MEMORY = 1.2


def run_stage(stage: str, **args: object) -> dict[str, float]:
    """One stage of the pipeline benchmark in a fresh interpreter."""
    done = subprocess.run([sys.executable, str(STAGES), stage, json.dumps(args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=7200)
    assert done.returncode == 0, done.stderr[-3000:]
    line = next(x for x in done.stdout.splitlines() if x.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))


def test_ingest_scales(tmp_path):
    from kg.synth import write_corpus

    table = ["| articles | bare spaCy articles/s | ingest articles/s | triples/s | ratio | "
             "CPU ms/article (bare / ingest, of which main process) | ingest peak RSS | "
             "workers' peak RSS |",
             "|---|---|---|---|---|---|---|---|"]
    measured = {}
    for size in (SMALL, LARGE):
        corpus = tmp_path / f"synth-{size}.jsonl"
        write_corpus(corpus, size, seed=1)
        bare = run_stage("spacy", corpus=str(corpus), jobs=JOBS)
        ingest = run_stage("ingest", corpus=str(corpus), jobs=JOBS,
                           store_dir=str(tmp_path / f"kg-{size}"))
        assert ingest["articles"] == size
        bare_rate, rate = size / bare["seconds"], size / ingest["seconds"]
        measured[size] = (rate / bare_rate, ingest["rss_mb"], ingest["workers_rss_mb"])
        table.append(f"| {size:,} | {bare_rate:.1f} | {rate:.1f} | "
                     f"{ingest['quads'] / ingest['seconds']:,.0f} | {rate / bare_rate:.2f} | "
                     f"{1000 * bare['cpu_s'] / size:.0f} / {1000 * ingest['cpu_s'] / size:.0f}, "
                     f"{1000 * ingest.get('main_cpu_s', float('nan')) / size:.0f} | "
                     f"{ingest['rss_mb']:.0f} MB | {ingest['workers_rss_mb']:.0f} MB |")
    print(f"\n{JOBS} processes\n\n" + "\n".join(table))
    ratio, rss, workers = measured[LARGE]
    assert ratio >= THROUGHPUT
    assert rss <= MEMORY * measured[SMALL][1]
    assert workers <= MEMORY * max(measured[SMALL][2], 1)


def test_write_alone_bounds_the_ratio(tmp_path):
    """How much of the 0.7x budget the store's write takes, with no extraction at all.

    On ``JOBS`` cores the ratio can be at most bare CPU / (bare CPU + write CPU)
    per article. The store must hold exactly what was written.
    """
    from kg.synth import write_corpus

    corpus = tmp_path / f"synth-{SMALL}.jsonl"
    write_corpus(corpus, SMALL, seed=1)
    bare = run_stage("spacy", corpus=str(corpus), jobs=JOBS)
    bare_ms = 1000 * bare["cpu_s"] / SMALL
    lines = [f"bare spaCy: {bare_ms:.1f} ms CPU/article ({SMALL:,} articles, {JOBS} processes)"]
    for name, uri in (("on-disk Oxigraph", f"oxigraph:{tmp_path / 'kg'}"), ("memory", "memory:")):
        write = run_stage("write", corpus=str(corpus), count=LARGE, store_uri=uri)
        assert write["quads"] == write["distinct"]
        write_ms = 1000 * write["cpu_s"] / LARGE
        lines.append(f"{name} write alone: {write_ms:.2f} ms CPU/article over {LARGE:,} articles "
                     f"({write['written'] / LARGE:.0f} triples each; "
                     f"{write['tally_quads']:,} quads of tallies in all); best possible ratio "
                     f"{bare_ms / (bare_ms + write_ms):.2f}")
    print("\n" + "\n".join(lines))
