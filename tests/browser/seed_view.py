"""The seed article's network page served for browser tests: one app over the seed per test
module, a page pointed at it, and the steps the tests share (open the page, click an edge)."""

from __future__ import annotations

import pytest

from tests.browser.polling import wait_until

DRAWN = """() => {
    const c = document.querySelector('#network canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let drawn = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) drawn++; }
    return drawn; }"""


@pytest.fixture(scope="module")
def seed_server(extractor, seed_article):
    """One app over the seed, served once for the module (these tests only read)."""
    from kg.ingest import ingest
    from kg.store import open_store
    from tests.live import serving
    from web import create_app

    store = open_store("memory:")
    assert ingest(store, [seed_article], extractor).added == [seed_article.key]
    app = create_app({"TESTING": True, "KG_STORE": "memory:"})
    app.extensions["kg_store"] = store
    with serving(app) as base:
        yield base, store


@pytest.fixture
def browser_page(page, seed_server):
    """The loopback-only page, pointed at the module's server (overrides the conftest one)."""
    page.base_url = seed_server[0]
    return page


def open_network(page, query: str = ""):
    page.goto(f"{page.base_url}/network{query}")
    wait_until(page, "window.kgReady === true", timeout=20_000)


def click_edge(page, edge_id: str) -> None:
    page.evaluate("""(id) => { const n = window.kgNetwork; n.selectEdges([id]);
        n.body.emitter.emit('click', {nodes: [], edges: [id]}); }""", edge_id)
