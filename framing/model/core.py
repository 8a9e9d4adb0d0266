"""The core data model: articles, their cleaned text, and the text layer that points into it.

Every later layer (findings, attributions, actor mentions, scores) refers to the article's cleaned
text by character offsets, so `article.text[start:end]` is always the span's text. These classes are
small values (framing.model.fastmake records or frozen) and import nothing else of ours but
that module, so every part of the package can depend on them.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from .fastmake import record


@record
class Span:
    """A half-open character range [start, end) into `Article.text`."""

    start: int
    end: int

    def text_of(self, text: str) -> str:
        return text[self.start:self.end]

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


class SpanCover:
    """Whether a stretch of text lies inside one of some spans ((start, end) pairs): it does when,
    among the spans starting at or before it, the farthest end reaches its end. Built once (the
    starts sorted, the running farthest end), each question is one bisection instead of a walk
    over every span, which made a long document's attributions quadratic."""

    def __init__(self, spans):
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach = list(accumulate((e for _, e in ordered), max))

    def covers(self, start: int, end: int) -> bool:
        k = bisect_right(self._starts, start)
        return k > 0 and self._reach[k - 1] >= end


@dataclass(frozen=True)
class Removal:
    """One piece of web leftover that cleaning removed, and why (so the output can say what went)."""

    text: str
    reason: str
    line: int  # 1-based line number in the source file (0 when unknown)


@dataclass(frozen=True)
class Article:
    """One outlet's article: cleaned text plus metadata.

    `text` is the cleaned text every offset points into. It keeps the original characters (curly
    quotes, dashes) after Unicode NFC normalisation; ASCII-folded forms live on the tokens.
    """

    id: str
    text: str
    outlet: str
    title: str = ""
    date: str = ""  # ISO 8601 (YYYY-MM-DD) when known, else ""
    url: str = ""
    language: str = "en"
    source: str = ""  # file path (and record number) the article came from
    removed: tuple[Removal, ...] = ()
    notes: tuple[str, ...] = ()  # what was derived or assumed on load ("outlet label derived from ...")
    encoding: str = "utf-8"

    @property
    def word_count(self) -> int:
        return sum(1 for w in self.text.split() if any(c.isalnum() for c in w))


@record
class Token:
    """A token with offsets into the article text.

    `norm` is the ASCII-folded, lower-cased form used for matching (’ -> ', “ -> ");
    `lemma` is the dictionary form; `pos` is a Penn Treebank tag.
    """

    start: int
    end: int
    text: str
    norm: str
    pos: str
    lemma: str
    sentence: int  # index of the sentence holding the token
    in_quote: bool = False  # inside a quotation region (the words of a quoted speaker)

    @property
    def is_word(self) -> bool:
        # hot: every stage asks; most tokens start with a letter or digit, so test that first
        text = self.text
        return text[:1].isalnum() or any(c.isalnum() for c in text)


@record
class Sentence:
    start: int
    end: int
    paragraph: int  # index of the paragraph holding the sentence
    token_start: int  # index of the first token in Doc.tokens
    token_end: int  # one past the last token


@dataclass(frozen=True)
class QuoteRegion:
    """Text between a pair of quotation marks. `start`/`end` include the marks; `inner_*` do not."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    marks: str  # the opening and closing characters, e.g. '“”' or '""'
    words: int


@dataclass(frozen=True)
class Doc:
    """The text layer of one article, computed once and shared by every stage."""

    article: Article
    paragraphs: tuple[Span, ...]
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    quotes: tuple[QuoteRegion, ...] = ()

    @property
    def text(self) -> str:
        return self.article.text

    def sentence_tokens(self, index: int) -> tuple[Token, ...]:
        s = self.sentences[index]
        return self.tokens[s.token_start:s.token_end]

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.article.text[s.start:s.end]

    def quote_at(self, offset: int) -> QuoteRegion | None:
        """The quotation region whose inner text holds `offset`, if any."""
        for q in self.quotes:
            if q.inner_start <= offset < q.inner_end:
                return q
            if q.start > offset:
                break
        return None

    @property
    def word_count(self) -> int:
        return sum(1 for t in self.tokens if t.is_word)


@dataclass(frozen=True)
class LoadProblem:
    """An input that could not be loaded (or loaded with a warning), for the user and the exit code."""

    source: str
    message: str
    line: int = 0
    fatal: bool = True  # True: the article was skipped; False: loaded with a warning

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Story:
    """The articles of one story, with what went wrong while loading them."""

    name: str
    articles: tuple[Article, ...]
    problems: tuple[LoadProblem, ...] = ()
    manifest: str = ""  # path of the manifest used, "" when defaults were derived
    actor_overrides: dict = field(default_factory=dict, hash=False, compare=False)
