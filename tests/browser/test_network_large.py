"""The network page at 1,000 actors: communities as meta-nodes, a top-N slider, labels kept.

A synthetic network (the views benchmark's generator: preferential attachment,
so a few hubs and a long tail) is served the way the app serves a page.
"""

from __future__ import annotations

import pytest

from tests.browser.synthetic_view import open_view, serving_synthetic_view

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def large_server():
    with serving_synthetic_view(nodes=1000, edges=3000) as base:
        yield base


@pytest.fixture
def large_page(page, large_server):
    return open_view(page, large_server)


DRAWN_NODES = "Object.keys(window.kgNetwork.body.nodes).filter(id => " \
              "window.kgNetwork.body.nodeIndices.includes(id)).length"
CLUSTERS = "window.kgNetwork.body.nodeIndices.filter(id => String(id).startsWith('community-'))"


def test_opens_on_communities_labelled_by_their_top_actors(large_page):
    clusters = large_page.evaluate(CLUSTERS)
    assert 2 <= len(clusters) < 200
    assert large_page.evaluate("window.kgNetwork.body.nodeIndices.length") < 400
    label = large_page.evaluate("(id) => window.kgNetwork.body.nodes[id].options.label",
                                clusters[0])
    assert label.startswith("Actor ") and "(+" in label
    before = large_page.evaluate("window.kgNetwork.body.nodeIndices.length")
    large_page.evaluate("""(id) => { const n = window.kgNetwork;
        n.body.emitter.emit('click', {nodes: [id], edges: []}); }""", clusters[0])
    assert large_page.evaluate("window.kgNetwork.body.nodeIndices.length") > before
    assert clusters[0] not in large_page.evaluate(CLUSTERS)


def test_the_counts_name_the_folded_communities(large_page):
    clusters = len(large_page.evaluate(CLUSTERS))
    assert f"and {clusters} folded communities" in large_page.text_content("#counts")
    large_page.click("#expand-communities")
    assert "folded" not in large_page.text_content("#counts")


def test_search_opens_the_community_of_the_actor_it_finds(large_page):
    large_page.fill("#search", "alias of actor 777")
    assert large_page.text_content("#search-result") == "Actor 777"
    assert large_page.evaluate("window.kgNetwork.getSelectedNodes().map(String)") == [
        str(large_page.evaluate("window.kgView.state.selected"))]
    assert large_page.text_content("#details-title") == "Actor 777"


def test_top_n_slider_keeps_the_most_active_actors(large_page):
    large_page.click("#expand-communities")
    large_page.evaluate("""() => { const s = document.getElementById('top-n'); s.value = '50';
        s.dispatchEvent(new Event('input')); }""")
    assert len(large_page.evaluate("window.kgView.visibleNodeLabels()")) <= 50
    assert large_page.text_content("#top-n-label") == "50"


def test_a_click_on_the_centre_of_each_big_node_selects_that_node(large_page):
    """vis picks the node drawn last under the pointer, so a small node lying on a big one
    used to take the click aimed at the big one's centre."""
    large_page.click("#expand-communities")
    biggest = large_page.evaluate("""() => { const body = window.kgNetwork.body;
        return body.nodeIndices.map(id => body.nodes[id])
          .sort((a, b) => b.options.size - a.options.size).slice(0, 10).map(n => String(n.id)); }""")
    missed = []
    for node in biggest:
        chosen = click_centre(large_page, node)
        if chosen != [node]:
            missed.append((node, chosen))
    assert not missed


NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def click_centre(page, node: str, attempts: int = 3) -> list[str]:
    """Click the centre of ``node`` (in view at scale 1) and return the selected nodes.

    A press and release further apart than hammer.js's 250 ms make no tap, so on a loaded
    machine a click can select nothing at all; that is tried again. A click that selects
    another node is the failure the test is about and is returned at once.
    """
    chosen: list[str] = []
    for _ in range(attempts):
        page.evaluate("""(id) => { window.kgNetwork.unselectAll();
            window.kgNetwork.focus(id, {scale: 1.0, animation: false}); }""", node)
        page.evaluate(NEXT_FRAME)
        spot = page.evaluate("""(id) => { const n = window.kgNetwork;
            return n.canvasToDOM(n.getPositions([id])[id]); }""", node)
        box = page.locator("#network canvas").bounding_box()  # a selection scrolls the page
        page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])
        chosen = page.evaluate("window.kgNetwork.getSelectedNodes().map(String)")
        if chosen:
            return chosen
    return chosen


def test_every_community_is_drawn_inside_the_canvas_at_first(large_page):
    """vis fitted the view before the meta-nodes were added: at 1,000 actors the isolated
    actors filled it and every community lay outside."""
    outside = large_page.evaluate("""() => { const n = window.kgNetwork;
        const box = n.body.container.getBoundingClientRect();
        return n.body.nodeIndices.filter(id => String(id).startsWith('community-'))
          .map(id => [id, n.canvasToDOM(n.getPosition(id))])
          .filter(([id, p]) => p.x < 0 || p.y < 0 || p.x > box.width || p.y > box.height)
          .map(([id]) => id); }""")
    assert large_page.evaluate(CLUSTERS) and outside == []


def test_above_3000_edges_lines_are_solid_zoomed_out_and_dashed_zoomed_in(page):
    """A dash pattern costs four times a solid line to draw and is unreadable at small scale."""
    dashed = """() => { const n = window.kgNetwork, data = window.kgView;
        return data.edgeIds().filter(id => data.edge(id).group === 'coerces')
          .map(id => JSON.stringify(n.body.edges[id].options.dashes)); }"""
    with serving_synthetic_view(nodes=1000, edges=4500) as base:
        open_view(page, base)
        assert len(page.evaluate("window.kgView.edgeIds()")) > 3000
        page.evaluate("() => window.kgNetwork.moveTo({scale: 0.2, animation: false})")
        page.evaluate(NEXT_FRAME)
        zoomed_out = page.evaluate(dashed)
        page.evaluate("() => window.kgNetwork.moveTo({scale: 1.0, animation: false})")
        page.evaluate(NEXT_FRAME)
        zoomed_in = page.evaluate(dashed)
    assert zoomed_out and set(zoomed_out) == {"false"}
    assert set(zoomed_in) == {"[12,5]"}


def test_lines_drawn_at_most_keeps_the_strongest_and_every_actor_tied(large_page):
    page = large_page
    page.click("#expand-communities")
    drawn = "window.kgView.visibleEdgeIds()"
    opened = page.evaluate(drawn)
    assert len(opened) < len(page.evaluate("window.kgView.edgeIds()"))  # 3,000 over the default
    page.fill("#max-lines", "100000")
    page.dispatch_event("#max-lines", "change")
    every = page.evaluate(drawn)
    assert len(every) == len(page.evaluate("window.kgView.edgeIds()"))
    counts = page.evaluate("(ids) => ids.map(id => window.KG.network.current.counts[id])", every)
    page.fill("#max-lines", "100")
    page.dispatch_event("#max-lines", "change")
    kept = page.evaluate(drawn)
    assert 100 <= len(kept) < len(every)
    strongest = sorted(zip(counts, every), key=lambda pair: -pair[0])[:100]
    weakest_kept = min(page.evaluate("(ids) => ids.map(id => window.KG.network.current.counts[id])",
                                     kept))
    assert all(count >= weakest_kept for count, _ in strongest)
    ends = """(ids) => { const s = new Set();
        ids.forEach(id => { const e = window.kgView.edge(id); s.add(e.from); s.add(e.to); });
        return [...s].sort(); }"""
    assert page.evaluate(ends, kept) == page.evaluate(ends, every)  # no actor left without a line
    assert f"{len(kept)} lines drawn, the strongest" in page.text_content("#counts")
    assert len(opened) > len(kept)
