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

>>> from kg.store import open_store
>>> ANALYSES["balance"](open_store("memory:"), since="2017").to_dict()["summary"]["triangles"]
0
"""

from __future__ import annotations

import functools
from typing import Any

from kg.analysis.output import Result
from kg.analysis.run import ANALYSES as _RUNNERS
from kg.analysis.run import params_from_strings, run_analysis
from kg.store import Store


def _by_name(name: str, store: Store, **params: Any) -> Result:
    return run_analysis(store, name, params_from_strings({k: str(v) for k, v in params.items()}))


ANALYSES = {name: functools.partial(_by_name, name) for name in _RUNNERS}
"""Every analysis by name, as ``callable(store, **text_params)``."""

__all__ = ["ANALYSES", "Result", "params_from_strings", "run_analysis"]
