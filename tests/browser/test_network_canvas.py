"""The network canvas drawn in batches above 3,000 edges (``kg/templates/network_canvas.js``).

The page at 1,000 actors and 4,500 events: the batched drawing inks the pixels vis-network's
own drawing inks (the page's drawing methods taken away and put back), with a small fraction
of its strokes, and meta-edges are lines of the batches, not vis edges.
"""

from __future__ import annotations

import pytest

from tests.browser.synthetic_view import open_view, serving_synthetic_view

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def canvas_server():
    with serving_synthetic_view(nodes=1000, edges=4500) as base:
        yield base


@pytest.fixture
def canvas_page(page, canvas_server):
    return open_view(page, canvas_server)


# Draw once with the page's batches and once with vis's own methods; count inked pixels
# (alpha above 16: the canvas is transparent) and strokes.
COMPARE_JS = """() => {
  const n = window.kgNetwork, r = n.renderer, ctx = n.canvas.getContext('2d');
  const width = ctx.canvas.width, height = ctx.canvas.height, stroke = ctx.stroke;
  let strokes = 0;
  ctx.stroke = function () { strokes++; return stroke.apply(this, arguments); };
  function draw() {
    strokes = 0; n.redraw();
    const data = ctx.getImageData(0, 0, width, height).data, ink = new Uint8Array(width * height);
    for (let i = 0; i < ink.length; i++) { ink[i] = data[4 * i + 3] > 16 ? 1 : 0; }
    return {ink: ink, strokes: strokes};
  }
  const batched = draw(), page = {e: r._drawEdges, n: r._drawNodes, a: r._drawArrows};
  delete r._drawEdges; delete r._drawNodes; delete r._drawArrows;
  const own = draw();
  r._drawEdges = page.e; r._drawNodes = page.n; r._drawArrows = page.a;
  ctx.stroke = stroke;
  let both = 0, visInk = 0, batchInk = 0;
  for (let i = 0; i < own.ink.length; i++) {
    visInk += own.ink[i]; batchInk += batched.ink[i]; both += own.ink[i] & batched.ink[i];
  }
  return {vis: visInk, batched: batchInk, both: both, visStrokes: own.strokes, strokes: batched.strokes,
          edges: n.body.edgeIndices.length, scale: n.getScale()};
}"""


@pytest.mark.parametrize("scale", [None, 1.0])  # fitted (solid lines) and zoomed in (dashed)
def test_batches_ink_what_vis_inks_with_few_strokes(canvas_page, scale):
    page = canvas_page
    page.click("#expand-communities")  # every actor shown: no meta-edge, which vis never draws
    page.fill("#max-lines", "100000")  # every line drawn, not the strongest 1,500
    page.dispatch_event("#max-lines", "change")
    if scale:
        page.evaluate("(s) => window.kgNetwork.moveTo({scale: s, animation: false})", scale)
    found = page.evaluate(COMPARE_JS)
    assert found["edges"] > 3000 and found["vis"] > 10_000, found
    assert found["both"] >= 0.95 * found["vis"], found  # what vis inks, the batches ink
    assert found["batched"] <= 1.05 * found["vis"], found  # and hardly anything else
    if scale is None:  # solid lines: a stroke per 32 lines instead of one per edge and dot
        assert found["strokes"] * 10 < found["visStrokes"], found


def test_meta_edges_are_batched_lines_between_shown_nodes(canvas_page):
    page = canvas_page
    lines = page.evaluate("""() => window.KG.network.metaLines
        .filter(m => !m.from.options.hidden && !m.to.options.hidden).map(m => [String(m.from.id), String(m.to.id)])""")
    assert lines and all(a.startswith("community-") or b.startswith("community-") for a, b in lines)
    assert page.evaluate("() => Object.keys(window.kgNetwork.body.edges).filter(id => id.startsWith('meta-')).length") == 0
    community = lines[0][0] if lines[0][0].startswith("community-") else lines[0][1]
    page.evaluate("(id) => { window.kgNetwork.body.emitter.emit('click', {nodes: [id], edges: []}); }", community)
    shown = page.evaluate("""() => window.KG.network.metaLines.map(m => [String(m.from.id), String(m.to.id)])""")
    assert all(community not in pair for pair in shown)  # its members now carry its lines
    assert any(not a.startswith("community-") or not b.startswith("community-") for a, b in shown)


def test_visible_indices_are_those_vis_computes(canvas_page):
    """The page's own pass over kept id lists gives vis's visible nodes and edges, in order,
    also for a node hidden without its edges."""
    page = canvas_page
    community = page.evaluate("() => window.kgNetwork.body.nodeIndices.find(id => String(id).startsWith('community-'))")
    page.evaluate("(id) => { window.kgNetwork.body.emitter.emit('click', {nodes: [id], edges: []}); }", community)
    page.click("#groups input[value='fights']")
    found = page.evaluate("""() => { const n = window.kgNetwork, body = n.body;
        const hub = body.edges[body.edgeIndices[0]].fromId;  // hidden alone: its edges go too
        window.KG.network.hide([], [{id: hub, hidden: true}]);
        const mine = [body.nodeIndices.map(String), body.edgeIndices.map(String)];
        n._updateVisibleIndices();
        return {mine, vis: [body.nodeIndices.map(String), body.edgeIndices.map(String)]}; }""")
    assert found["mine"] == found["vis"]
    assert 0 < len(found["vis"][1]) < page.evaluate("window.kgView.edgeIds().length")


