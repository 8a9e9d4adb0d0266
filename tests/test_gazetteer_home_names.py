"""A name two gazetteer entries share, given to the one marked "~" only in an article about its
side (session 16): "Georgia" is the US state in US news (277 of the 278 AllSides articles that
name it) and the country where the article is about the Caucasus.
"""
from __future__ import annotations

from framing.api import analyze_article
from framing.model import Article
from framing.resources import Resources


def _georgia_ids(text: str) -> set[str]:
    a = analyze_article(Article(id="t", text=text, outlet="t"), Resources())
    return {m.actor_id for m in a.actor_mentions if a.article.text[m.start:m.end] == "Georgia"}


def test_georgia_in_us_news_is_the_state():
    text = ("Georgia passed a new voting law on Thursday. Republicans in the state legislature said "
            "the law was fair, and President Joe Biden called it un-American. The Justice Department "
            "sued Georgia over the law.")
    assert _georgia_ids(text) == {"us_state_ga"}


def test_georgia_beside_its_capital_is_the_country():
    text = ("Georgia and Russia fought a short war in 2008. Tbilisi said Moscow had attacked first, "
            "and President Joe Biden, then vice president, visited Georgia a year later.")
    assert _georgia_ids(text) == {"GEO"}


def test_a_lookup_without_an_article_keeps_the_country():
    gaz = Resources().gazetteer
    assert gaz.lookup("Georgia").id == "GEO"
