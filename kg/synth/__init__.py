"""A seeded synthetic corpus of conflict news with its ground truth.

``kg synth --articles N --seed S --out PATH`` writes N articles: to a folder
(``<id>.txt`` with ``<id>.meta.json`` and the truth in ``<id>.truth.json``,
which ``kg ingest`` does not read) or to a JSON-lines file (the truth in
``<stem>.truth.jsonl`` beside it). The same seed gives the same corpus, and
the first N articles of a larger corpus are the N-article corpus.

Examples
--------
>>> [a.id for a in generate(2, seed=5)]
['synth-5-000000', 'synth-5-000001']
>>> next(generate(1, seed=5)) == next(generate(1, seed=5))
True

``--actors N`` (``actors=N``) grows the world to N actors with Zipf activity
and 2 to 10 events per article:

>>> article = next(generate(1, seed=5, actors=300))
>>> 2 <= len(article.truth["events"]) <= 10
True
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.synth.story import SynthArticle, make_article
from kg.synth.world import build_world

TRUTH_SUFFIX = ".truth.json"


def generate(count: int, seed: int = 0, start: int = 0,
             actors: int | None = None) -> Iterator[SynthArticle]:
    """Yield articles ``start`` .. ``start + count - 1`` of the corpus ``seed``, one at a time.

    ``actors``: the size of the world (default: the gazetteer's actors alone).
    """
    world = build_world(actors)
    for number in range(start, start + count):
        yield make_article(seed, number, world)


def truth_path(corpus: Path) -> Path:
    """Where the truth of a JSON-lines corpus goes: ``x.jsonl`` -> ``x.truth.jsonl``."""
    return corpus.with_name(corpus.name.removesuffix(corpus.suffix) + ".truth.jsonl")


def write_corpus(out: str | Path, count: int, seed: int = 0, actors: int | None = None) -> Path:
    """Write ``count`` articles to a folder or a ``.jsonl`` file; return the truth's path.

    Memory stays flat: each article is written as soon as it is made.
    """
    out = Path(out)
    if out.suffix.lower() in (".jsonl", ".ndjson"):
        out.parent.mkdir(parents=True, exist_ok=True)
        truth = truth_path(out)
        with out.open("w", encoding="utf-8") as texts, truth.open("w", encoding="utf-8") as gold:
            for article in generate(count, seed, actors=actors):
                texts.write(json.dumps(article.record(), ensure_ascii=False) + "\n")
                gold.write(json.dumps(article.truth, ensure_ascii=False) + "\n")
        return truth
    out.mkdir(parents=True, exist_ok=True)
    for article in generate(count, seed, actors=actors):
        meta = {k: v for k, v in article.record().items() if k != "text"}
        (out / f"{article.id}.txt").write_text(article.text + "\n", encoding="utf-8")
        (out / f"{article.id}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
        (out / f"{article.id}{TRUTH_SUFFIX}").write_text(json.dumps(article.truth),
                                                         encoding="utf-8")
    return out


def read_truth(path: str | Path) -> Iterator[dict[str, Any]]:
    """Yield the truth records written by :func:`write_corpus` (a folder or a corpus file)."""
    path = Path(path)
    if path.is_dir():
        for item in sorted(path.glob(f"*{TRUTH_SUFFIX}")):
            yield json.loads(item.read_text("utf-8"))
        return
    if not path.name.endswith(".truth.jsonl"):
        path = truth_path(path)
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


__all__ = ["SynthArticle", "generate", "read_truth", "truth_path", "write_corpus"]
