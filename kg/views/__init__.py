"""The network views: the one place that builds view pages (``kg view`` and the web app call it).

- :mod:`kg.views.filters`  what a view shows (:class:`ViewFilter`, edge groups, date ranges)
- :mod:`kg.views.source`   what the views read from the store (network, events, claims)
- :mod:`kg.views.network`  the filtered, aggregated network; centrality, blocs, layout
- :mod:`kg.views.data`     the JSON the network page carries
- :mod:`kg.views.companions`  timeline, claims and map data
- :mod:`kg.views.export`   GEXF, GraphML and the SPARQL of a view
- :mod:`kg.views.page`     rendering (own templates, Jinja once, vis-network from pyvis)
"""

from __future__ import annotations

from kg.views.data import KIND_COLOURS, SIGN_COLOURS, network_data
from kg.views.filters import ViewFilter
from kg.views.page import (TEMPLATES, asset_path, json_for_script, network_page, render_view,
                           vis_network_dir)
from kg.views.source import ViewSource, view_source

__all__ = ["KIND_COLOURS", "SIGN_COLOURS", "TEMPLATES", "ViewFilter", "ViewSource", "asset_path",
           "json_for_script", "network_data", "network_page", "render_view", "vis_network_dir",
           "view_source"]
