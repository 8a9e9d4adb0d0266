"""The Jinja2 environment of the reports: templates are files in framing/report/templates/.

HTML templates autoescape every value (article text, titles, outlet and speaker names, explanations
from user lexicon packs are all untrusted). Static assets (CSS, JS) are read as files and inlined, so
the HTML report is one self-contained file; the web app can serve the same files instead.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources as importlib_resources

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup


@lru_cache(maxsize=1)
def html_env() -> Environment:
    return Environment(
        loader=PackageLoader("framing.report", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2", "htm", "xml"), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def asset(name: str) -> str:
    """A static file from the templates folder (CSS, JS, TSV), as text."""
    return (importlib_resources.files("framing.report") / "templates" / name).read_text(encoding="utf-8")


def inline_asset(name: str) -> Markup:
    """A static CSS or JS file for inlining into <style>/<script>. Refuses a closing tag inside."""
    text = asset(name)
    lowered = text.lower()
    if "</style" in lowered or "</script" in lowered:
        raise ValueError(f"{name} must not contain a closing </style> or </script> tag")
    return Markup(text)
