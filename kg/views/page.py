"""Rendering the view pages: our own templates, Jinja run exactly once, data as inert JSON.

pyvis's own template loads Bootstrap and vis-network from CDNs, so the pages
use templates of ours; vis-network comes from the installed pyvis package. The
data travels as escaped JSON in a non-executed ``<script type="application/json">``
block, every article text is shown with ``textContent`` in the browser, and the
rendered string is never handed to a template engine again.

Examples
--------
>>> import networkx as nx
>>> from kg.views.source import ViewSource
>>> graph = nx.MultiDiGraph()
>>> graph.add_node("a", uri="a", label="<b>A</b>", kind="state", country="", aliases=[])
>>> html = network_page(ViewSource(graph), inline_assets=False, asset_base="/assets")
>>> "<b>A</b>" in html, "\\\\u003cb\\\\u003eA" in html
(False, True)
"""

from __future__ import annotations

from pathlib import Path

from kg.views.data import network_data
from kg.views.filters import ViewFilter
from kg.views.source import ViewSource

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
NETWORK_SCRIPTS = ("network_state.js", "network_timing.js", "network_filters.js", "network_draw.js",
                   "network_canvas.js", "network_communities.js", "network_evidence.js", "network_lists.js",
                   "network_export.js", "network.js")
"""The network page's scripts, one concern each, in the order they run (``network.js`` starts it)."""
PAGES = {"network": ("Actor network", ("vis-network.min.js", *NETWORK_SCRIPTS)),
         "timeline": ("Timeline of events", ("timeline.js",)),
         "claims": ("Claims", ("claims.js",)),
         "map": ("Map of events", ("map.js",))}
"""Each view page: its title and the scripts it loads, in order."""
SCRIPTS = (*NETWORK_SCRIPTS, "timeline.js", "claims.js", "map.js", "network_common.js")
STYLES = ("network.css",)


def vis_network_dir() -> Path:
    """Folder of the vis-network build that ships inside the pyvis package."""
    import pyvis

    return Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2"


def asset_path(name: str) -> Path:
    """The file behind a page asset (ours, or vis-network's from the pyvis package)."""
    if name.startswith("vis-network."):
        return vis_network_dir() / name
    if name in SCRIPTS or name in STYLES:
        return TEMPLATES / name
    raise FileNotFoundError(name)


def compact_json(data: object, sort_keys: bool = False) -> str:
    """``data`` as compact JSON text, UTF-8 unescaped, keys that are numbers written as strings.

    orjson writes the 11 MB of a 5,000-actor page in 30 ms where ``json.dumps`` took 105
    (tests/perf/test_views_bench.py); the text parses to what ``json.dumps`` gives.

    >>> compact_json({"b": 1.5, -1: "é", "a": [None, True]}, sort_keys=True)
    '{"-1":"é","a":[null,true],"b":1.5}'
    """
    import orjson

    option = orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY | (orjson.OPT_SORT_KEYS if sort_keys else 0)
    return orjson.dumps(data, option=option).decode("utf-8")


def json_for_script(data: object) -> str:
    """JSON safe to place inside ``<script type="application/json">``."""
    text = compact_json(data)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def inline_policy(scripts: list[str], styles: list[str]) -> str:
    """The Content-Security-Policy of a standalone page: only its own inline code runs.

    Each inline script and style is allowed by its SHA-256 hash; nothing is
    fetched (``default-src 'none'``), so a payload in the data cannot load or run anything.

    >>> inline_policy(["alert(1)"], [])
    "default-src 'none'; script-src 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='; style-src 'none'; img-src data: blob:; base-uri 'none'; form-action 'none'"
    """
    import base64
    import hashlib

    def hashes(texts: list[str]) -> str:
        digests = [base64.b64encode(hashlib.sha256(t.encode("utf-8")).digest()).decode("ascii")
                   for t in texts]
        return " ".join(f"'sha256-{d}'" for d in digests) or "'none'"

    return (f"default-src 'none'; script-src {hashes(scripts)}; style-src {hashes(styles)}; "
            "img-src data: blob:; base-uri 'none'; form-action 'none'")


def render_view(kind: str, data: object, *, inline_assets: bool = True, asset_base: str = "",
                links: dict[str, str] | None = None, title: str | None = None) -> str:
    """One view page (``kind`` in :data:`PAGES`) holding ``data``.

    ``inline_assets`` embeds scripts and styles (a standalone offline file);
    otherwise they load from ``asset_base`` on the same server. ``links`` are
    the other views' addresses, shown as navigation.
    """
    import jinja2

    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
    page_title, scripts = PAGES[kind]
    css = ["vis-network.css", "network.css"] if kind == "network" else ["network.css"]
    scripts = ("network_common.js", *scripts)
    inline: dict[str, object] = {}
    if inline_assets:
        inline = {"scripts": [asset_path(s).read_text("utf-8") for s in scripts],
                  "styles": [asset_path(s).read_text("utf-8") for s in css]}
        inline["policy"] = inline_policy(inline["scripts"], inline["styles"])  # type: ignore[arg-type]
    return environment.get_template(f"{kind}.html").render(
        title=title or page_title, data=json_for_script(data), inline=inline_assets,
        asset_base=asset_base, script_names=scripts, style_names=css, links=links or {},
        kind=kind, **inline)


def network_page(source: ViewSource, view: ViewFilter | None = None, *,
                 inline_assets: bool = True, asset_base: str = "", link_base: str | None = None,
                 links: dict[str, str] | None = None, title: str = "Actor network") -> str:
    """The network page as one HTML string (see :func:`render_view`), kept by the source.

    ``link_base`` prefixes entity paths; by default ``/id/`` on a server and the
    URIs themselves in a standalone file.
    """
    from kg import ids

    base = link_base if link_base is not None else ("/id/" if not inline_assets else ids.BASE)

    def build() -> str:
        data = network_data(source, view, link_base=base, client_ego=True)
        data["meta"]["server"] = not inline_assets  # type: ignore[index]
        return render_view("network", data, inline_assets=inline_assets, asset_base=asset_base,
                           links=links, title=title)

    key = ("page", view, inline_assets, asset_base, base, tuple((links or {}).items()), title)
    return source.kept(key, build)