# Each dash pattern set while the page draws (batched lines and vis's own edges), with the
# families' patterns and the widths of the edges shown.
DASHES_DRAWN_JS = """() => {
  const n = window.kgNetwork, ctx = n.canvas.getContext('2d'), set = ctx.setLineDash, drawn = [];
  ctx.setLineDash = function (pattern) { drawn.push(Array.from(pattern)); return set.apply(this, arguments); };
  n.redraw(); ctx.getImageData(0, 0, 1, 1);
  ctx.setLineDash = set;
  const groups = JSON.parse(document.getElementById('kg-data').textContent).meta.groups;
  return {drawn: drawn.filter(p => p.length > 1 || p[0] > 0),
          families: Object.values(groups).map(g => g.dashes).filter(Array.isArray),
          widths: n.body.edgeIndices.map(id => n.body.edges[id].options.width),
          options: n.body.edgeIndices.map(id => n.body.edges[id].options.dashes).filter(Array.isArray).map(String)};
}"""


@pytest.mark.parametrize("select", [False, True])  # batched lines; a hub's edges drawn by vis
def test_dash_patterns_are_drawn_in_proportion_to_the_line_width(canvas_page, select):
    """A family's pattern is for a line 1 unit wide: a wider line's round caps closed its gaps,
    and its many short dashes took most of a click's frame to rasterise; vis's options keep
    the family's pattern."""
    page = canvas_page
    page.click("#expand-communities")
    # a dashed edge as wide as one of eight events, in view at a scale where lines are dashed
    page.evaluate("""(select) => { const n = window.kgNetwork, V = window.KG.network, body = n.body;
        const id = body.edgeIndices.find(i => Array.isArray(V.meta.groups[window.kgView.edge(i).group].dashes)), e = body.edges[id];
        V.hide([{id: id, hidden: false, width: V.width(8)}], []);
        n.moveTo({position: {x: (e.from.x + e.to.x) / 2, y: (e.from.y + e.to.y) / 2}, scale: 1.0, animation: false});
        if (select) { V.select('edge', id); } }""", select)
    found = page.evaluate(DASHES_DRAWN_JS)
    factors = {max(1.0, width) for width in found["widths"]}
    families = found["families"]

    def scaled_family(pattern: list[float]) -> float | None:
        for family in families:
            factor = pattern[0] / family[0]
            if len(family) == len(pattern) and factor in factors and all(
                    abs(d - f * factor) < 1e-9 for d, f in zip(pattern, family, strict=True)):
                return factor
        return None

    assert found["drawn"], found
    scales = [scaled_family(pattern) for pattern in found["drawn"]]
    assert None not in scales, [p for p, s in zip(found["drawn"], scales) if s is None][:5]
    assert max(scales) > 1  # wide lines were drawn with longer dashes
    assert set(found["options"]) <= {str(f).replace(" ", "")[1:-1] for f in families}


# The canvas drawn with the line ends under the discs left out and with them drawn: each
# pixel composited on white, the largest difference of a colour channel, the count of pixels
# over 8 levels apart, and the length of the lines stroked.
TRIMMED_JS = """() => {
  const n = window.kgNetwork, V = window.KG.network, ctx = n.canvas.getContext('2d');
  const width = ctx.canvas.width, height = ctx.canvas.height, moveTo = ctx.moveTo, lineTo = ctx.lineTo;
  let at = null, length = 0;
  ctx.moveTo = function (x, y) { at = [x, y]; return moveTo.apply(this, arguments); };
  ctx.lineTo = function (x, y) { length += Math.hypot(x - at[0], y - at[1]); at = [x, y]; return lineTo.apply(this, arguments); };
  function draw(trim) {
    V.trimLineEnds = trim; length = 0; n.redraw();
    const data = ctx.getImageData(0, 0, width, height).data, white = new Float32Array(width * height * 3);
    for (let i = 0; i < width * height; i++) {
      for (let k = 0; k < 3; k++) { white[3 * i + k] = data[4 * i + k] * data[4 * i + 3] / 255 + 255 - data[4 * i + 3]; }
    }
    return {white: white, length: length};
  }
  const whole = draw(false), trimmed = draw(true);
  ctx.moveTo = moveTo; ctx.lineTo = lineTo;
  let most = 0, over8 = 0;
  for (let i = 0; i < whole.white.length; i += 3) {
    let d = 0;
    for (let k = 0; k < 3; k++) { d = Math.max(d, Math.abs(whole.white[i + k] - trimmed.white[i + k])); }
    most = Math.max(most, d); if (d > 8) { over8++; }
  }
  return {most: most, over8: over8, pixels: width * height, whole: whole.length, trimmed: trimmed.length, scale: n.getScale()};
}"""


@pytest.mark.parametrize("scale", [None, 1.0])  # fitted and zoomed in, meta-edges shown
def test_line_ends_under_the_discs_are_left_out_of_the_same_picture(canvas_page, scale):
    """Solid lines stop at the rim of their nodes' discs (drawn over them): shorter lines to
    stroke, the same picture but for the anti-aliasing where lines overlap."""
    page = canvas_page
    page.evaluate("() => { window.kgNetwork.body.emitter.emit('click', {nodes: [window.kgNetwork.body.nodeIndices"
                  ".find(id => String(id).startsWith('community-'))], edges: []}); }")  # one opened
    if scale:
        page.evaluate("(s) => window.kgNetwork.moveTo({scale: s, animation: false})", scale)
    found = page.evaluate(TRIMMED_JS)
    assert found["trimmed"] < 0.98 * found["whole"], found  # 15% fitted, 4.5% at scale 1 (1,000 actors)
    # a line end left out in view would lighten its pixels by 40-100 levels (alpha 0.5-0.8 on white)
    assert found["most"] <= 32 and found["over8"] < 0.001 * found["pixels"], found
