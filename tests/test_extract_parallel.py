"""Extraction on worker processes: same extractions, in order, bounded, and no orphans."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.documents import article_from_text
from kg.extract.parallel import ExtractionWorkerDied, parallel_pipe
from kg.extract.pipeline import Extractor
from kg.synth import write_corpus

ROOT = Path(__file__).resolve().parents[1]


def synthetic_articles(tmp_path, count):  # type: ignore[no-untyped-def]
    from kg.ingest import iter_inputs

    corpus = tmp_path / "c.jsonl"
    write_corpus(corpus, count, seed=5)
    return list(iter_inputs([corpus]))


def test_workers_give_the_same_extractions_in_input_order(extractor, tmp_path):
    articles = synthetic_articles(tmp_path, 9)
    serial = list(extractor.pipe(articles, n_process=1))
    parallel = list(extractor.pipe(articles, n_process=2, batch_size=2))  # five batches
    assert [e.article.key for e in parallel] == [a.key for a in articles]
    assert parallel == serial
    assert sum(len(e.events) for e in parallel) > 9


def test_input_is_read_ahead_by_a_few_batches_only(extractor):
    taken = []

    def source():  # type: ignore[no-untyped-def]
        for number in range(40):
            taken.append(number)
            yield article_from_text(f"Hezbollah shelled Arsal (report {number}).",
                                    origin=f"a{number}")

    lags = [len(taken) - int(extraction.article.key[1:])
            for extraction in parallel_pipe(extractor, source(), n_process=2, batch_size=2)]
    assert len(lags) == 40
    assert max(lags) <= 2 * 2 * 2 + 2 < 40  # two batches per worker in flight, one being read


class DiesOnTheArticleNamedDie(Extractor):
    def build(self, article, doc):  # type: ignore[no-untyped-def]
        if article.key == "die":
            os._exit(9)  # as the kernel's OOM killer would leave it: no answer at all
        return super().build(article, doc)


def test_a_worker_that_dies_is_a_one_line_error(extractor):
    dying = DiesOnTheArticleNamedDie(nlp=extractor.nlp, gazetteer=extractor.gazetteer)
    articles = [article_from_text(text, origin=key) for key, text in
                [("a", "ISIS attacked Kirkuk."), ("die", "Quiet day."), ("c", "Calm.")]]
    with pytest.raises(ExtractionWorkerDied, match="worker process died"):
        list(parallel_pipe(dying, articles, n_process=2, batch_size=1))


WORKERS_OF_A_KILLED_PARENT = """
import os, sys
from kg.documents import article_from_text
from kg.extract import default_extractor
articles = (article_from_text("ISIS attacked Kirkuk. " * 400, origin=f"a{n}") for n in range(10**6))
for extraction in default_extractor().pipe(articles, n_process=2, batch_size=1):
    children = open(f"/proc/{os.getpid()}/task/{os.getpid()}/children").read().split()
    print(" ".join(children), flush=True)
    sys.stdin.readline()  # wait: the test kills this process now
"""


def test_workers_die_with_their_parent():
    parent = subprocess.Popen([sys.executable, "-c", WORKERS_OF_A_KILLED_PARENT], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        workers = [int(pid) for pid in parent.stdout.readline().split()]  # type: ignore[union-attr]
        assert len(workers) == 2, workers
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    orphans = [pid for pid in workers if _alive(pid)]
    for pid in orphans:
        os.kill(pid, signal.SIGKILL)
    assert not orphans


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"
