"""Reading and validating pack files: every problem is reported with its file and line.

A pack is a folder of TSV files (or one TSV file). Each file: UTF-8, `#` comment lines, a header row
naming the columns, then one row per term. Required columns: term, category, polarity, strength,
explanation, alternative; optional: pos, note. See lexicons/README.md.
"""
from __future__ import annotations

from pathlib import Path

from .categories import CATEGORIES, NON_FINDING, POS_CODES
from .entry import Entry
from .keys import term_key

REQUIRED = ("term", "category", "polarity", "strength", "explanation", "alternative")
OPTIONAL = ("pos", "note")
MAX_EXPLANATION = 160  # one line a 14-year-old can read at a glance


class LexiconError(ValueError):
    """A pack could not be loaded. `problems` holds one "path:line: message" string per problem."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        shown = "\n".join(self.problems[:50])
        more = f"\n... and {len(self.problems) - 50} more" if len(self.problems) > 50 else ""
        super().__init__(f"{len(self.problems)} problem(s) in lexicon pack(s):\n{shown}{more}")

    def __reduce__(self):
        # rebuilt from its problems when it crosses processes (a batch worker's error reaches the
        # writer pickled): the default would pass the message back in as `problems`
        return type(self), (self.problems,)


def pack_files(path: Path) -> list[Path]:
    """The TSV files of a pack: the file itself, or every *.tsv under the folder, sorted."""
    if path.is_file():
        return [path]
    if path.is_dir():
        return sorted(p for p in path.rglob("*.tsv") if p.is_file())
    return []


def _parse_int(value: str, allowed: tuple[int, ...]) -> int | None:
    v = value.strip()
    if v.startswith("+"):
        v = v[1:]
    try:
        n = int(v)
    except ValueError:
        return None
    return n if n in allowed else None


def read_file(path: Path, pack: str, display: str | None = None) -> tuple[list[Entry], list[str]]:
    """Rows of one file as entries, and the problems found (each "path:line: message")."""
    where = display or str(path)
    problems: list[str] = []
    entries: list[Entry] = []
    try:
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return [], [f"{where}:1: not UTF-8 text ({exc.reason} at byte {exc.start})"]
    except OSError as exc:
        return [], [f"{where}:0: cannot read ({exc.strerror})"]
    header: list[str] | None = None
    for lineno, line in enumerate(raw.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if header is None:
            header = [f.strip().lower() for f in fields]
            missing = [c for c in REQUIRED if c not in header]
            unknown = [c for c in header if c not in REQUIRED + OPTIONAL]
            if missing:
                hint = " (is the file tab-separated?)" if len(fields) == 1 else ""
                problems.append(f"{where}:{lineno}: header lacks column(s) {', '.join(missing)}{hint}; "
                                f"expected: {chr(9).join(REQUIRED)}")
                return [], problems
            if unknown:
                problems.append(f"{where}:{lineno}: unknown column(s) {', '.join(unknown)}; "
                                f"allowed: {', '.join(REQUIRED + OPTIONAL)}")
                return [], problems
            continue
        if len(fields) > len(header):
            problems.append(f"{where}:{lineno}: {len(fields)} fields but the header has {len(header)} "
                            "(a tab inside a value?)")
            continue
        row = dict(zip(header, (f.strip() for f in fields)))
        for c in header:
            row.setdefault(c, "")
        entry, errs = _entry_of(row, pack, f"{where}:{lineno}")
        problems.extend(f"{where}:{lineno}: {e}" for e in errs)
        if entry is not None:
            entries.append(entry)
    if header is None:
        problems.append(f"{where}:1: no header row (expected: {chr(9).join(REQUIRED)})")
    return entries, problems


def _entry_of(row: dict, pack: str, source: str) -> tuple[Entry | None, list[str]]:
    errs: list[str] = []
    term = row["term"]
    category = row["category"].lower()
    if not term:
        errs.append("empty term")
    elif term != term.lower():
        errs.append(f"term {term!r} must be lower-case (matching ignores case)")
    if category not in CATEGORIES:
        errs.append(f"unknown category {row['category']!r}; known: {', '.join(CATEGORIES)}")
    polarity = _parse_int(row["polarity"], (-1, 0, 1))
    if polarity is None:
        errs.append(f"polarity must be -1, 0 or 1, not {row['polarity']!r}")
    strength = _parse_int(row["strength"], (1, 2, 3))
    if strength is None:
        errs.append(f"strength must be 1, 2 or 3, not {row['strength']!r}")
    explanation = row["explanation"]
    if not explanation and category not in NON_FINDING:
        errs.append(f"term {term!r} needs an explanation (one line a 14-year-old understands)")
    if len(explanation) > MAX_EXPLANATION:
        errs.append(f"explanation is {len(explanation)} characters; keep it to one line "
                    f"(at most {MAX_EXPLANATION})")
    alternative = row["alternative"]
    if alternative and alternative.lower() == term:
        errs.append(f"alternative {alternative!r} is the term itself; leave it empty instead")
    pos = row.get("pos", "").upper()
    if pos not in POS_CODES:
        errs.append(f"pos must be one of N, V, J, R or empty, not {row.get('pos')!r}")
    key = term_key(term) if term else ""
    if term and not key:
        errs.append(f"term {term!r} has no words to match")
    if pos and " " in term.strip():
        errs.append("pos applies to single words only; leave it empty for a multi-word term")
    if errs:
        return None, errs
    return Entry(term=term, category=category, polarity=polarity, strength=strength,
                 explanation=explanation, alternative=alternative, pos=pos,
                 note=row.get("note", ""), pack=pack, source=source, key=key), []


def read_pack(path: Path, pack: str | None = None, root: Path | None = None) -> tuple[list[Entry], list[str]]:
    """All entries of a pack (file or folder) and its problems, duplicates included.

    A term may appear twice in one pack only with different `pos` values; anything else is an
    error naming both lines (the later row would silently win otherwise).
    """
    path = Path(path)
    name = pack or (path.stem if path.is_file() else path.name)
    files = pack_files(path)
    problems: list[str] = []
    if not files:
        kind = "folder without .tsv files" if path.is_dir() else "no such file or folder"
        return [], [f"{path}:0: {kind}"]
    entries: list[Entry] = []
    for f in files:
        display = str(f.relative_to(root)) if root is not None and f.is_relative_to(root) else str(f)
        got, errs = read_file(f, name, display)
        entries.extend(got)
        problems.extend(errs)
    seen: dict[tuple[str, str, bool], Entry] = {}
    for e in entries:
        k = (e.key, e.pos, e.category == "negator")
        if k in seen:
            problems.append(f"{e.source}: duplicate of {seen[k].source} (term {e.term!r}"
                            f"{', pos ' + e.pos if e.pos else ''}); keep one row")
        else:
            seen[k] = e
    return entries, problems
