"""Front matter at the top of a Markdown file: a block of `key: value` lines between `---` lines
(the YAML subset every static-site generator writes), or TOML between `+++` lines.

Only flat `key: value` pairs are read (quotes around values are dropped); lists and nested keys are
skipped, since the article fields (title, outlet, date, url, id, language) are all plain strings.
No YAML library is needed, and a malformed line is reported, not fatal.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field

_KEY_VALUE = re.compile(r"^([A-Za-z_][\w .-]*?)\s*:\s*(.*)$")
_MAX_LINES = 200


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
        elif value.startswith(("[", "{", "|", ">")) or not value:
            continue
        out.values[key] = value
    return out


def _toml_line(message: str) -> int:
    m = re.search(r"at line (\d+)", message)
    return int(m.group(1)) if m else 0
