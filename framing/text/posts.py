"""Embedded social-media posts: words that are quoted although no quotation mark shows it.

News pages embed posts (mostly tweets) as blocks. Extracted to plain text, an embedded tweet
becomes a paragraph that ends with the embed's signature line:

    This is a horrible and very unfair situation. ... https://t.co/rHPfYX6Vbv
    — Donald J. Trump (@realDonaldTrump) February 11, 2020

(on one line). Without quotation marks the post's
words would count as the outlet's own: its "horrible" and "very unfair" as the narrator's loaded
wording, its "I" as the writer. The text layer therefore treats a post as a quotation region with
no marks (`QuoteRegion.marks == ""`), so every stage reads its words as quoted, and the attribution
stage credits it to the name in the signature (framing.attribution.extract._post_credits).
The text layer adds these regions to the marked ones (`build_doc` passes them to `find_quotes`).

The signature is recognised by its shape alone, not by a list of accounts: a dash, a name (an
organisation's may carry a parenthesised short form, "World Health Organization (WHO)"), an
account handle in brackets and a date, closing the paragraph. On the AllSides corpus (6,296
articles) 875 paragraphs carry one, in 6% of the articles.
"""
from __future__ import annotations

import re

from ..model import QuoteRegion, Span
from .quotes import _word_count

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")

#: The embed's signature at the end of a paragraph: dash (often right after the post's last link,
#: "pic.twitter.com/P2qpm3h3Pm— Apple Music"), name, (@handle), date. The name is kept
#: short and free of brackets, dashes and line breaks (a post's own dash, "... all at once. — Matt
#: Viser (@mviser)", is not the signature's), except one bracketed short form before the handle.
SIGNATURE = re.compile(
    r"(?P<dash>\u2014|\u2015|\u2013|--)[ \t\u00a0]*"
    r"(?P<name>[^\s()@\u2014\u2015\u2013][^\n()@\u2014\u2015\u2013]{0,79}?"
    r"(?:[ \t\u00a0]*\([^\n()@]{1,40}\))?)"
    r"[ \t\u00a0]*\(@(?P<handle>\w{1,15})\)[ \t\u00a0]*"
    rf"(?P<date>{_MONTH}[ \t\u00a0]+\d{{1,2}},[ \t\u00a0]*\d{{4}})\.?[ \t\u00a0]*$")

def find_posts(text: str, paragraphs: list[Span]) -> list[QuoteRegion]:
    """The embedded posts of the text, as quotation regions without marks, sorted by start.

    A post is the paragraph's text before its signature. A signature alone on its line is left
    alone: on the AllSides corpus the paragraph before it was the post in 3 of 7 cases and the
    article's own text in the others (the post's text, a video or a picture, was not extracted)."""
    if "(@" not in text:
        return []
    posts: list[QuoteRegion] = []
    for para in paragraphs:
        sig = SIGNATURE.search(text, para.start, para.end) if text.find("(@", para.start, para.end) >= 0 \
            else None
        if sig is None:
            continue
        # (a paragraph span starts at its first non-space character: only the end needs trimming)
        end = para.start + len(text[para.start:sig.start()].rstrip())
        words = _word_count(text[para.start:end])
        if words:
            posts.append(QuoteRegion(para.start, end, para.start, end, "", words))
    return posts
