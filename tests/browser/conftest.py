"""Headless Chromium (Debian's /usr/bin/chromium) driven by Playwright; only loopback allowed."""

from __future__ import annotations

import shutil
from urllib.parse import urlparse

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]"}


@pytest.fixture(scope="session")
def browser():
    if shutil.which(CHROMIUM) is None:
        pytest.skip("chromium is not installed; `make system-deps` installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A page whose requests to anything but loopback are aborted and recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.outside_requests = []
    page.dialogs = []
    page.console_errors = []

    def route(route_request):
        url = route_request.request.url
        host = urlparse(url).hostname or ""
        if url.startswith(("data:", "blob:", "about:")) or host in LOCAL_HOSTS or \
                f"[{host}]" in LOCAL_HOSTS:
            return route_request.continue_()
        page.outside_requests.append(url)
        return route_request.abort()

    context.route("**/*", route)
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    yield page
    context.close()


@pytest.fixture
def live_server(app):
    """The test ``app`` served by waitress on a free loopback port; yields its base URL."""
    from tests.live import serving

    with serving(app) as base:
        yield base


@pytest.fixture
def live_server_url(live_server):
    """Base URL of :func:`live_server` (``http://127.0.0.1:PORT``)."""
    return live_server


@pytest.fixture
def browser_page(page, live_server_url):
    """The loopback-only :func:`page`, with ``page.base_url`` set to the live server."""
    page.base_url = live_server_url
    return page
