"""The graph and comparison pages driven in headless Chromium, as a researcher would use them.

Needs Debian's chromium at /usr/bin/chromium (or LGKG_CHROMIUM) and Playwright for Python (no `playwright install`).
Without them these tests skip, unless LGKG_REQUIRE_BROWSER=1 (CI) turns the skip into a failure.
Set LGKG_SCREENSHOT=docs/screenshot.png to refresh the README's screenshot of the seed graph.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import ROOT
from test_html import AID_2023, INJECTION, drawn_count, small_graph

from kg.publish.compare import compare_html, shared_indicators
from kg.publish.html import graph_html
from kg.vocab.ontology import ID

#: Debian's chromium; LGKG_CHROMIUM points elsewhere (another distribution, a Chrome build)
CHROMIUM = Path(os.environ.get("LGKG_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: the seed graph settles in a few seconds here; a loaded CI machine gets ten times that
SETTLE_MS = 60_000


def missing(reason: str):
    if os.environ.get("LGKG_REQUIRE_BROWSER") == "1":
        pytest.fail(f"LGKG_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        missing(f"{CHROMIUM} is not installed (apt-get install chromium fonts-noto-cjk)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("playwright is not installed")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class Visit:
    """One page opened from disk, with every request and dialog it caused recorded."""

    def __init__(self, browser, path: Path, wait_ready: bool = True):
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self.on_dialog)
        self.page.goto(path.as_uri())
        if wait_ready:
            self.page.wait_for_selector("body[data-ready='1']", state="attached", timeout=SETTLE_MS)

    def on_dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def click_node(self, iri: str) -> None:
        """Click where the node is drawn on the canvas, like a person would."""
        x, y = self.js(
            """iri => { const p = window.lgkgPage, i = p.data.nodes.findIndex(n => n.iri === iri);
                 const dom = p.network.canvasToDOM(p.network.getPosition(i));
                 const box = document.getElementById('graph').getBoundingClientRect();
                 return [box.left + dom.x, box.top + dom.y]; }""",
            iri,
        )
        self.page.mouse.click(x, y)

    def drawn(self) -> int:
        """Nodes vis-network actually draws (hidden ones are left out of its index)."""
        return self.js("window.lgkgPage.network.body.nodeIndices.length")

    def close(self) -> None:
        self.page.close()


@pytest.fixture(scope="session")
def seed_page_path(seed_graph, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pages") / "graph.html"
    path.write_text(graph_html(seed_graph), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def small_page_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pages") / "small.html"
    path.write_text(graph_html(small_graph()), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def seed_session(browser, seed_page_path):
    """The seed page is laid out once (seconds of physics); tests reset it instead of reloading."""
    visit = Visit(browser, seed_page_path)
    yield visit
    visit.close()


@pytest.fixture()
def seed_visit(seed_session):
    yield seed_session
    page = seed_session.page
    page.fill("#search", "")
    page.press("#search", "Escape")
    page.click("#reset")
    if page.locator("#panel").is_visible():
        page.click("#panel-close")


@pytest.fixture()
def small_visit(browser, small_page_path):
    visit = Visit(browser, small_page_path)
    yield visit
    visit.close()


def test_seed_page_loads_offline_and_draws_every_node(seed_visit, seed_graph, seed_page_path):
    assert seed_visit.requests == [seed_page_path.as_uri()]
    assert seed_visit.errors == []
    assert seed_visit.drawn() == drawn_count(seed_graph)
    assert seed_visit.js("window.lgkgPage.network.physics.physicsEnabled") is False  # settled, then stopped


def test_search_highlights_and_lists_matching_nodes(seed_visit, seed_graph):
    seed_visit.page.fill("#search", "调解")
    seed_visit.page.press("#search", "Enter")
    selected = seed_visit.js(
        "window.lgkgPage.network.getSelectedNodes().map(i => window.lgkgPage.data.nodes[i].label)"
    )
    assert selected
    assert len(selected) == drawn_count(seed_graph, label_contains="调解")
    assert seed_visit.page.text_content("#search-count") == f"找到 {len(selected)} 个"
    first = seed_visit.page.locator("#search-results li").first
    label = first.text_content()
    first.click()
    assert seed_visit.page.locator("#panel h2").text_content() == label


def test_search_matches_aliases_too(small_visit):
    small_visit.page.fill("#search", "受理数")
    small_visit.page.press("#search", "Enter")
    assert small_visit.page.locator("#search-results li").all_text_contents() == ["受理法律援助案件"]


def test_class_filter_hides_that_class(seed_visit, seed_graph):
    total = seed_visit.drawn()
    outcomes = seed_visit.js("window.lgkgPage.data.classes.find(c => c.name === 'Outcome').n")
    assert outcomes > 0
    seed_visit.page.uncheck("input[data-class='Outcome']")
    assert seed_visit.drawn() == total - outcomes
    seed_visit.page.click("#reset")
    assert seed_visit.drawn() == total


def test_region_and_status_filters(small_visit):
    page = small_visit.page
    total = small_visit.drawn()
    page.select_option("#filter-region", label="甲省（910000）")
    shown = small_visit.js(
        "window.lgkgPage.network.body.nodeIndices.map(i => window.lgkgPage.data.nodes[i].label)"
    )
    assert "受理法律援助案件191件" in shown and "受理法律援助案件358件" not in shown and "丙区" not in shown
    page.select_option("#filter-region", label="全部")
    page.select_option("#filter-status", "planned")
    assert small_visit.drawn() == 2  # the planned initiative and the target
    page.select_option("#filter-status", "")
    assert small_visit.drawn() == total


def test_edges_name_their_property_in_chinese_on_hover(small_visit):
    titles = small_visit.js("window.lgkgPage.edges.get().map(e => e.title)")
    assert "指标" in titles and "隶属" in titles
    edge = titles.index("隶属")
    small_visit.js("i => window.lgkgPage.network.body.emitter.emit('hoverEdge', {edge: i})", edge)
    assert small_visit.js("i => window.lgkgPage.edges.get(i).label", edge) == "隶属"


def test_clicking_a_node_shows_its_evidence_with_the_words_marked(small_visit):
    small_visit.click_node(str(ID["outcome/o1"]))
    panel = small_visit.page.locator("#panel")
    panel.wait_for(state="visible")
    assert panel.locator("h2").text_content() == "受理法律援助案件191件"
    assert panel.locator(".evidence li").first.text_content().endswith(AID_2023)
    assert panel.locator(".evidence mark").first.text_content() == "受理法律援助案件191件"
    assert "r1.txt" in panel.locator(".reports").text_content()
    panel.locator(".neighbours a", has_text="受理法律援助案件").first.click()
    assert panel.locator("h2").text_content() == "受理法律援助案件"


def test_injection_label_renders_as_text(small_visit):
    small_visit.click_node(str(ID["agency/bad"]))
    panel = small_visit.page.locator("#panel")
    panel.wait_for(state="visible")
    assert panel.locator("h2").text_content() == INJECTION
    assert small_visit.js("document.querySelectorAll('img').length") == 0
    assert small_visit.dialogs == [] and small_visit.errors == []


def test_compare_page_links_each_bar_to_its_evidence(browser, tmp_path):
    graph = small_graph()
    path = tmp_path / "compare.html"
    path.write_text(compare_html(graph), encoding="utf-8")
    visit = Visit(browser, path, wait_ready=False)
    try:
        figures = shared_indicators(graph)[0][2]
        bars = visit.page.locator("svg a.bar")
        assert bars.count() == len(figures)
        bars.nth(1).locator("rect").click()
        assert visit.js("location.hash") == "#ev-0-1"
        assert visit.page.locator("li:target mark").text_content() == figures[1].exact
        assert visit.requests == [path.as_uri()]
    finally:
        visit.close()


def test_screenshot_of_the_seed_graph(seed_visit, tmp_path):
    """A picture for a human: the seed graph with a search and one node's evidence open."""
    target = Path(os.environ.get("LGKG_SCREENSHOT") or tmp_path / "screenshot.png")
    if not target.is_absolute():
        target = ROOT / target
    seed_visit.page.fill("#search", "调解")
    seed_visit.page.press("#search", "Enter")
    seed_visit.page.locator("#search-results li").first.click()
    seed_visit.js(
        "const n = window.lgkgPage.network; n.focus(n.getSelectedNodes()[0], {scale: 0.9, animation: false})"
    )
    seed_visit.page.screenshot(path=str(target))
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and target.stat().st_size > 20_000
