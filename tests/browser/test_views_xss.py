"""Article text with <script>, <img onerror> and {{7*7}} in actor names, aliases, places,
sentences and quotes: every view shows it as text, no script runs, "49" never appears."""

from __future__ import annotations

from kg.descriptions import write_described

import datetime as dt
import hashlib

import pytest

from kg.model import Actor, Article, Claim, Event, Extraction, Mention, Place, Sentence, Span, TimeExpr
from tests.browser.polling import wait_until

pytestmark = pytest.mark.browser


def payload(name: str) -> str:
    return (f'{name}"\'><script>alert("{name}")</script><img src=x onerror=alert("{name}")>'
            f"{{{{7*7}}}}</title></textarea>")


def hostile_extraction() -> Extraction:
    """Two actors, a place, an event and two contradicting claims, all carrying payloads."""
    pieces = {}
    text = ""
    for name in ("mention", "trigger", "time", "quote", "quote2"):
        value = payload(name)
        pieces[name] = Span(len(text), len(text) + len(value), value)
        text += value + " "
    text = text.rstrip()
    article = Article(key="hostile", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                      title=payload("title"), published=dt.date(2017, 8, 27), source="x",
                      url="https://example.org/a", origin="test")
    actors = (Actor(key="evil-a", label=payload("actor-a"), kind="armed_group",
                    aliases=(payload("alias"),), country=payload("country")),
              Actor(key="evil-b", label=payload("actor-b"), kind="military"))
    place = Place(key="evil-town", label=payload("place"), kind="town", lat=34.1, lon=36.4)
    when = TimeExpr(span=pieces["time"], sentence=0, value="2017-08-27", granularity="day")
    event = Event(index=0, event_type="ArmedClash", trigger=pieces["trigger"], sentence=0,
                  agents=("evil-a",), targets=("evil-b",), place="evil-town", time=when)
    claims = (Claim(index=0, speaker="evil-a", speaker_text=payload("speaker"), verb="said",
                    quote=pieces["quote"], sentence=0, time=when, asserts=0, contradicts=(1,)),
              Claim(index=1, speaker="evil-b", speaker_text=payload("speaker2"), verb="denied",
                    quote=pieces["quote2"], sentence=0, time=when, asserts=0, negated=True))
    return Extraction(article=article, sentences=(Sentence(0, 0, len(text), payload("sentence")),),
                      actors=actors, places=(place,),
                      mentions=(Mention(pieces["mention"], 0, "actor", "evil-a"),),
                      times=(when,), events=(event,), claims=claims)


@pytest.fixture
def hostile_app():
    from kg.store import open_store
    from web import create_app

    store = open_store("memory:")
    extraction = hostile_extraction()
    write_described(store, extraction)
    app = create_app({"TESTING": True, "KG_STORE": "memory:"})
    app.extensions["kg_store"] = store
    return app


def assert_inert(page) -> None:
    body = page.inner_text("body")
    assert "<script>" in body or "onerror" in body, "the payloads were not shown at all"
    assert "49" not in body, "a template expression was evaluated"
    data = page.text_content("#kg-data")
    assert "{{7*7}}" in data and "alert(" in data  # the data block holds the payloads verbatim
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("document.querySelectorAll('script:not([src]):not([type])').length") == 0
    assert page.dialogs == [] and page.console_errors == [], (page.dialogs, page.console_errors)
    assert page.outside_requests == []


def test_network_shows_payloads_as_text(hostile_app, page):
    from tests.live import serving

    with serving(hostile_app) as base:
        page.goto(f"{base}/network")
        wait_until(page, "window.kgReady === true")
        page.fill("#search", "7*7")
        edge = page.evaluate("window.kgView.visibleEdgeIds()[0]")
        page.evaluate("""(id) => window.kgNetwork.body.emitter.emit('click', {nodes: [], edges: [id]})""",
                      edge)
        assert "{{7*7}}" in page.text_content("#evidence")
        assert "contradicted" in page.text_content("#evidence")
        page.evaluate("""() => { const id = window.kgNetwork.body.data.nodes.getIds()[0];
            window.kgNetwork.body.emitter.emit('click', {nodes: [id], edges: []}); }""")
        assert "{{7*7}}" in page.text_content("#summary")
        assert_inert(page)


@pytest.mark.parametrize("view", ["timeline", "claims", "map"])
def test_companion_views_show_payloads_as_text(hostile_app, page, view):
    from tests.live import serving

    with serving(hostile_app) as base:
        page.goto(f"{base}/{view}")
        wait_until(page, "window.kgReady === true")
        if view == "map":
            page.dispatch_event("#map-svg circle", "click")
        assert "{{7*7}}" in page.inner_text("body")
        assert_inert(page)


def test_standalone_file_shows_payloads_as_text(hostile_app, page):
    from kg.views import network_page, view_source

    page.set_content(network_page(view_source(hostile_app.extensions["kg_store"])))
    wait_until(page, "window.kgReady === true")
    page.fill("#search", "alias")
    assert "{{7*7}}" in page.text_content("#search-result")
    assert page.dialogs == [] and page.console_errors == []
    assert page.evaluate("document.querySelectorAll('img').length") == 0
