"""The network page in a real browser: it draws offline, search knows aliases, the evidence
shows, the time slider filters, exports open, and the companion views draw."""

from __future__ import annotations

import networkx as nx
import pytest

from tests.browser.polling import wait_until
from tests.browser.seed_view import (  # noqa: F401  (fixtures)
    DRAWN, browser_page, click_edge, open_network, seed_server)

pytestmark = pytest.mark.browser


def test_seed_network_renders_offline(browser_page, artifacts_dir):
    page = browser_page
    open_network(page)
    positions = page.evaluate("Object.keys(window.kgNetwork.getPositions()).length")
    page.screenshot(path=str(artifacts_dir / "network.png"))
    assert positions >= 10
    assert page.evaluate(DRAWN) > 1000, "nothing was drawn on the canvas"
    assert page.outside_requests == []
    assert page.console_errors == [], page.console_errors  # CSP violations land here too


def test_search_knows_aliases_and_edge_click_shows_the_sentence(browser_page):
    page = browser_page
    open_network(page)
    page.fill("#search", "Daesh")
    assert page.text_content("#search-result") == "Islamic State"
    assert page.evaluate("window.kgView.node(window.kgNetwork.getSelectedNodes()[0]).uri").endswith(
        "/actor/isis")
    edge_id = page.evaluate("""() => window.kgView.visibleEdgeIds().find(
        id => window.kgView.edge(id).type === 'ArmedClash' &&
              window.kgView.node(window.kgView.edge(id).from).uri.endsWith('/lebanon-military'))""")
    click_edge(page, edge_id)
    evidence = page.text_content("#evidence")
    assert "ArmedClash" in evidence and "offensives" in evidence
    links = page.eval_on_selector_all("#evidence a", "as => as.map(a => a.getAttribute('href'))")
    assert any(href.startswith("/id/article/") for href in links)
    assert any(href.startswith("/id/event/") for href in links)


def test_node_click_opens_the_actor_summary(browser_page):
    page = browser_page
    open_network(page)
    page.evaluate("""() => { const n = window.kgNetwork;
        const id = n.body.data.nodes.get().find(x => x.label === 'Gebran Bassil').id;
        n.selectNodes([id]); n.body.emitter.emit('click', {nodes: [id], edges: []}); }""")
    summary = page.text_content("#summary")
    assert "Top dyads" in summary and "Claims made" in summary
    assert "there weren't negotiations" in summary or "negotiations" in summary
    assert "contradicted by" in summary


def test_time_slider_removes_edges_outside_the_range(browser_page):
    page = browser_page
    open_network(page)
    before = page.evaluate("window.kgView.visibleEdgeIds().length")
    page.uncheck("#undated")
    page.evaluate("""() => { const from = document.getElementById('from');
        const to = document.getElementById('to'); from.value = to.max; to.value = to.max;
        to.dispatchEvent(new Event('input')); }""")
    day = page.text_content("#to-label")
    kept = page.evaluate("""() => window.kgView.visibleEdgeIds().map(id =>
        window.kgView.edge(id).events.map(i => window.kgView.events[i].date || ''))""")
    assert 0 < len(kept) <= before  # every seed edge may hold an event of the last day
    assert page.evaluate("window.kgNetwork.body.edgeIndices.length") == len(kept)  # drawn
    # a day, a month ("2017-08") or a year names a span: the kept edge has one holding the day
    assert all(any(date and day.startswith(date[:10]) for date in dates) for dates in kept), (
        day, kept)
    page.evaluate("""() => { const from = document.getElementById('from');
        const to = document.getElementById('to'); from.value = +to.max - 1; to.value = +to.max - 1;
        to.dispatchEvent(new Event('input')); }""")
    day = page.text_content("#to-label")
    spans = page.evaluate("""() => Object.fromEntries(window.kgView.edgeIds().map(id =>
        [id, window.kgView.edge(id).events.map(i => window.kgView.events[i].date || '')]))""")
    holding = {int(edge) for edge, dates in spans.items()
               if any(date and day.startswith(date[:10]) for date in dates)}
    assert len(holding) < before  # the day before drops the edges dated the last day only
    assert set(page.evaluate("window.kgView.visibleEdgeIds()")) == holding
    assert page.evaluate("window.kgNetwork.body.edgeIndices.length") == len(holding)


