"""XSS: a payload in every text field of the graph, and every HTML page of the app checked
server-side (the browser-side check of the network page is tests/browser's).

One article is built by hand so that *every* string field of the model (title,
source, URL, sentence, actor label/alias/description/sector/country, place
label/alias/country, mention, time, trigger, quantity unit, speaker, verb,
quote) carries its own payload; a second one goes through the real pipeline.
The test then crawls the app from every route (following each same-origin
link, entity pages included) and requests error pages with payloads in the
URL. In every HTML answer a payload may appear only escaped: no raw payload,
no injected element or event handler, no ``javascript:`` link, no template
expression evaluated. Every non-HTML answer that echoes a payload carries
``X-Content-Type-Options: nosniff`` so no browser renders it as HTML.
"""

from __future__ import annotations

from kg.descriptions import write_described

import datetime as dt
import hashlib
import re
import urllib.parse
from collections import deque
from html.parser import HTMLParser

import pytest

from kg import ids
from kg.model import (Actor, Article, Claim, Event, Extraction, Mention, Place, Quantity, Sentence,
                      Span, TimeExpr)
from tests.reliability_log import reliability  # noqa: F401  (fixture)

RELIABILITY_AREA = "Attack surface"
EVALUATED = "1111111101"  # what {{ 123456789*9 }} renders to if a template runs twice
URL_PAYLOAD = 'javascript:alert("xss-url")'
FIELDS = ("title", "source", "sentence", "actor-label", "actor-alias", "actor-description",
          "actor-sector", "actor-country", "target-label", "place-label", "place-alias",
          "place-country", "mention", "time", "trigger", "quantity", "unit", "speaker", "verb",
          "quote", "real-title", "real-source", "real-text")


def payload(field: str) -> str:
    """A payload with its own marker: breaks out of text, attributes, scripts and templates."""
    return (f'xss-{field}"\'><script>alert("xss-{field}")</script><img src=x '
            f'onerror=alert("xss-{field}")></textarea></title>{{{{ 123456789*9 }}}}')


RAW_FRAGMENTS = ("<script>alert(", "<img src=x onerror", "</textarea></title>", "\"'><")


def crafted_extraction() -> Extraction:
    """An extraction whose every string field is a payload, with offsets that hold."""
    pieces = ["mention", "place-mention", "trigger", "time", "quantity", "quote"]
    text, spans = "", {}
    for name in pieces:
        value = payload(name if name != "place-mention" else "place-label")
        spans[name] = Span(len(text), len(text) + len(value), value)
        text += value + " "
    text = text.rstrip()
    article = Article(key="xss-article", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                      title=payload("title"), published=dt.date(2017, 8, 27),
                      source=payload("source"), url=URL_PAYLOAD, origin="xss")
    actor = Actor(key="xss-actor", label=payload("actor-label"), kind="armed_group",
                  country=payload("actor-country"), aliases=(payload("actor-alias"),),
                  description=payload("actor-description"), sector=payload("actor-sector"))
    target = Actor(key="xss-target", label=payload("target-label"), kind="military")
    place = Place(key="xss-place", label=payload("place-label"), kind="town",
                  country=payload("place-country"), lat=34.1, lon=36.4,
                  aliases=(payload("place-alias"),))
    when = TimeExpr(span=spans["time"], sentence=0, value="2017-08-27", granularity="day")
    event = Event(index=0, event_type="ArmedClash", trigger=spans["trigger"], sentence=0,
                  agents=("xss-actor",), targets=("xss-target",), place="xss-place", time=when,
                  quantities=(Quantity(spans["quantity"], 9, payload("unit")),))
    claim = Claim(index=0, speaker="xss-actor", speaker_text=payload("speaker"),
                  verb=payload("verb"), quote=spans["quote"], sentence=0, time=when, asserts=0)
    return Extraction(
        article=article, sentences=(Sentence(0, 0, len(text), payload("sentence")),),
        actors=(actor, target), places=(place,),
        mentions=(Mention(spans["mention"], 0, "actor", "xss-actor"),
                  Mention(spans["place-mention"], 0, "place", "xss-place")),
        times=(when,), events=(event,), claims=(claim,))


