"""Every page passes axe-core (from npm, run in Chromium) and can be used by keyboard.

axe-core is the engine behind Lighthouse's and browsers' accessibility audits;
``npm ci --prefix web`` installs it (a devDependency). It runs in the page
(the page's CSP is bypassed for the audit script only) and its violations
(WCAG 2 A/AA: contrast, names, landmarks, ARIA) must be none, before and after
the interactions that draw more of the page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.polling import wait_until

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "web" / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ("/", "/network", "/timeline", "/claims", "/map", "/sparql/editor", "/id/actor/isis",
         "/api", "/no/such/page")
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => v.id + " (" + v.impact + "): " +
      v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", "));
}"""


@pytest.fixture
def audited_page(browser, live_server_url):
    if not AXE.is_file():
        pytest.skip("axe-core is not installed; `make setup` runs npm ci --prefix web")
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    page = context.new_page()
    page.base_url = live_server_url
    yield page
    context.close()


def violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE)


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_axe_violations(audited_page, path):
    audited_page.goto(audited_page.base_url + path)
    audited_page.wait_for_load_state("networkidle")
    assert violations(audited_page) == []


def test_sparql_editor_with_results_has_no_axe_violations(audited_page):
    audited_page.goto(audited_page.base_url + "/sparql/editor")
    audited_page.click("button.example")
    audited_page.wait_for_selector(".yasr table, .yasr .dataTable", timeout=20_000)
    assert violations(audited_page) == []


def test_map_places_are_reached_and_opened_by_keyboard(audited_page):
    audited_page.goto(audited_page.base_url + "/map")
    wait_until(audited_page, "window.kgReady === true")
    for _ in range(40):
        audited_page.keyboard.press("Tab")
        if audited_page.evaluate("document.activeElement.tagName") == "circle":
            break
    else:
        pytest.fail("no place on the map took the keyboard focus in 40 Tab presses")
    label = audited_page.evaluate("document.activeElement.getAttribute('aria-label')")
    audited_page.keyboard.press("Enter")
    place = label.split(":")[0]
    wait_until(audited_page, "p => document.getElementById('place-title').textContent.includes(p)",
               place)
