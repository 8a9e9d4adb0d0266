"""Cleaning one article's text: normalise, drop web leftovers, find headline and stamp lines, and
lay the text out as paragraphs.

The cleaned text has one paragraph per line, paragraphs separated by one blank line, and no
leading or trailing space. Headline and sub-headlines stay in the text as paragraphs of their own
(later stages need to know what the headline and the lede say); the headline is also returned as
the title. What goes: lines matched by the boilerplate rules (framing/data/boilerplate.tsv), a line
repeated right after itself, and, among the first lines only, timestamp lines, bylines and a line
that is just the outlet's name: those are metadata, kept in the Article's fields and notes, not in
the text. Every removal is recorded with its reason and source line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Removal
from .boilerplate import RuleSet, load_rules
from .dates import timestamp_line
from .normalize import match_key, normalize_text

TOP_LINES = 6  # how far down metadata lines (byline, timestamp, outlet name) are looked for
_TRAILING_CREDIT = re.compile(
    r"(?<=[.!?\u201d\"\u2019)])\s*(?:[\u2014\u2013]+|--|\s-)\s*[A-Z][A-Za-z.&]*(?:\s+[A-Z][A-Za-z.&]*){0,2}$")
_ABBREV_END = re.compile(r"(?:\b[A-Z]\.){2,}$|(?:\.\.\.|\u2026)$")
_OPENERS = "\u201c\u2018\"'(["
_SENTENCE_END = (".", "!", "?", ":", "\u201d", "\"", "\u2019", "'", ")")


@dataclass
class Cleaned:
    text: str
    removed: list[Removal] = field(default_factory=list)  # (index, Removal) pairs until the end
    headline: str = ""  # first paragraph, when it looks like a headline
    date: str | None = None  # ISO date from a timestamp line ("" = stamp found but date unclear)
    date_line: str = ""
    notes: list[str] = field(default_factory=list)


def looks_like_headline(line: str) -> bool:
    """A short line that starts with a capital and does not end like a sentence."""
    words = line.split()
    if not 2 <= len(words) <= 25 or len(line) > 200:
        return False
    if line.endswith((".", ",", ";")) and not _ABBREV_END.search(line):
        return False
    first = line.lstrip(_OPENERS)[:1]
    return (first.isupper() or first.isdigit()) and timestamp_line(line) is None


def clean_text(text: str, *, first_line: int = 1, fixed_line: bool = False, wrap: str = "auto",
               standalone: frozenset[int] = frozenset(), outlet_names: tuple[str, ...] = (),
               rules: RuleSet | None = None) -> Cleaned:
    """Clean `text` (one article).

    first_line: source line of the text's first line (0 = unknown); fixed_line: every removal is
    reported at `first_line` (a record in a JSON/CSV file); wrap: "lines" (every line is a
    paragraph), "join" (lines of a block form one paragraph, Markdown) or "auto" (join only when the
    text is hard-wrapped); standalone: line indexes that are paragraphs of their own (headings,
    list items); outlet_names: known names of the outlet, to drop a line that only names it.
    """
    rules = rules or load_rules()
    normalized, notes = normalize_text(text)
    lines = normalized.split("\n")
    out = Cleaned("", notes=list(notes))

    def where(i: int) -> int:
        return 0 if first_line <= 0 else (first_line if fixed_line else first_line + i)

    keep = [bool(line) for line in lines]
    content = [i for i, line in enumerate(lines) if line]
    if content:
        _strip_trailing_credit(lines, content[-1], out, where)
    words = [len(lines[i].split()) for i in content]
    total = sum(words) or 1
    seen_words = 0
    previous = ""
    for rank, i in enumerate(content):
        line = lines[i]
        rule = rules.match(line)
        if rule is not None and rule.scope == "top" and rank >= TOP_LINES:
            rule = None
        if rule is not None and rule.scope == "rest" and seen_words >= total / 2:
            for j in content[rank:]:
                own = rule if j == i else rules.match(lines[j])
                reason = own.reason if own else f"{rule.reason} (follows \u201c{line}\u201d)"
                keep[j] = False
                out.removed.append((j, Removal(lines[j], reason, where(j))))
            break
        seen_words += words[rank]
        if rule is not None:
            keep[i] = False
            out.removed.append((i, Removal(line, rule.reason, where(i))))
            if rule.reason == "byline":
                out.notes.append(f"byline: {line}")
            continue
        if previous and abs(len(line) - len(previous)) <= 8 and match_key(line) == match_key(previous):
            keep[i] = False
            out.removed.append((i, Removal(line, "repeated line", where(i))))
            continue
        if rules.inline:
            line, cut = rules.strip_inline(line)
            if cut:
                lines[i] = line
                out.removed.extend((i, Removal(t, reason, where(i))) for t, reason in cut)
        previous = line
    _metadata_lines(lines, keep, out, where, outlet_names)
    paragraphs = _paragraphs(lines, keep, wrap, standalone)
    if len(paragraphs) > 1 and looks_like_headline(paragraphs[0]):
        out.headline = paragraphs[0]
    out.removed = [r for _, r in sorted(out.removed, key=lambda pair: pair[0])]  # text order
    out.text = "\n\n".join(paragraphs)
    return out


def _strip_trailing_credit(lines, i, out, where) -> None:
    """'... on Tuesday. — APP' at the very end: the agency credit goes, the paragraph stays."""
    line = lines[i]
    if len(line.split()) < 12 or "\u201c" in line[-80:]:
        return
    m = _TRAILING_CREDIT.search(line)
    if m:
        lines[i] = line[:m.start()].rstrip()
        out.removed.append((i, Removal(m.group(0).strip(), "agency credit at the end of the article", where(i))))


def _metadata_lines(lines, keep, out, where, outlet_names) -> None:
    keys = [k for k in (match_key(n) for n in outlet_names) if len(k) >= 3]
    seen = 0
    for i, line in enumerate(lines):
        if not keep[i]:
            continue
        seen += 1
        if seen > TOP_LINES:
            break
        stamp = timestamp_line(line)
        if stamp is not None:
            keep[i] = False
            out.removed.append((i, Removal(line, "timestamp line (date kept as metadata)", where(i))))
            if out.date is None:
                out.date, out.date_line = stamp, line
            continue
        if keys and len(line.split()) <= 6:
            key = match_key(line)
            if any(k in key and len(key) <= len(k) + 12 for k in keys):
                keep[i] = False
                out.removed.append((i, Removal(line, "outlet name line (kept as metadata)", where(i))))


def _blocks(lines, keep, standalone) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for i, line in enumerate(lines):
        if not keep[i] or i in standalone:
            if current:
                blocks.append(current)
            current = []
            if keep[i]:
                blocks.append([line])
            continue
        current.append(line)
    if current:
        blocks.append(current)
    return blocks


def _paragraphs(lines, keep, wrap, standalone) -> list[str]:
    blocks = _blocks(lines, keep, standalone)
    if wrap == "join":
        return [_join(block) for block in blocks]
    width = _wrap_width(blocks) if wrap == "auto" else 0
    if not width:
        return [line for block in blocks for line in block]
    paragraphs = []
    for block in blocks:
        current = [block[0]]
        for line in block[1:]:
            if len(current[-1]) >= 0.6 * width:
                current.append(line)
            else:
                paragraphs.append(_join(current))
                current = [line]
        paragraphs.append(_join(current))
    return paragraphs


def _join(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and part[:1].islower():
            text += part  # a word hyphenated across the line break keeps its hyphen, loses the break
        else:
            text += " " + part
    return text


def _wrap_width(blocks) -> int:
    """The line width when the text is hard-wrapped (lines cut at a fixed width), else 0."""
    lengths = sorted(len(line) for block in blocks for line in block)
    if len(lengths) < 4:
        return 0
    width = lengths[int(0.95 * (len(lengths) - 1))]
    if width > 100:
        return 0
    breaks = [(a, b) for block in blocks for a, b in zip(block, block[1:])]
    if len(breaks) < 2:
        return 0
    soft = sum(1 for a, _ in breaks if len(a) >= 0.6 * width)
    mid_sentence = sum(1 for a, b in breaks if not a.endswith(_SENTENCE_END) or b[:1].islower())
    return width if soft >= 0.5 * len(breaks) and mid_sentence >= 0.3 * len(breaks) else 0
