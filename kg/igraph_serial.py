"""igraph, imported with its OpenMP parallelism held to one thread.

python-igraph's wheels bundle their own libgomp, and PageRank (PRPACK) runs on it. On
two cores under load the threads spin waiting for each other: PageRank of the actor graph
at 100,000 articles (2,636 actors, 62,099 ties) took 0.04-0.68 s a call, and two calls on
the same graph gave different low bits; on one thread it takes 0.008 s every time, with the
same numbers every time. libgomp reads ``OMP_NUM_THREADS`` once, when igraph's extension
loads, so every import of igraph goes through :func:`igraph_module`; a value the user set
is kept, and the variable is taken back out of the environment after the import, so that
no other library (OpenBLAS) loaded later reads it.

Examples
--------
>>> igraph_module().Graph(n=3, edges=[(0, 1), (1, 2)]).pagerank()[1] > 0.4
True
"""

from __future__ import annotations

import os
import sys
from types import ModuleType

THREADS = "OMP_NUM_THREADS"


def igraph_module() -> ModuleType:
    """The ``igraph`` module, imported (the first time) with OpenMP on one thread."""
    if "igraph" in sys.modules:
        return sys.modules["igraph"]
    given = os.environ.get(THREADS)
    os.environ[THREADS] = given or "1"
    try:
        import igraph
    finally:
        if given is None:
            del os.environ[THREADS]
    return igraph


__all__ = ["igraph_module"]
