"""The dashboard in a real browser: Debian's Chromium, headless, driven by Playwright.

The server runs in a thread over a store built from ``examples/`` plus one hostile
article, and every test leaves a full-page screenshot under ``$MARSAD_ARTIFACTS``
(``test-artifacts/`` by default) for a person to look at.

Without a ``chromium`` executable the module is skipped, unless ``$CI`` is set: there a
missing browser is a broken machine, and the tests must fail rather than vanish.
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
if CHROMIUM is None and not os.environ.get("CI"):
    pytest.skip("no chromium executable on PATH or at /usr/bin/chromium (apt-get install chromium)",
                allow_module_level=True)

import uvicorn  # noqa: E402
from playwright.sync_api import Page, sync_playwright  # noqa: E402

from marsad.io.readers import read_articles  # noqa: E402
from marsad.model import Article  # noqa: E402
from marsad.ingest import ingest_articles  # noqa: E402
from marsad.web import create_app  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / os.environ.get("MARSAD_ARTIFACTS", "test-artifacts")
SCRIPT_PAYLOAD = "<script>window.__pwned=2</script>"
# A Kuwaiti news sentence ("The Kuwaiti foreign minister received Turkey's ambassador to
# Kuwait") carrying markup, an attribute break-out and bidi overrides, so that it yields an
# event and its evidence is highlighted around the hostile text.
HOSTILE = Article(
    id="xss-1",
    title="<script>window.__pwned=1</script> عنوان",
    text=("استقبل وزير الخارجية الكويتي سفير تركيا لدى الكويت " + SCRIPT_PAYLOAD
          + " \u202eok وبحث الجانبان العلاقات الثنائية"
          + ' <img src=x onerror="window.__pwned=3"> "onmouseover="window.__pwned=4"'
          + " <svg/onload=alert(5)> \u2066في مقر الوزارة."),
    source="hostile",  # undated, so the newest event on /events is still a real one from examples/
)


def _free_socket() -> socket.socket:
    """A listening socket on a free port, handed to uvicorn so no other process can take it."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    db_path = tmp_path_factory.mktemp("browser") / "marsad.db"
    summary = ingest_articles(read_articles([REPO / "examples"]), str(db_path))
    assert summary.events > 0 and not summary.errors, summary
    assert ingest_articles([HOSTILE], str(db_path)).events >= 1, "the hostile article should yield an event"

    sock = _free_socket()
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db_path), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the dashboard server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:  # only reached with $CI set: fail every browser test, let the rest of the suite run
        pytest.fail("CI is set but no chromium executable was found; install Debian's chromium "
                    "(apt-get install chromium): the browser tests must not be skipped in CI", pytrace=False)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, base_url):
    """A fresh page (no language cookie) that fails the test on any uncaught script error."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    context.close()
    assert not errors, f"uncaught errors in the page: {errors}"


def shoot(page: Page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def painted_pixels(page: Page, selector: str) -> int:
    """How many pixels of the canvas at ``selector`` are not transparent."""
    return page.eval_on_selector(selector, """c => {
        const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) n++;
        return n;
    }""")


def test_overview_draws_the_timeline_and_lists_pairs_and_events(page):
    page.goto("/")
    page.wait_for_selector("#timeline-chart[data-ready]")
    shoot(page, "overview")
    html = page.locator("html")
    assert html.get_attribute("dir") == "rtl" and html.get_attribute("lang") == "ar"
    assert int(page.get_attribute("#timeline-chart", "data-ready")) > 0  # periods on the x axis
    box = page.locator("#timeline-chart").bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0
    assert painted_pixels(page, "#timeline-chart") > 0
    assert page.locator("table.pairs tbody tr").count() > 0
    assert page.locator("table.events tbody tr.event-row").count() > 0


def test_filter_narrows_the_event_list(page):
    page.goto("/events")
    before = int(page.get_attribute("#count", "data-count"))
    page.select_option("select[name=type]", "MEETING")
    page.fill("input[name=country]", "الكويت")  # a name, as a reader types it
    page.click("#apply")
    page.wait_for_url(lambda url: "type=MEETING" in url and "country=" in url)
    shoot(page, "events-filtered")
    after = int(page.get_attribute("#count", "data-count"))
    assert 0 < after < before
    rows = page.locator("table.events tbody tr.event-row")
    assert rows.count() == min(after, 50)
    meeting = "لقاء"  # TYPE_LABELS["ar"]["MEETING"]
    for i in range(rows.count()):
        row = rows.nth(i)
        assert row.locator("td").nth(1).inner_text().strip() == meeting
        assert "KWT" in row.inner_text()


def test_event_page_highlights_evidence(page):
    page.goto("/events")
    page.locator("table.events tbody tr.event-row a[href^='/events/']").first.click()
    page.wait_for_url("**/events/*")
    shoot(page, "event")
    triggers = page.locator(".article-text mark.ev-trigger, .article-title mark.ev-trigger")
    actors = page.locator(":is(.article-text, .article-title) :is(mark.ev-name, mark.ev-title)")
    assert triggers.count() > 0 and actors.count() > 0
    for mark in (triggers.first, actors.first):
        colour = mark.evaluate("m => getComputedStyle(m).backgroundColor")
        assert colour not in ("transparent", "rgba(0, 0, 0, 0)"), colour
    assert page.locator("#outlets a.outlet").count() >= 1


@pytest.mark.parametrize("kind", ["countries", "persons"])
def test_network_draws_nodes(page, kind):
    page.goto(f"/network?kind={kind}")
    page.wait_for_selector("#network[data-nodes]")
    shoot(page, f"network-{kind}")
    assert int(page.get_attribute("#network", "data-nodes")) > 0
    assert page.locator("#network canvas").count() > 0


def test_language_toggle_switches_to_english_and_back(page):
    page.goto("/")
    page.click("#lang-toggle")
    page.wait_for_selector("html[lang=en]")
    shoot(page, "overview-en")
    assert page.get_attribute("html", "dir") == "ltr"
    assert "Events" in page.inner_text("header nav")
    page.click("#lang-toggle")
    page.wait_for_selector("html[lang=ar]")
    assert page.get_attribute("html", "dir") == "rtl"
    assert "الأحداث" in page.inner_text("header nav")


def test_country_page_draws_partners(page):
    page.goto("/countries/KWT")
    page.wait_for_function("() => window.Chart && Chart.getChart(document.getElementById('partners-chart'))")
    shoot(page, "country-KWT")
    box = page.locator("#partners-chart").bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0
    assert painted_pixels(page, "#partners-chart") > 0


def test_hostile_article_is_shown_not_executed(page):
    dialogs: list[str] = []
    console: list[str] = []
    requests: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
    page.on("request", lambda r: requests.append(r.url))

    page.goto("/articles/xss-1")
    shoot(page, "hostile-article")
    event_links = [a.get_attribute("href") for a in page.locator("main a[href^='/events/']").all()]
    assert event_links, "the hostile article should yield an event"
    _assert_inert(page)
    page.goto(event_links[0])
    shoot(page, "hostile-event")
    _assert_inert(page)

    assert not dialogs, dialogs
    assert not any("__pwned" in c or "Content Security Policy" in c for c in console), console
    assert not any(url.endswith("/x") for url in requests), "the injected <img src=x> was loaded"


def _assert_inert(page: Page) -> None:
    """The hostile text is on screen as text, and none of it ran."""
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.hover(".article-text")
    page.mouse.move(10, 10)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    scripts = page.locator("main script").all()
    assert not any("__pwned" in (s.text_content() or "") for s in scripts)
    assert page.locator("main img, main svg").count() == 0
    visible = page.inner_text("main")
    assert SCRIPT_PAYLOAD in visible
    assert "⟦U+202E⟧" in visible and "⟦U+2066⟧" in visible
    assert "\u202e" not in visible and "\u2066" not in visible


SHOTS = Path(os.environ.get("MARSAD_SHOTS", str(ARTIFACTS)))


def screenshot_pixels(page: Page, selector: str) -> int:
    """How many pixels of the element's screenshot differ from its background colour
    (an SVG has no canvas to read: its screenshot is drawn on one in the page)."""
    import base64

    png = base64.b64encode(page.locator(selector).screenshot()).decode()
    return page.evaluate("""async (png) => {
        const img = new Image();
        img.src = "data:image/png;base64," + png;
        await img.decode();
        const c = document.createElement("canvas");
        c.width = img.width; c.height = img.height;
        const g = c.getContext("2d");
        g.drawImage(img, 0, 0);
        const d = g.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) {
            if (Math.abs(d[i] - d[0]) + Math.abs(d[i + 1] - d[1]) + Math.abs(d[i + 2] - d[2]) > 30) n++;
        }
        return n;
    }""", png)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_map_draws_countries_and_a_click_opens_the_country(page, lang):
    page.goto(f"/map?lang={lang}")
    page.wait_for_selector("#world-map[data-ready]")
    shoot(page, f"map-{lang}")
    assert int(page.get_attribute("#world-map", "data-shapes")) > 150
    assert page.locator("#world-map path.land.engaged").count() > 5
    assert page.locator("#world-map .arcs path").count() > 0
    assert screenshot_pixels(page, "#world-map") > 50_000
    page.locator('#world-map path.land[data-code="KWT"]').dispatch_event("click")  # a tiny shape: click it directly
    page.wait_for_url("**/countries/KWT")
    page.wait_for_selector("#world-map[data-ready]")  # the country page's own map panel
    assert page.locator('#world-map path.land.focus[data-code="KWT"]').count() == 1


@pytest.mark.parametrize("lang, kuwait", [("ar", "الكويت"), ("en", "Kuwait")])
def test_country_names_on_pages(page, lang, kuwait):
    page.goto(f"/countries/KWT?lang={lang}")
    assert page.inner_text("#country-name") == kuwait
    page.goto("/")
    assert kuwait in page.inner_text("table.pairs") or kuwait in page.inner_text("#latest")
    page.goto("/network")
    page.wait_for_selector("#network[data-nodes]")
    labels = page.evaluate("window.marsadNetwork.nodes().map(n => n.data('label'))")
    assert kuwait in labels


@pytest.mark.parametrize("url, lang, text", [("/events?country=Kuwaitt", "en", "Kuwaitt"),
                                             ("/events/999999", "ar", "999999"), ("/actors/999999", "en", "999999")])
def test_error_pages_are_pages(page, url, lang, text):
    response = page.goto(f"{url}{'&' if '?' in url else '?'}lang={lang}")
    assert response.status in (400, 404)
    assert page.get_attribute("html", "lang") == lang
    assert text in page.inner_text("#error-message")
    assert page.locator("header nav a").count() >= 5  # the dashboard around it, not raw JSON


def test_overview_lists_occurred_and_planned_apart_on_a_continuous_axis(page):
    page.goto("/?lang=ar")
    page.wait_for_selector("#timeline-chart[data-ready]")
    statuses = page.locator("#latest tr.event-row td:nth-child(3)").all_inner_texts()
    planned = page.locator("#upcoming tr.event-row td:nth-child(3)").all_inner_texts()
    assert statuses and set(statuses) == {"وقع"} and planned and set(planned) == {"مزمع"}
    months = page.evaluate("Chart.getChart(document.getElementById('timeline-chart')).data.labels")
    assert months == sorted(months) and len(months) > 12  # empty months stay on the axis


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_screenshots_of_each_view(page, lang):
    """Full pages for a person to look at, in both languages."""
    SHOTS.mkdir(parents=True, exist_ok=True)

    def shot(name: str) -> None:
        page.screenshot(path=str(SHOTS / f"{name}-{lang}.png"), full_page=True)

    page.goto(f"/?lang={lang}")
    page.wait_for_selector("#timeline-chart[data-ready]")
    shot("overview")
    page.goto("/articles/seed-000")
    page.locator("main a[href^='/events/']").first.click()
    page.wait_for_url("**/events/*")
    shot("event")
    if lang == "en":
        text = page.inner_text("dl.fields")
        assert "Kuwait" in text and "Belgium" in text and ("Jarrah" in text or "Jarah" in text)
    page.goto("/countries/KWT")
    page.wait_for_selector("#world-map[data-ready]")
    page.wait_for_selector("#partners-chart[data-ready]")
    shot("country")
    page.goto("/network")
    page.wait_for_selector("#network[data-nodes]")
    shot("network")
    page.goto("/map")
    page.wait_for_selector("#world-map[data-ready]")
    shot("map")
