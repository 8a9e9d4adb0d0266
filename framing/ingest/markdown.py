"""Markdown to plain lines, one source line for one output line (so line numbers stay true).

Markup goes (heading marks, emphasis, links become their text, images and reference definitions
vanish, list and quote markers drop); headings and list items become paragraphs of their own.
This is not a full CommonMark renderer: news in Markdown uses these few constructs, and anything
else passes through as text.
"""
from __future__ import annotations

import re

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_FENCE = re.compile(r"^\s*(?:```|~~~)")
_REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")
_CODE = re.compile(r"`([^`]+)`")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")


def markdown_lines(body: str) -> tuple[list[str], frozenset[int]]:
    """Return the body's lines as plain text, and the indexes of lines that stand alone."""
    lines = body.split("\n")
    out: list[str] = []
    standalone: set[int] = set()
    in_fence = False
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
            out.append("")
            continue
        if in_fence or _REFDEF.match(line):
            out.append("")
            continue
        if _SETEXT.match(line) and out and out[-1].strip() and (i - 1) not in standalone:
            standalone.add(i - 1)  # the line above was a heading
            out.append("")
            continue
        if _RULE.match(line):
            out.append("")
            continue
        m = _HEADING.match(line)
        if m:
            line = m.group(1)
            standalone.add(i)
        elif _LIST.match(line):
            line = _LIST.sub("", line, count=1)
            standalone.add(i)
        line = _QUOTE.sub("", line)
        out.append(_inline(line))
    return out, frozenset(standalone)


def _inline(line: str) -> str:
    line = _IMAGE.sub("", line)
    line = _LINK.sub(lambda m: m.group(1) or m.group(2), line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    for _ in range(2):  # nested emphasis: ***bold italic***
        line = _EMPHASIS.sub(lambda m: m.group(2) if m.group(2) is not None else m.group(3), line)
    line = _TAG.sub("", line)
    return line.replace("\\*", "*").replace("\\_", "_").replace("\\#", "#")
