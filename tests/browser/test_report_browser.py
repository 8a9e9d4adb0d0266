"""The HTML report in a real browser: Debian's Chromium, headless, driven by the playwright package.

No browser is downloaded: playwright launches /usr/bin/chromium (install it with
`apt-get install -y chromium`; scripts/test.sh does). The test opens the seeds' report from disk
(file:// URL), and checks what a reader relies on: no console errors, no network requests, every
outlet column and section present, a highlight's explanation shown on keyboard focus and hidden by
Escape, the layer switches working without JavaScript, a print layout, and a screenshot.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from test_report_support import seed_result  # noqa: E402

CHROMIUM = os.environ.get("FRAMING_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed "
                               "(pip install playwright; never run `playwright install`)")
if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
    pytest.skip(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium", allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        exe = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
        b = p.chromium.launch(executable_path=exe, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def report_file(tmp_path_factory):
    from framing.report import render

    path = tmp_path_factory.mktemp("report") / "report.html"
    render(seed_result(), "html", path)
    return path


@pytest.fixture
def page(browser, report_file):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("request", lambda r: problems.append(f"network request: {r.url}")
          if not r.url.startswith(("file://", "data:", "about:")) else None)
    pg.goto(report_file.as_uri())
    pg.problems = problems
    yield pg
    context.close()


def test_report_opens_with_every_outlet_and_section(page):
    result = seed_result()
    from framing.report.viewmodel import build_view

    view = build_view(result)
    for i, column in enumerate(view.columns):
        assert page.locator(f"#art-{i} h3").inner_text().strip() == column
        header = page.locator("#tbl-summary-matrix thead th").nth(i + 1).inner_text().strip()
        assert header == column
    for sid in ("summary", "naming", "voices", "coverage", "disagreements", "distinctive", "readability",
                "articles", "evidence", "methods"):
        assert page.locator(f"#{sid}").is_visible(), sid
        assert page.locator(f"#{sid} h2").count() == 1
    assert page.locator("#methods").inner_text().count("cannot know") >= 1
    assert page.problems == []


def _tab_to_highlight(page, selector: str, limit: int = 400) -> str:
    """Press Tab until the focused element matches `selector`; return its id."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        hit = page.evaluate("(sel) => { const e = document.activeElement; "
                            "return e && e.matches(sel) ? e.id : null; }", selector)
        if hit:
            return hit
    raise AssertionError(f"no element matching {selector} reached by keyboard")


def test_a_highlight_shows_its_explanation_on_keyboard_focus(page):
    # Tab to the skip link, follow it, then Tab into the articles
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('skip')")
    page.keyboard.press("Enter")
    has_findings = page.locator(".hl-finding[tabindex]").count() > 0
    selector = ".hl-finding[tabindex]" if has_findings else ".hl[tabindex]"
    hid = _tab_to_highlight(page, selector)
    tip = page.locator(f"#{hid}-tip")
    assert tip.is_visible()
    text = tip.inner_text()
    assert text.strip()
    described = page.get_attribute(f"#{hid}", "aria-describedby")
    assert described == f"{hid}-tip"
    if has_findings:
        assert "narrator" in text or "quoted speaker" in text
    # the tooltip sits inside the viewport, not off-screen
    box = tip.bounding_box()
    assert box and box["width"] > 20 and box["height"] > 10
    # Escape dismisses it (WCAG 1.4.13), the focus stays
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    assert page.evaluate("document.activeElement.id") == hid
    # the other tooltips are hidden
    assert page.locator(".tip:visible").count() == 0
    assert page.problems == []


def test_hover_shows_the_explanation_too(page):
    first = page.locator(".hl[tabindex]").first
    hid = first.get_attribute("id")
    first.scroll_into_view_if_needed()
    first.hover()
    assert page.locator(f"#{hid}-tip").is_visible()


def test_layer_switches_work_without_javascript(browser, report_file):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.goto(report_file.as_uri())
    target = ".hl-cue" if pg.locator(".hl-finding").count() == 0 else ".hl-finding"
    toggle = "layer-voices" if target == ".hl-cue" else "layer-finding"
    prop = "outlineStyle" if target == ".hl-cue" else "textDecorationLine"
    before = pg.evaluate(f"getComputedStyle(document.querySelector('{target}')).{prop}")
    assert before not in ("none", "")
    pg.click(f"label[for='{toggle}']")
    after = pg.evaluate(f"getComputedStyle(document.querySelector('{target}')).{prop}")
    assert after == "none"
    # tooltips still work on focus without JavaScript
    hid = pg.locator(".hl[tabindex]").first.get_attribute("id")
    pg.focus(f"#{hid}")
    assert pg.locator(f"#{hid}-tip").is_visible()
    context.close()


def test_print_layout_stacks_articles_and_hides_controls(page, tmp_path):
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.articles')).display") == "block"
    assert not page.locator(".layers").is_visible()
    pdf = page.pdf(path=str(tmp_path / "report.pdf"))
    assert pdf[:4] == b"%PDF" and len(pdf) > 10_000


def test_screenshot(page, tmp_path):
    """A screenshot of the articles side by side (scripts/screenshot_report.py writes the README's)."""
    page.locator("#articles").scroll_into_view_if_needed()
    out = Path(os.environ.get("FRAMING_SCREENSHOT", tmp_path / "screenshot-report.png"))
    out.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out))
    assert out.stat().st_size > 20_000
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert page.problems == []