@pytest.fixture(scope="module")
def xss_client(extractor):
    from kg.documents import article_from_text
    from kg.ingest import ingest
    from kg.store import open_store
    from web import create_app

    store = open_store("memory:")
    extraction = crafted_extraction()
    write_described(store, extraction)
    real = article_from_text(
        f"Hezbollah fighters clashed with Islamic State militants near Arsal. "
        f"{payload('real-text')} Nasrallah said: \"{payload('real-text')}\"",
        origin="real", meta={"id": "xss-real", "title": payload("real-title"),
                             "source": payload("real-source"), "url": URL_PAYLOAD,
                             "published": "2017-08-28"})
    report = ingest(store, [real], extractor)
    assert report.added == ["xss-real"], report.summary()
    # Not TESTING: an exception becomes the 500 a user would get, and is reported below.
    app = create_app({"KG_STORE": "memory:", "KG_WRITE_TOKEN": "t"})
    app.extensions["kg_store"] = store
    return app, store


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text of executable scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.tags.append((tag, values))
        kind = values.get("type", "text/javascript").lower()
        self._in_script = tag == "script" and ("javascript" in kind or kind == "module")
        if tag in ("textarea", "title"):  # text only up to the closing tag, as browsers read it
            self.set_cdata_mode(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def injected(html: str) -> list[str]:
    """What in this page could run a payload."""
    problems = [f"raw {fragment!r}" for fragment in RAW_FRAGMENTS if fragment in html]
    if EVALUATED in html:
        problems.append("a template expression was evaluated")
    parser = _Elements()
    parser.feed(html)
    for tag, attrs in parser.tags:
        joined = " ".join(attrs.values())
        if tag in ("img", "svg", "iframe", "object", "embed") and "xss-" in joined:
            problems.append(f"injected <{tag}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                problems.append(f"event handler {name}= on <{tag}>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and re.match(
                    r"\s*(javascript|vbscript|data):", value, re.IGNORECASE):
                problems.append(f"{name}={value[:40]!r} on <{tag}>")
    problems += [f"script runs {s[:60]!r}" for s in parser.scripts if "xss-" in s]
    return problems


LINK = re.compile(r'''(?:href|src|action)\s*=\s*["']([^"']+)["']''', re.IGNORECASE)
SKIP = ("/static/", "/network/assets/", "/sparql/assets/")


def crawl(client, store, start: list[str], limit: int = 400):  # type: ignore[no-untyped-def]
    """GET every same-origin page reachable from ``start``; yield ``(path, response)``."""
    queue, seen = deque(start), set(start)
    while queue and len(seen) <= limit:
        path = queue.popleft()
        response = client.get(path, headers={"Accept": "text/html,*/*;q=0.5"})
        yield path, response
        if response.mimetype != "text/html":
            continue
        for href in LINK.findall(response.get_data(as_text=True)):
            href = href.replace("&amp;", "&")
            parts = urllib.parse.urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if target not in seen and not target.startswith(SKIP):
                seen.add(target)
                queue.append(target)


def start_paths(app, store) -> list[str]:  # type: ignore[no-untyped-def]
    paths = [rule.rule for rule in app.url_map.iter_rules()
             if "GET" in (rule.methods or ()) and not rule.arguments]
    subjects = store.select("SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER isIRI(?s) }").column("s")
    paths += ["/id/" + str(s)[len(ids.BASE):] for s in subjects if str(s).startswith(ids.BASE)]
    return sorted(set(paths))


def hostile_urls() -> list[str]:
    """Error pages and parameters that echo a payload from the URL itself."""
    quoted = urllib.parse.quote(payload("url-path"), safe="")
    query = urllib.parse.urlencode
    return [
        f"/id/actor/{quoted}", f"/id/{quoted}", f"/no-such-page/{quoted}",
        "/sparql?" + query({"query": "SELECT * WHERE { " + payload("query") + " }"}),
        "/sparql?" + query({"query": 'SELECT ("' + payload("query-literal") + '" AS ?x) {}',
                            "format": "csv"}),
        "/sparql/editor?" + query({"query": payload("editor")}),
        "/network?" + query({"focus": payload("focus")}),
        "/api/analyses/" + quoted, "/api/actors/" + quoted,
        "/?" + query({"q": payload("home-query")}),
    ]


def test_no_page_renders_a_payload(xss_client, reliability):
    app, store = xss_client
    client = app.test_client()
    reliability.tried(f"payloads (<script>, <img onerror>, quote breakouts, </textarea>, "
                      f"{{{{ }}}} templates, javascript: URL) in all {len(FIELDS)} text fields of "
                      "two articles; every page of the app crawled, plus error pages with a "
                      "payload in the URL")
    problems: dict[str, list[str]] = {}
    html_pages, shown, statuses = 0, set(), {}
    for path, response in [*crawl(client, store, start_paths(app, store)),
                           *((url, client.get(url, headers={"Accept": "text/html"}))
                             for url in hostile_urls())]:
        statuses[response.status_code // 100] = statuses.get(response.status_code // 100, 0) + 1
        body = response.get_data(as_text=True)
        if response.status_code >= 500:
            problems[path] = [f"HTTP {response.status_code}"]
            found = []
        elif response.mimetype == "text/html":
            html_pages += 1
            shown |= {f for f in FIELDS if f"xss-{f}" in body}
            found = injected(body)
        else:
            raw = any(fragment in body for fragment in RAW_FRAGMENTS)
            found = ["a payload echoed without nosniff"] if raw and response.headers.get(
                "X-Content-Type-Options") != "nosniff" else []
        if found:
            problems.setdefault(path, []).extend(found)
    assert not problems, problems
    core = {"title", "source", "sentence", "actor-label", "place-label", "speaker", "quote",
            "real-title"}
    assert core <= shown, f"these fields never reached a page, so were not tested: {core - shown}"
    reliability.happened(
        f"{html_pages} HTML pages ({', '.join(f'{n}x {k}xx' for k, n in sorted(statuses.items()))}"
        f" answers in all); {len(shown)} of {len(FIELDS)} fields appeared on some page, always "
        "escaped; no raw payload, injected element, event handler, javascript: link or "
        "evaluated template anywhere")
