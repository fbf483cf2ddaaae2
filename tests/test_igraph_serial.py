"""kg.igraph_serial: igraph's OpenMP on one thread, the environment left as it was."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
import ctypes, glob, os, sys
from kg.igraph_serial import igraph_module
igraph = igraph_module()
(gomp,) = glob.glob(os.path.join(os.path.dirname(igraph.__file__) + ".libs", "libgomp*"))
print(ctypes.CDLL(gomp).omp_get_max_threads(), os.environ.get("OMP_NUM_THREADS"))
"""


def _probe(env: dict[str, str]) -> list[str]:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          env=env, check=True, timeout=120)
    return done.stdout.split()


def test_igraph_runs_openmp_on_one_thread_and_leaves_no_variable_behind():
    env = {k: v for k, v in os.environ.items() if k != "OMP_NUM_THREADS"}
    assert _probe(env) == ["1", "None"]


def test_a_thread_count_the_user_set_is_kept():
    assert _probe({**os.environ, "OMP_NUM_THREADS": "2"}) == ["2", "2"]


def test_pagerank_gives_the_same_numbers_every_time():
    import random

    from kg.igraph_serial import igraph_module

    rng = random.Random(3)  # large enough for PRPACK to split the work between threads: on
    # two threads, each of 20 calls gave other low bits
    graph = igraph_module().Graph(n=3000, edges=[(rng.randrange(3000), rng.randrange(3000))
                                                 for _ in range(45000)])
    weights = [rng.randint(1, 9) for _ in range(graph.ecount())]
    first = graph.pagerank(weights=weights, directed=False)
    assert all(graph.pagerank(weights=weights, directed=False) == first for _ in range(20))
