"""A budget of open files for the on-disk stores a process opens: its memory then stops
growing with the store.

Oxigraph sets RocksDB's ``max_open_files`` from the process's soft limit on open files when it
opens a store (the limit less 48), and RocksDB keeps every open table file's index and filter
blocks in memory. With the usual limit (thousands) every table file stays open, so a writer's
memory grows with its store (the README's "Analyses, load and memory at 100k").
Inside :func:`open_file_budget` a store is opened with the soft limit lowered, then the
limit is restored: RocksDB keeps its ``max_open_files`` for the store's life, and the
process may open as many other files as before. Reads that need a closed table file open it
again, so the budget suits a writer (``kg ingest``) rather than a server.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

INGEST_OPEN_FILES = 128
"""The writer's budget: RocksDB keeps at most 80 table files open (Oxigraph needs 96 or more)."""


@contextmanager
def open_file_budget(files: int) -> Iterator[int]:
    """Lower the process's soft limit on open files to ``files`` while the block runs, if it is
    higher; yield the limit in force inside.

    Parameters
    ----------
    files : int
        The soft limit inside the block. A store opened there keeps at most ``files`` - 48
        table files open.

    Examples
    --------
    >>> import resource
    >>> before = resource.getrlimit(resource.RLIMIT_NOFILE)
    >>> with open_file_budget(128) as inside:
    ...     inside == min(128, before[0]) == resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    True
    >>> resource.getrlimit(resource.RLIMIT_NOFILE) == before
    True
    """
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft <= files:
        yield soft
        return
    resource.setrlimit(resource.RLIMIT_NOFILE, (files, hard))
    try:
        yield files
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


__all__ = ["INGEST_OPEN_FILES", "open_file_budget"]
