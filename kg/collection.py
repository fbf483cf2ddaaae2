"""Pause Python's cyclic garbage collector while a bulk of acyclic objects is built.

Reading the tallies and computing an analysis at 100,000 articles makes millions of
tuples, lists and dicts, none of them in a reference cycle. Each allocation burst
triggers the cyclic collector, whose oldest generation walks every live object: most of
the time of a parse or of building a table (orjson parsing a 93 MB balance answer:
1.08 s with the collector, 0.39 s without; expanding 287,000 actor triples: 1.0 s and
0.07 s). Reference counting still frees everything as usual; only cycles wait until the
collector runs again after the block.

The pause is counted across threads: the collector is switched back on when the last
block that paused it ends, and only if it was on before the first began.

Examples
--------
>>> import gc
>>> with collection_paused():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_state = {"depth": 0, "was_enabled": False}


@contextmanager
def collection_paused() -> Iterator[None]:
    """Run the block with the cyclic garbage collector off (nested and threaded blocks share
    one pause)."""
    with _lock:
        if _state["depth"] == 0:
            _state["was_enabled"] = gc.isenabled()
            gc.disable()
        _state["depth"] += 1
    try:
        yield
    finally:
        with _lock:
            _state["depth"] -= 1
            if _state["depth"] == 0 and _state["was_enabled"]:
                gc.enable()


__all__ = ["collection_paused"]