def test_exported_gexf_and_graphml_open_with_networkx(browser_page, artifacts_dir):
    page = browser_page
    open_network(page)
    page.uncheck("#groups input[value='co-acts']")
    href = page.get_attribute("#export-gexf", "href")
    assert "groups=" in href and "co-acts" not in href
    page.click("summary:has-text('Export')")
    with page.expect_download() as download:
        page.click("#export-gexf")
    path = artifacts_dir / "network.gexf"
    download.value.save_as(path)
    graph = nx.read_gexf(path)
    visible = page.evaluate("window.kgView.visibleEdgeIds().length")
    assert graph.number_of_edges() == visible
    assert {d["relation"] for _, _, d in graph.edges(data=True)}.isdisjoint({"CoAgent"})
    page.click("#export-sparql")
    page.wait_for_selector("#sparql-text:has-text('SELECT')")
    assert "SELECT ?source ?target ?type" in page.text_content("#sparql-text")


def test_png_export_is_an_image(browser_page):
    page = browser_page
    open_network(page)
    page.click("summary:has-text('Export')")
    with page.expect_download() as download:
        page.click("#export-png")
    assert download.value.suggested_filename == "network.png"
    assert open(download.value.path(), "rb").read(8) == b"\x89PNG\r\n\x1a\n"


def test_ego_view_keeps_k_hops(browser_page):
    page = browser_page
    open_network(page, "?focus=https://w3id.org/conflict-kg/id/actor/usa&hops=1")
    shown = page.evaluate("window.kgView.visibleNodeLabels()")
    assert shown == ["Hezbollah", "United States"]
    assert page.evaluate("window.kgNetwork.body.nodeIndices.length") == 2  # what vis draws
    page.fill("#hops", "2")
    page.dispatch_event("#hops", "change")
    assert len(page.evaluate("window.kgView.visibleNodeLabels()")) > 2
    assert page.evaluate("window.kgNetwork.body.nodeIndices.length") > 2


@pytest.mark.parametrize("view, ready", [("timeline", "#timeline li"), ("claims", "#pairs tr"),
                                          ("map", "#map-svg circle")])
def test_companion_views_draw(browser_page, artifacts_dir, view, ready):
    page = browser_page
    page.goto(f"{page.base_url}/{view}")
    wait_until(page, "window.kgReady === true")
    assert page.locator(ready).count() > 0
    page.screenshot(path=str(artifacts_dir / f"{view}.png"))
    assert page.outside_requests == [] and page.console_errors == [], page.console_errors


def test_claims_view_puts_contradictions_side_by_side(browser_page):
    page = browser_page
    page.goto(f"{page.base_url}/claims")
    wait_until(page, "window.kgReady === true")
    rows = page.eval_on_selector_all("#pairs tr", "rs => rs.map(r => r.innerText)")
    assert any("Bassil" in row and "security source" in row for row in rows), rows


def test_standalone_file_works_without_a_server(page, seed_server):
    from kg.views import network_page, view_source

    page.set_content(network_page(view_source(seed_server[1]), inline_assets=True))
    wait_until(page, "window.kgReady === true")
    assert page.evaluate(DRAWN) > 1000
    assert page.is_hidden("#server-exports")
    assert page.outside_requests == [] and page.console_errors == []


def test_play_runs_the_slider_to_the_end(browser_page):
    page = browser_page
    open_network(page)
    page.uncheck("#undated")
    page.evaluate("""() => { const from = document.getElementById('from');
        from.value = +from.max - 100; from.dispatchEvent(new Event('input')); }""")
    expected = page.evaluate("window.kgView.visibleEdgeIds().length")
    page.click("#play")
    assert page.text_content("#play") == "Pause"
    assert page.evaluate("+document.getElementById('to').value") < page.evaluate(
        "+document.getElementById('to').max")
    page.wait_for_selector("#play:has-text('Play')", timeout=10_000)
    assert page.evaluate("""+document.getElementById('to').value ===
        +document.getElementById('to').max""")
    assert page.evaluate("window.kgView.visibleEdgeIds().length") == expected > 0


def test_large_views_show_the_top_actors_and_expand_around_one(browser_page):
    page = browser_page
    open_network(page, "?limit=3")
    notice = page.text_content("#notice")
    assert "3 most active of 14" in notice
    assert "limit=6" in page.get_attribute("#notice a", "href")
    page.fill("#search", "Hezbollah")
    with page.expect_navigation():
        page.click("#ego")
    wait_until(page, "window.kgReady === true")
    assert "focus=" in page.url and "limit" not in page.url
    assert len(page.evaluate("window.kgView.visibleNodeLabels()")) > 3


EDGE_POINTS = """() => {
    const n = window.kgNetwork, canvas = document.querySelector('#network canvas');
    const box = canvas.getBoundingClientRect();
    return Object.values(n.body.edges).filter(e => e.options.hidden !== true && e.from && e.to)
        .map(e => { const p = n.canvasToDOM(e.edgeType.getPoint(0.5));
                    return [String(e.id), box.left + p.x, box.top + p.y]; }); }"""


