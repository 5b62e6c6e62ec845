"""End to end in a real headless Chromium: ingest the seed article with the shipped model, serve it,
search "Tokajewa", open Tokajew's entity page and see his quote.

Debian's ``/usr/bin/chromium`` (installed by ``.ci/run``) is driven by Playwright's Python package;
nothing is downloaded at run time (no ``playwright install``).
"""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SEED = Path(__file__).resolve().parents[2] / "examples" / "seed.txt"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.model,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium: apt-get install chromium (.ci/run does)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    from kronika.store import Store

    path = tmp_path_factory.mktemp("browser") / "kronika.db"
    with Store(path) as store:
        report = store.ingest_paths([SEED])
    assert report.outcomes["analysed"] == 1, report.to_dict()
    return path


@pytest.fixture(scope="module")
def server(seed_db):
    import uvicorn

    from kronika.serve import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(seed_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def test_search_then_entity_page_shows_tokajews_quote(server, browser):
    page = browser.new_page()
    page.set_default_timeout(15_000)
    page.goto(server + "/")
    page.fill('input[name="q"]', "Tokajewa")
    page.press('input[name="q"]', "Enter")
    page.wait_for_url("**/?q=Tokajewa**")
    results = page.locator("ol.results > li")
    assert results.count() == 1
    assert "Tokajew" in results.first.inner_text()

    results.first.locator("a.title").click()
    page.wait_for_url("**/articles/**")
    assert page.locator(".article-text a.m-mention").count() > 0
    page.locator("ul.chips a", has_text="Tokajew").first.click()

    page.wait_for_url("**/entities/**")
    assert "Tokajew" in page.locator("h1").inner_text()
    quotes = page.locator("#quotes > li")
    assert quotes.count() >= 1
    assert all("Tokajew" in quotes.nth(i).locator(".meta").inner_text() for i in range(quotes.count()))
    assert page.locator("svg.chart rect").count() >= 1
    page.close()


def test_pages_fit_a_phone_screen(server, browser):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    for url in ("/", "/?q=Tokajewa", "/articles/1", "/quotes", "/events"):
        page.goto(server + url)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{url} scrolls sideways by {overflow}px"
    page.close()
