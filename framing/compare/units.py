"""The units the alignment works on: sentences, split into clauses where one sentence packs two facts.

Each unit knows where it stands in its article, because placement is part of framing: a fact in the
headline or the lede is pushed; the same fact in the last paragraph is buried.

- headline: the article's first paragraph when it equals `Article.title`, or, without a title, when
  it is one short sentence with no final punctuation (how a pasted page starts);
- subhead: a later one-sentence paragraph with no final punctuation and at most 12 words;
- lede: the first body paragraph, plus the first two body sentences when that paragraph is short;
- body: the rest, with `fraction` = place among body sentences (0.0 first, 1.0 last).

Clauses: a body sentence splits at a semicolon, or at a comma followed by a clause connective
("while", "but", ... in data/compare/clause_connectives.txt) that opens a clause with its own subject
(a noun, pronoun or number before its first verb), when each part keeps at least
`MIN_CLAUSE_WORDS` words. "23 soldiers died, while 200 militants were killed" carries two facts
that other outlets state in two sentences.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import ArticleAnalysis, Doc
from .data import clause_connectives
from .tokens import columns

MIN_UNIT_WORDS = 4  # shorter lines ("Advertisement", bylines) take no part in the alignment
MIN_CLAUSE_WORDS = 5
HEADLINE_MAX_WORDS = 25
SUBHEAD_MAX_WORDS = 12
_TERMINAL = re.compile(r"[.!?:;][\"'\u201d\u2019)\]]*\s*$")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Unit:
    """One sentence or clause of one article."""

    article: int  # index into the story's analyses
    sentence: int
    token_start: int  # token range in the article's Doc
    token_end: int
    start: int
    end: int
    position: str  # "headline" | "subhead" | "lede" | "body"
    fraction: float


@dataclass(frozen=True)
class Layout:
    """Where each sentence of one article stands."""

    positions: tuple[str, ...]  # per sentence
    fractions: tuple[float, ...]
    body_sentences: int


def _words(doc: Doc, index: int, alpha: list | None = None) -> int:
    """Tokens with a letter in one sentence (`alpha`: that flag per token of the Doc, when the
    caller has it; else the comparison's columns)."""
    s = doc.sentences[index]
    if alpha is None:
        alpha = columns(doc).alpha
    return sum(alpha[s.token_start:s.token_end])


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def layout(doc: Doc, alpha: list | None = None) -> Layout:
    """Classify every sentence of an article as headline, subhead, lede or body. `alpha`: whether
    each token has a letter, when the caller has it (else read from the comparison's columns)."""
    text = doc.text
    n = len(doc.sentences)
    positions = ["body"] * n
    by_paragraph: dict[int, list[int]] = {}
    for i, s in enumerate(doc.sentences):
        by_paragraph.setdefault(s.paragraph, []).append(i)
    paragraphs = sorted(by_paragraph)

    def bare_line(p: int, limit: int) -> bool:
        sents = by_paragraph[p]
        if len(sents) != 1:
            return False
        span = doc.paragraphs[p]
        line = text[span.start:span.end]
        return not _TERMINAL.search(line) and 0 < _words(doc, sents[0], alpha) <= limit

    if paragraphs:
        first = paragraphs[0]
        span = doc.paragraphs[first]
        title = _norm(doc.article.title)
        if title:
            is_headline = _norm(text[span.start:span.end]) == title
        else:
            is_headline = bare_line(first, HEADLINE_MAX_WORDS) and len(paragraphs) > 1
        if is_headline:
            for i in by_paragraph[first]:
                positions[i] = "headline"
        for p in paragraphs[1:] if is_headline else paragraphs:
            if p != first and bare_line(p, SUBHEAD_MAX_WORDS):
                positions[by_paragraph[p][0]] = "subhead"
    body = [i for i in range(n) if positions[i] == "body"]
    # The lede: the first body paragraph with real sentences, or the first two body sentences.
    substantial = [i for i in body if _words(doc, i, alpha) >= MIN_UNIT_WORDS]
    if substantial:
        lede_paragraph = doc.sentences[substantial[0]].paragraph
        for i in substantial[:2]:
            positions[i] = "lede"
        for i in by_paragraph[lede_paragraph]:
            if positions[i] == "body":
                positions[i] = "lede"
    fractions = [0.0] * n
    order = [i for i in range(n) if positions[i] in ("lede", "body")]
    for k, i in enumerate(order):
        fractions[i] = round(k / (len(order) - 1), 4) if len(order) > 1 else 0.0
    return Layout(tuple(positions), tuple(fractions), len(order))


_SUBJECT_TAGS = ("NN", "PRP", "CD", "EX")


def _has_subject(tokens, start: int, end: int) -> bool:
    """Whether the words after a clause connective name a subject before their first verb (and
    have a verb).

    "..., while 200 militants were killed" is a clause of its own; "..., but not confirmed by the
    Pentagon" shares the first clause's subject, and cut off it is a fragment no reader can place.
    """
    subject = False
    for k in range(start, end):
        pos = tokens[k].pos
        if pos.startswith("VB") or pos == "MD":
            return subject
        if pos.startswith(_SUBJECT_TAGS):
            subject = True
    return False  # no verb: ", but also France and the United States."


def clause_cuts(doc: Doc, index: int) -> list[tuple[int, int]]:
    """Token ranges of the clauses of one sentence (the whole sentence when it does not split)."""
    s = doc.sentences[index]
    tokens = doc.tokens
    connectives = clause_connectives()
    cuts = [s.token_start]
    for k in range(s.token_start + 1, s.token_end - 1):
        t = tokens[k]
        if t.norm == ";" or (t.norm == "," and tokens[k + 1].norm in connectives
                             and _has_subject(tokens, k + 2, s.token_end)):
            cuts.append(k)
    cuts.append(s.token_end)
    ranges = []
    for a, b in zip(cuts, cuts[1:]):
        if ranges and tokens[a].norm in (";", ","):
            a += 1  # the separator stays out of both clauses
        ranges.append([a, b])

    alpha = columns(doc).alpha

    def words(r):
        return sum(alpha[r[0]:r[1]])

    merged: list[list[int]] = []
    for r in ranges:  # a clause too short to stand alone rejoins its neighbour
        if merged and (words(r) < MIN_CLAUSE_WORDS or words(merged[-1]) < MIN_CLAUSE_WORDS):
            merged[-1][1] = r[1]
        else:
            merged.append(r)
    if len(merged) > 1 and words(merged[-1]) < MIN_CLAUSE_WORDS:
        last = merged.pop()
        merged[-1][1] = last[1]
    return [(a, b) for a, b in merged]


def article_units(analysis: ArticleAnalysis, article_index: int) -> tuple[list[Unit], Layout]:
    """The alignment units of one article, in text order, and its layout."""
    doc = analysis.doc
    lay = layout(doc)
    units: list[Unit] = []
    tokens = doc.tokens
    for i, s in enumerate(doc.sentences):
        if _words(doc, i) < MIN_UNIT_WORDS:
            continue
        pos = lay.positions[i]
        ranges = [(s.token_start, s.token_end)] if pos in ("headline", "subhead") else clause_cuts(doc, i)
        for a, b in ranges:
            while b > a + 1 and tokens[b - 1].norm in (",", ";", "-", ":"):
                b -= 1
            start = tokens[a].start if len(ranges) > 1 else s.start
            end = tokens[b - 1].end if len(ranges) > 1 else s.end
            units.append(Unit(article_index, i, a, b, start, end, pos, lay.fractions[i]))
    return units, lay
