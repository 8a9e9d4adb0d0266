"""Front matter at the top of a Markdown file: a block of `key: value` lines between `---` lines
(the YAML subset every static-site generator writes), or TOML between `+++` lines. Also the header
block of a plain-text file: `Title: ...`, `Source: ...`, `Date: ...` lines and a blank line, as
people save articles by hand and news databases export them (split_header_block).

Only flat `key: value` pairs are read (quotes around values are dropped); lists and nested keys are
skipped, since the article fields (title, outlet, date, url, id, language) are all plain strings.
No YAML library is needed, and a malformed line is reported, not fatal.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field

from .fields import field_of, is_known_name

_KEY_VALUE = re.compile(r"^([A-Za-z_][\w .-]*?)\s*:\s*(.*)$")
_MAX_LINES = 200
_OPENERS = {"[": "]", "{": "}"}


@dataclass
class FrontMatter:
    values: dict[str, object] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # source line of the body's first line
    warnings: list[tuple[int, str]] = field(default_factory=list)  # (line, message)


def split_front_matter(text: str) -> FrontMatter:
    """Separate front matter (if any) from the body. Without front matter the body is the text."""
    lines = text.split("\n")
    fence = lines[0].strip() if lines else ""
    if fence not in ("---", "+++"):
        return FrontMatter(body=text)
    closers = ("---", "...") if fence == "---" else ("+++",)
    end = next((i for i in range(1, min(len(lines), _MAX_LINES)) if lines[i].strip() in closers), None)
    if end is None:
        return FrontMatter(body=text, warnings=[(1, f"front matter opened with {fence!r} is never "
                                                     "closed; the file is read as text")])
    block = lines[1:end]
    body = "\n".join(lines[end + 1:])
    out = FrontMatter(body=body, body_line=end + 2)
    if fence == "+++":
        try:
            data = tomllib.loads("\n".join(block))
        except tomllib.TOMLDecodeError as exc:
            line = _toml_line(str(exc))
            out.warnings.append((line + 1 if line else 1, f"front matter is not valid TOML: {exc}"))
            return out
        out.values = {k: v for k, v in data.items() if not isinstance(v, (dict, list))}
        return out
    for offset, raw in enumerate(block, 2):
        if not raw.strip() or raw.lstrip().startswith("#") or raw[:1] in (" ", "\t", "-"):
            continue  # blank, comment, or part of a list / nested value
        m = _KEY_VALUE.match(raw)
        if not m:
            out.warnings.append((offset, f"front matter line is not 'key: value': {raw.strip()[:60]!r}"))
            continue
        key, value = m.group(1).strip(), m.group(2).strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        elif value[:1] in _OPENERS and not value.endswith(_OPENERS[value[0]]):
            # "title: [Opinion] Why ..." is not a YAML list: keep the text, and say how to quote it
            out.warnings.append((offset, f"front matter value of {key!r} starts with {value[0]!r} "
                                         "but is not a list; read as text (quote it to be sure)"))
        elif value.startswith(("[", "{", "|", ">")) or not value:
            if value and field_of(key) is not None:
                out.warnings.append((offset, f"front matter {key!r} is a list or a block value; "
                                             "only a plain 'key: value' is read, so it is left out"))
            continue
        out.values[key] = value
    return out


#: One header line: a short name, a colon, a value. The name must be a field name of
#: framing/data/record_fields.tsv (framing.ingest.fields), which keeps "Trump: I will win" and
#: "WASHINGTON: The Senate ..." out.
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z _-]{0,30}?)[ \t]*:[ \t]+(\S.*?)\s*$")
_MAX_HEADER_LINES = 30
_MAX_HEADER_VALUE = 300


def split_header_block(text: str) -> FrontMatter:
    """Separate a plain-text file's header block (if any) from the body.

    A header block is the file's first lines, each `Name: value` with a name that
    framing/data/record_fields.tsv knows (title, headline, source, outlet, date, url, author,
    byline, section, ...), ended by a blank line and followed by the article. Every line must be
    such a line and at least one must fill an article field other than the text: a body that
    happens to open with "Source: the Pentagon said ..." and runs on is not a header. Values of
    names that fill nothing (author, section) are dropped. Without a header the body is the text.
    """
    lines = text.split("\n")
    values: dict[str, object] = {}
    for i, raw in enumerate(lines[:_MAX_HEADER_LINES + 1]):
        if not raw.strip():
            break
        m = _HEADER_LINE.match(raw)
        if not m or len(m.group(2)) > _MAX_HEADER_VALUE or not is_known_name(m.group(1)):
            return FrontMatter(body=text)
        target = field_of(m.group(1))
        if target == "text":
            return FrontMatter(body=text)
        if target is not None:
            values.setdefault(m.group(1).strip(), m.group(2))
    else:
        return FrontMatter(body=text)  # no blank line after the block (or no lines at all)
    body = "\n".join(lines[i + 1:])
    if not values or not body.strip():
        return FrontMatter(body=text)
    return FrontMatter(values=values, body=body, body_line=i + 2)


def _toml_line(message: str) -> int:
    m = re.search(r"at line (\d+)", message)
    return int(m.group(1)) if m else 0
