"""The network page of a synthetic network, served the way the app serves a page.

The network is the views benchmark's generator (preferential attachment: a few hubs and a
long tail); the browser tests of large pages share this server and the wait for the draw.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tests.browser.polling import wait_until


@contextmanager
def serving_synthetic_view(nodes: int, edges: int) -> Iterator[str]:
    """Serve the page of a synthetic network at ``/view`` (assets as the app serves them);
    yield the server's base URL."""
    from flask import Flask, Response, send_file

    from kg.views import ViewSource, asset_path, network_page
    from tests.live import serving
    from tests.perf.test_views_bench import synthetic_network

    source = ViewSource.from_network(synthetic_network(nodes=nodes, edges=edges))
    html = network_page(source, inline_assets=False, asset_base="/network/assets")
    app = Flask(__name__)
    app.add_url_rule("/view", "view", lambda: Response(html, mimetype="text/html"))
    app.add_url_rule("/network/assets/<name>", "asset", lambda name: send_file(asset_path(name)))
    with serving(app) as base:
        yield base


def open_view(page: Any, base: str) -> Any:
    """Open the served page and wait until the network is drawn."""
    page.goto(f"{base}/view")
    wait_until(page, "window.kgReady === true", timeout=60_000)
    return page
