"""Issue 13, item 5: no article costs more than about 1 s per 100 KB, whatever its text.

Runs of one punctuation mark made spaCy's tokenizer quadratic (20,000 ``&``
took 65 s). Each case is 20 KB of such a run inside an ordinary sentence; the
bound is 1 s for the 20 KB (5 s per 100 KB would still fail the old code by far:
3,000 ``{`` alone took 3.4 s).
"""

from __future__ import annotations

import time

import pytest

from kg.documents import article_from_text

RUNS = ("&", "{", "?", "+", "\u2013", "%", "'s", ":)")


@pytest.mark.parametrize("run", RUNS)
def test_punctuation_runs_cost_linear_time(extractor, run, security_record):
    """20 KB of one repeated mark (or pair) inside an article"""
    text = "The army shelled Idlib on Monday. " + run * (20_000 // len(run)) + " Calm returned."
    article = article_from_text(text, origin=f"run-{ord(run[0])}.txt")
    extractor.extract(article_from_text("Calm.", origin="warm.txt"))  # the model is loaded
    started = time.process_time()
    extraction = extractor.extract(article)
    took = time.process_time() - started
    security_record.happened(f"{len(text) // 1000} KB of {run!r}: {took:.2f} s CPU")
    assert took < 1.0, f"{took:.2f} s for {len(text)} characters of {run!r}"
    assert extraction.article.text == text  # stored whole, offsets into the original
