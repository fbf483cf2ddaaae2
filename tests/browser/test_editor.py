"""The SPARQL editor in headless Chromium: YASGUI loads from this app, an example runs, nothing leaves loopback."""

from __future__ import annotations

import pytest

from tests.browser.polling import wait_until

pytestmark = pytest.mark.browser


def _open_editor(page):
    violations = []
    page.on("console", lambda msg: "Content Security Policy" in msg.text and
            violations.append(msg.text))
    page.goto(f"{page.base_url}/sparql/editor")
    wait_until(page, "window.kgYasgui !== undefined")
    return violations


def test_example_query_runs_and_shows_results(browser_page, artifacts_dir):
    page = browser_page
    violations = _open_editor(page)
    page.click("button.example[data-example='fights']")
    page.wait_for_selector(".yasr table.dataTable tbody tr", timeout=20_000)
    cells = page.locator(".yasr table.dataTable tbody").inner_text()
    page.screenshot(path=str(artifacts_dir / "sparql-editor.png"), full_page=True)
    assert "Hezbollah" in cells and "Islamic State" in cells
    assert page.outside_requests == [], page.outside_requests
    assert violations == [], violations
    assert page.console_errors == [], page.console_errors


def test_editor_starts_with_the_project_prefixes(browser_page):
    page = browser_page
    _open_editor(page)
    query = page.evaluate("window.kgYasgui.getTab().getQuery()")
    assert "PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>" in query
    assert page.outside_requests == []


def test_truncated_answer_is_announced(app, browser_page):
    app.config["KG_ROW_LIMIT"] = 3
    page = browser_page
    _open_editor(page)
    page.evaluate("""() => { const tab = window.kgYasgui.getTab();
        tab.setQuery('SELECT * WHERE { ?s ?p ?o }'); tab.getYasqe().query(); }""")
    page.wait_for_selector("#truncated:not([hidden])", timeout=20_000)
    assert "3 rows" in page.text_content("#truncated")
    assert page.outside_requests == []
