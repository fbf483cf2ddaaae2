"""Network analyses of the graph: NetworkX projections and what is computed on them.

One module per analysis, each a pure function from an actor network
(:func:`kg.analysis.projection.actor_network`) to plain data:
:mod:`~kg.analysis.dyads` (who fights whom), :mod:`~kg.analysis.mediation`
with :mod:`~kg.analysis.brokerage` (who mediates), :mod:`~kg.analysis.blocs`,
:mod:`~kg.analysis.balance`, :mod:`~kg.analysis.centrality` (and ego networks),
:mod:`~kg.analysis.paths`; :mod:`~kg.analysis.run` runs any of them by name,
:mod:`~kg.analysis.output` renders the results and
:mod:`~kg.analysis.writeback` stores them as RDF.

:data:`ANALYSES` maps each name to ``callable(store, **text_params)`` returning
a :class:`~kg.analysis.output.Result` (``to_dict()`` gives its JSON form).

The package loads NetworkX (and every analysis) only when one of those names is first
read, so that its light modules, such as :mod:`~kg.analysis.families`, which extraction and
the tallies of ingest read, import nothing heavy.

>>> from kg.analysis import ANALYSES
>>> from kg.store import open_store
>>> ANALYSES["balance"](open_store("memory:"), since="2017").to_dict()["summary"]["triangles"]
0
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.analysis.output import Result
    from kg.store import Store

EXPORTED = ("ANALYSES", "Result", "params_from_strings", "run_analysis")


def _by_name(name: str, store: Store, **params: Any) -> Result:
    from kg.analysis.run import params_from_strings, run_analysis

    return run_analysis(store, name, params_from_strings({k: str(v) for k, v in params.items()}))


def __getattr__(name: str) -> Any:
    """:data:`ANALYSES` (every analysis by name, as ``callable(store, **text_params)``),
    ``Result``, ``params_from_strings`` and ``run_analysis``, imported on first use."""
    if name not in EXPORTED:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from kg.analysis import output, run

    globals().update(ANALYSES={key: functools.partial(_by_name, key) for key in run.ANALYSES},
                     Result=output.Result, params_from_strings=run.params_from_strings,
                     run_analysis=run.run_analysis)
    return globals()[name]


__all__ = list(EXPORTED)
