"""The network page's selection in a real browser: a keyboard user reaches actors, relations
and their evidence through the lists beside the canvas; the lists follow the filters; a
selection keeps its colours; a search moves the evidence panel."""

from __future__ import annotations

import pytest

from tests.browser.polling import wait_until
from tests.browser.seed_view import browser_page, open_network, seed_server  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser


def test_keyboard_user_reaches_actors_and_relations_and_their_evidence(browser_page):
    """Tab to the list beside the canvas, Enter on an actor, then on a relation: the
    network selects it and the evidence panel shows it, in view."""
    page = browser_page
    open_network(page)
    first_actor = page.locator("#actor-list button").first
    first_actor.focus()
    page.keyboard.press("Enter")
    name = first_actor.text_content()
    assert page.text_content("#details-title") == name
    assert page.evaluate("window.kgNetwork.getSelectedNodes().length") == 1
    assert first_actor.get_attribute("aria-pressed") == "true"
    relation = page.locator("#relation-list button").first
    relation.focus()
    page.keyboard.press("Enter")
    assert page.locator("#evidence li").count() >= 1
    assert page.evaluate("window.kgNetwork.getSelectedEdges().length") == 1
    in_view = page.evaluate("""() => { const r = document.getElementById('details')
        .getBoundingClientRect(); return r.top < window.innerHeight && r.bottom > 0; }""")
    assert in_view


def test_lists_follow_a_filter_change_after_the_frame_keeping_the_selection_marked(browser_page):
    """The lists are rebuilt after the frame that shows a change; the selected actor's button
    is marked again in the rebuilt list."""
    page = browser_page
    open_network(page)
    first_actor = page.locator("#actor-list button").first
    first_actor.focus()
    page.keyboard.press("Enter")
    assert page.locator("#relation-list button").count() > 0
    page.fill("#min-weight", "1000")
    page.dispatch_event("#min-weight", "change")
    wait_until(page, "document.querySelectorAll('#relation-list button').length === 0",
               timeout=5_000)
    assert page.locator("#actor-list button[aria-pressed='true']").text_content() == first_actor.text_content()
    assert "relations (0)" in page.text_content("#lists-summary")


def test_selection_keeps_colours_and_fades_the_rest(browser_page):
    page = browser_page
    open_network(page)
    edge_id = page.evaluate("window.kgView.visibleEdgeIds()[0]")
    page.locator(f"#relation-list button[data-id='{edge_id}']").click()
    colours = page.evaluate("""(id) => { const e = window.kgNetwork.body.edges;
        const chosen = e[id].options.color, other = Object.values(e).find(x => x.id != id);
        return [chosen.color, chosen.highlight, chosen.opacity, other.options.color.opacity]; }""",
                            edge_id)
    assert colours[0] == colours[1] and colours[2] > colours[3]


def test_search_moves_the_evidence_panel_to_the_found_actor(browser_page):
    page = browser_page
    open_network(page)
    page.fill("#search", "Hezbollah")
    assert "Hezbollah" in page.text_content("#details-title")
    page.fill("#search", "Daesh")
    assert page.text_content("#details-title") == page.text_content("#search-result")
