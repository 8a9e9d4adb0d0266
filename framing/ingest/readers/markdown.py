"""Markdown files, with optional front matter (title, outlet, date, url, id, language)."""
from __future__ import annotations

from ...model import LoadProblem
from ..frontmatter import split_front_matter
from ..markdown import markdown_lines
from ..raw import Options, RawArticle, Source
from .text import decode_article_bytes, encoding_notes, front_key, front_meta, unix_lines


def read_markdown(source: Source, options: Options):
    decoded = decode_article_bytes(source, options)
    front = split_front_matter(unix_lines(decoded))
    for line, message in front.warnings:
        yield LoadProblem(source.display, message, line, fatal=False)
    lines, standalone = markdown_lines(front.body)
    meta = front_meta(front.values)
    key = front_key(meta, source.stem)
    yield RawArticle(text="\n".join(lines), source=source.display, key=key, fmt="md",
                     first_line=front.body_line, wrap="join", standalone=standalone, meta=meta,
                     meta_from="front matter", title_is_headline=True, encoding=decoded.encoding,
                     notes=encoding_notes(decoded))
