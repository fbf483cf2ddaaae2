"""The network page in a real browser: it draws, it is offline, the evidence shows."""

from __future__ import annotations

import pytest

from tests.live import serving

pytestmark = pytest.mark.browser


def test_seed_network_renders_offline(app, page, artifacts_dir):
    with serving(app) as base:
        page.goto(f"{base}/network")
        page.wait_for_function("window.kgNetwork !== undefined")
        positions = page.evaluate("Object.keys(window.kgNetwork.getPositions()).length")
        screenshot = artifacts_dir / "network.png"
        page.screenshot(path=str(screenshot))
        canvas_pixels = page.evaluate("""() => {
            const c = document.querySelector('#network canvas');
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let drawn = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) drawn++; }
            return drawn; }""")
    assert positions >= 10
    assert canvas_pixels > 1000, "nothing was drawn on the canvas"
    assert page.outside_requests == []
    assert page.console_errors == []


def test_search_knows_aliases_and_edge_click_shows_the_sentence(app, page):
    with serving(app) as base:
        page.goto(f"{base}/network")
        page.wait_for_function("window.kgNetwork !== undefined")
        page.fill("#search", "Daesh")
        assert page.text_content("#search-result") == "Islamic State"
        edge_id = page.evaluate("""() => {
            const n = window.kgNetwork; const edges = n.body.data.edges.get();
            const e = edges.find(x => x.type === 'ArmedClash'); return e.id; }""")
        page.evaluate(f"""() => {{
            const n = window.kgNetwork; n.selectEdges(['{edge_id}']);
            n.body.emitter.emit('click', {{nodes: [], edges: ['{edge_id}']}}); }}""")
        evidence = page.text_content("#evidence")
    assert "ArmedClash" in evidence and "offensives" in evidence or "fighting" in evidence
    assert page.outside_requests == []
