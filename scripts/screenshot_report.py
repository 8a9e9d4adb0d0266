#!/usr/bin/env python3
"""Write docs/screenshot-report.png: the seeds' HTML report in headless Chromium (for the README).

Uses Debian's chromium (/usr/bin/chromium, or $FRAMING_CHROMIUM) through the playwright package; never
downloads a browser. Usage: python scripts/screenshot_report.py [--out PATH] [--html PATH]
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshot-report.png"))
    ap.add_argument("--html", default=None, help="an existing report to shoot (default: render the seeds)")
    ap.add_argument("--width", type=int, default=1400)
    ap.add_argument("--height", type=int, default=1000)
    args = ap.parse_args()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("error: pip install playwright (no `playwright install`: it uses Debian's chromium)", file=sys.stderr)
        return 2
    exe = os.environ.get("FRAMING_CHROMIUM", "/usr/bin/chromium")
    if not Path(exe).exists():
        exe = shutil.which("chromium") or ""
    if not exe:
        print("error: chromium not found: apt-get install -y chromium", file=sys.stderr)
        return 2
    html = args.html
    if html is None:
        import importlib

        import framing
        from framing.api import STAGES, analyze
        from framing.report import render

        stages = []
        for name in STAGES:  # every stage present in this tree (all of them once the project is whole)
            try:
                importlib.import_module(f"framing.stages.{name}")
                stages.append(name)
            except ImportError:
                print(f"note: stage {name} is missing; its sections will say 'not available'", file=sys.stderr)
        try:
            from framing.compare import compare_story  # noqa: F401
            compare = True
        except ImportError:
            compare = False
        result = analyze(framing.load_story(str(ROOT / "seeds")), stages=tuple(stages), compare=compare)
        html = str(Path(tempfile.mkdtemp()) / "report.html")
        render(result, "html", html)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": args.width, "height": args.height})
        page.goto(Path(html).resolve().as_uri())
        # the articles' headings at the top of the picture, one explanation shown by keyboard focus
        page.evaluate("""() => {
            const cols = document.querySelector('.articles');
            window.scrollTo(0, cols.getBoundingClientRect().top + window.scrollY - 8);
            const spans = [...document.querySelectorAll('.hl-finding[tabindex]')];
            const hit = spans.find(e => { const r = e.getBoundingClientRect();
                                          return r.top > 250 && r.top < 650 && r.left < 1000; });
            if (hit) { hit.focus({preventScroll: true}); }
        }""")
        page.screenshot(path=str(out))
        browser.close()
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