def test_every_seed_edge_can_be_clicked_with_the_mouse(browser_page):
    """A real click at the middle of each drawn edge selects that edge: parallel edges bend
    apart instead of hiding one another."""
    page = browser_page
    open_network(page)
    page.evaluate("window.kgNetwork.fit({animation: false})")
    points = page.evaluate(EDGE_POINTS)
    missed = []
    for edge_id, x, y in points:
        page.evaluate("window.kgNetwork.unselectAll()")
        page.mouse.click(x, y)
        if page.evaluate("window.kgNetwork.getSelectedEdges().map(String)") != [edge_id]:
            missed.append(edge_id)
    assert len(points) >= 10
    assert missed == [], f"{len(missed)} of {len(points)} edges could not be clicked: {missed}"


def test_relation_families_differ_by_dash_pattern_not_colour_alone(browser_page):
    page = browser_page
    open_network(page)
    families = page.evaluate("""() => { const g = JSON.parse(document.getElementById('kg-data')
        .textContent).meta.groups; return Object.keys(g).map(k => [k, g[k].colour,
        JSON.stringify(g[k].dashes)]); }""")
    patterns = [dashes for _, _, dashes in families]
    solid = [name for name, _, dashes in families if dashes == "false"]
    assert len(set(patterns)) == len(patterns) - len(solid) + 1, families
    assert set(solid) == {"fights", "supports"}
    legend = page.locator("#legend svg.line-sample line")
    assert legend.count() == len(families)


def test_standalone_view_file_runs_under_its_own_csp(browser, seed_server, tmp_path):
    """`kg view` output carries a CSP meta tag: its own inline code runs, nothing else."""
    from kg.views import network_page
    from kg.views.source import view_source

    html = network_page(view_source(seed_server[1]))
    assert '<meta http-equiv="Content-Security-Policy"' in html
    out = tmp_path / "view.html"
    out.write_text(html.replace("</body>", "<script>window.injected = true;</script></body>"),
                   "utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.goto(out.as_uri())
    wait_until(page, "window.kgReady === true", timeout=20_000)
    assert page.evaluate(DRAWN) > 1000
    assert page.evaluate("window.injected === undefined"), "a script not in the policy ran"
    assert len(errors) == 1 and "Content Security Policy" in errors[0], errors
    context.close()


DATE_SHOWN = r"^(date unknown|\d{4}|[A-Z][a-z]{2} \d{4}|\d{1,2} [A-Z][a-z]{2} \d{4}(, \d\d:\d\d)?( \(article date\))?)$"


def test_timeline_reads_as_prose_with_dates_people_read(browser_page):
    """No raw timestamps; a target is 'against' only in hostile families."""
    import re

    page = browser_page
    page.goto(f"{page.base_url}/timeline")
    wait_until(page, "window.kgReady === true", timeout=20_000)
    items = page.evaluate("""() => Array.from(document.querySelectorAll('#timeline li')).map(li =>
        [li.querySelector('strong').textContent.trim(), li.querySelector('.meta').textContent,
         li.querySelector('a').textContent])""")
    assert len(items) >= 10
    from kg.analysis.families import RELATION_FAMILIES

    hostile = {kind for family in ("fights", "coerces", "accuses")
               for kind in RELATION_FAMILIES[family]}
    for date, who, event_type in items:
        assert re.match(DATE_SHOWN, date), date
        if " against " in who:
            assert event_type in hostile, (event_type, who)


def test_png_and_svg_exports_carry_the_legend_and_filters(browser_page, tmp_path):
    import struct
    import xml.etree.ElementTree as ET

    page = browser_page
    open_network(page, "?groups=fights,negotiates")
    page.click("summary:has-text('Export this view')")
    with page.expect_download() as png_download:
        page.click("#export-png")
    png = (tmp_path / "n.png")
    png_download.value.save_as(png)
    width, height = struct.unpack(">II", png.read_bytes()[16:24])
    canvas_width = page.evaluate("document.querySelector('#network canvas').width")
    assert width > canvas_width  # the network plus a legend column
    with page.expect_download() as svg_download:
        page.click("#export-svg")
    svg = tmp_path / "n.svg"
    svg_download.value.save_as(svg)
    root = ET.parse(svg).getroot()
    texts = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]
    legend = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")
              if t.get("class") == "legend-entry"]
    assert legend == ["fights", "negotiates"]
    assert any(t.startswith("Relations: fights, negotiates") for t in texts), texts
    circles = len(list(root.iter("{http://www.w3.org/2000/svg}circle")))
    assert circles == len(page.evaluate("window.kgView.visibleNodeLabels()"))


def test_svg_export_dashes_each_edge_as_the_canvas_does(browser_page, tmp_path):
    """Its family's pattern in proportion to the edge's width (network_canvas.js)."""
    import xml.etree.ElementTree as ET

    from kg.views.filters import GROUP_DASHES

    svg_ns = "{http://www.w3.org/2000/svg}"
    page = browser_page
    open_network(page)
    page.click("summary:has-text('Export this view')")
    with page.expect_download() as svg_download:
        page.click("#export-svg")
    svg_download.value.save_as(tmp_path / "n.svg")
    lines = [(line.find(svg_ns + "title").text, float(line.get("stroke-width")),
              [float(d) for d in line.get("stroke-dasharray").split()])
             for line in ET.parse(tmp_path / "n.svg").getroot().iter(svg_ns + "line")
             if line.find(svg_ns + "title") is not None]
    for title, width, dashes in lines:
        family = GROUP_DASHES[title.split(": ")[1].split(",")[0]]
        assert dashes == pytest.approx([d * max(1.0, width) for d in family or []]), (title, width, dashes)
    assert any(dashes and width > 1 for _, width, dashes in lines), lines


def test_claims_layer_links_speakers_to_what_they_speak_about(browser_page):
    page = browser_page
    open_network(page)
    layer = "Object.values(window.kgNetwork.body.edges).filter(e => String(e.id).startsWith('claim-'))"
    assert page.evaluate(f"{layer}.filter(e => !e.options.hidden).length") == 0
    page.check("#claims-layer")
    shown = page.evaluate(f"{layer}.filter(e => !e.options.hidden).map(e => String(e.id))")
    assert shown, "no claim edge in the seed network"
    speakers = page.evaluate(f"{layer}.map(e => window.kgView.node(e.fromId).label)")
    assert "Hassan Nasrallah" in speakers, speakers
    page.evaluate("""(id) => { const n = window.kgNetwork; n.selectEdges([id]);
        n.body.emitter.emit('click', {nodes: [], edges: [id]}); }""", shown[0])
    assert page.text_content("#details-title").endswith(": claims")
    assert page.locator("#evidence li").count() >= 1


def test_a_top_n_view_fetches_an_edges_evidence_when_it_is_opened(browser_page):
    page = browser_page
    open_network(page, "?top=10")
    assert page.evaluate("window.kgView.visibleEdgeIds().length") > 0
    edge_id = page.evaluate("""() => window.kgView.visibleEdgeIds().find(
        id => window.kgView.edge(id).type === 'ArmedClash' &&
              window.kgView.edge(id).evidence.agent.endsWith('/lebanon-military'))""")
    assert page.evaluate("(id) => window.kgView.edge(id).events.length", edge_id) == 0
    click_edge(page, edge_id)
    page.wait_for_selector("#evidence li", timeout=20_000)
    assert "offensives" in page.text_content("#evidence")
    links = page.eval_on_selector_all("#evidence a", "as => as.map(a => a.getAttribute('href'))")
    assert any(href.startswith("/id/article/") for href in links)
    assert page.outside_requests == [] and page.console_errors == [], page.console_errors


def test_a_view_from_the_tallies_says_how_many_lines_it_draws_and_offers_more(browser_page):
    page = browser_page
    open_network(page, "?top=500&edges=2")
    data = page.evaluate("window.KG.network.meta.aggregated")
    assert data["shown_edges"] < data["total_edges"]
    notice = page.text_content("#notice")
    assert f"the {data['shown_edges']} strongest of the {data['total_edges']} relations" in notice
    href = page.get_attribute("#notice a:has-text('Draw more relations')", "href")
    assert "edges=4" in href and "top=500" in href
    with page.expect_navigation():
        page.click("#notice a:has-text('Draw more relations')")
    wait_until(page, "window.kgReady === true")
    assert page.evaluate("window.KG.network.meta.aggregated.edges") == 4
    assert page.console_errors == []


def test_a_top_n_view_from_the_tallies_offers_more_actors_by_top(browser_page):
    page = browser_page
    open_network(page, "?top=3")
    assert "3 most active of" in page.text_content("#notice")
    href = page.get_attribute("#notice a:has-text('Show more actors')", "href")
    assert "top=6" in href and "limit" not in href
    with page.expect_navigation():
        page.click("#notice a:has-text('Show more actors')")
    wait_until(page, "window.kgReady === true")
    assert page.evaluate("window.KG.network.meta.aggregated.top") == 6
    assert page.console_errors == []
