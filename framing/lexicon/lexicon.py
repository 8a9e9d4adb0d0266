"""The loaded lexicon: default packs, topic packs and user packs overlaid into one index.

Overlay rule: packs load in order (general, then each topic pack, then user packs in the order
given). A row for a term in a later pack replaces every row for the same term from earlier packs,
whatever their category or pos; a row with category `off` removes the term altogether.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path

from .categories import CATEGORIES, CUE_CLASSES, NON_FINDING
from .entry import Entry
from .keys import adverb_forms, noun_forms, phrase_variants, term_key
from .packs import LexiconError, read_pack

#: Categories whose adjectives lend their "-ly" adverbs the same reading (bizarre -> bizarrely).
ADVERB_CATEGORIES = frozenset({"loaded", "label", "dysphemism", "violence"})


def default_root() -> Path:
    """lexicons/ beside the package (a source checkout), or $FRAMING_LEXICONS."""
    env = os.environ.get("FRAMING_LEXICONS")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent.parent
    for cand in (here.parent / "lexicons", here / "data" / "lexicons"):
        if (cand / "general").is_dir():
            return cand
    return here.parent / "lexicons"


def default_packs(include_topics: bool = True, root: Path | None = None) -> list[tuple[str, Path]]:
    """(name, folder) of the packs loaded by default: general, then topics/* when asked."""
    root = Path(root) if root is not None else default_root()
    packs = [("general", root / "general")]
    topics = root / "topics"
    if include_topics and topics.is_dir():
        packs.extend((p.name, p) for p in sorted(topics.iterdir()) if p.is_dir())
    return packs


@dataclass(frozen=True)
class Override:
    """A later pack's row that replaced (or, with `off`, removed) an earlier row."""

    new: Entry
    old: Entry


class Lexicon:
    """An overlaid set of entries with a matcher, cue classes and lookup by term.

    Build it with `load_lexicon`; stages call `lexicon.matcher.match(doc)` (through the lexicon
    stage), the attribution stage calls `cue_class(lemma)`.
    """

    def __init__(self, entries, negators, packs=(), overrides=(), problems=()):
        self.entries: tuple[Entry, ...] = tuple(sorted(entries, key=_order))
        self.negators: frozenset[str] = frozenset(negators)
        self.packs: tuple[tuple[str, str], ...] = tuple(packs)
        self.overrides: tuple[Override, ...] = tuple(overrides)
        self.derived: tuple[Entry, ...] = _derive_adverbs(self.entries)
        index: dict[str, list[Entry]] = {}
        for e in self.entries + self.derived:
            for k in _keys_of(e):
                bucket = index.setdefault(k, [])
                if e not in bucket:
                    bucket.append(e)
        # rows written in exactly this form first: "lost their lives" before "lose their lives"
        self.index: dict[str, tuple[Entry, ...]] = {
            k: tuple(sorted(v, key=lambda e: e.key != k)) for k, v in index.items()}
        cues: dict[str, str] = {}
        for e in self.entries:
            cls = CUE_CLASSES.get(e.category)
            if cls:
                cues.setdefault(e.key, cls)
        self._cues = cues

    # ------------------------------------------------------------------ queries
    def __len__(self) -> int:
        return len(self.entries)

    def __repr__(self) -> str:
        return f"<Lexicon {len(self.entries)} entries from {', '.join(n for n, _ in self.packs)}>"

    def cue_class(self, lemma: str) -> str | None:
        """"neutral" | "endorsing" | "distancing" | "adversarial" for a reporting verb, else None."""
        if not lemma:
            return None
        found = self._cues.get(lemma.lower())
        if found is None:
            found = self._cues.get(term_key(lemma))
        return found

    def entries_in(self, category: str) -> list[Entry]:
        return [e for e in self.entries if e.category == category]

    def categories(self) -> dict[str, int]:
        out = {c: 0 for c in CATEGORIES if c not in NON_FINDING}
        for e in self.entries:
            out[e.category] = out.get(e.category, 0) + 1
        return out

    def lookup(self, word: str) -> list[Entry]:
        """Entries a word or phrase would match, in any inflection ("martyred", "So-Called")."""
        key = term_key(word)
        keys = {key}
        if " " not in key:
            keys.update(_lemmas(key))
        out: list[Entry] = []
        for k in sorted(keys):
            for e in self.index.get(k, ()):
                if e not in out:
                    out.append(e)
        return out

    def fingerprint(self) -> str:
        """A short hash of the active rows (and the sense cues, framing/data/lexicon_senses.tsv),
        so models and caches know which lexicon they saw.

        Computed once (every article's summary names it; hashing ~10k rows cost more than some
        stages): the cache holds the very `entries` and `negators` objects it was computed from,
        so assigning new ones recomputes it.
        """
        cached = self.__dict__.get("_fingerprint")
        if cached is not None and cached[0] is self.entries and cached[1] is self.negators:
            return cached[2]
        rows = sorted(f"{e.term}\t{e.category}\t{e.polarity}\t{e.strength}\t{e.pos}" for e in self.entries)
        rows.extend(sorted(f"negator\t{n}" for n in self.negators))
        # the sense cues decide which matches become findings, as the rows do (senses.py)
        from .senses import sense_rules
        rows.extend(sorted(f"sense\t{term}\t{where}\t{' '.join(sorted(cues))}\t"
                           f"{' '.join(sorted(unless))}\t{' '.join(tags)}"
                           for term, rules in sense_rules().items()
                           for where, cues, unless, tags in rules))
        value = hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()[:16]
        self._fingerprint = (self.entries, self.negators, value)
        return value

    @cached_property
    def matcher(self):
        from .matcher import Matcher

        return Matcher(self)

    def __getstate__(self):  # worker processes rebuild the automaton on first use
        state = dict(self.__dict__)
        state.pop("matcher", None)
        return state


def _order(e: Entry):
    return (e.category, e.term, e.pos, e.pack)


def _lemmas(word: str) -> set[str]:
    try:
        from lemminflect import getAllLemmas
    except ImportError:  # pragma: no cover - lemminflect is a dependency
        return set()
    out = set()
    for forms in getAllLemmas(word).values():
        out.update(f.lower() for f in forms)
    return out


#: Which lemminflect word classes a row's pos asks for; OOV rules are used for nouns and verbs
#: that lemminflect does not know ("anti-vaxxer" -> "anti-vaxxers").
_UPOS_FOR = {"N": ("NOUN",), "V": ("VERB",), "J": ("ADJ",), "R": (), "": ("NOUN", "VERB", "ADJ")}
_OOV_OK = {"N": ("NOUN",), "V": ("VERB",), "J": (), "R": (), "": ("NOUN",)}


def _inflections(term: str, pos: str) -> set[str]:
    """Inflected forms of a single-word lemma ("insurgent" -> "insurgents", "slam" -> "slammed").

    The matcher compares these surface forms with the token norms, so they must cover every form
    the lemma can take in its word class(es).
    """
    try:
        from lemminflect import getAllInflections, getAllInflectionsOOV
    except ImportError:  # pragma: no cover - lemminflect is a dependency
        return set()
    out = set()
    for upos in _UPOS_FOR[pos]:
        forms = getAllInflections(term, upos=upos)
        if not forms and upos in _OOV_OK[pos]:
            forms = getAllInflectionsOOV(term, upos)
        for words in forms.values():
            for w in words:
                w = w.lower()
                # "lie" lists "lay" (of lie down); "lay" is a known verb of its own: leave it out
                if w != term and not (upos == "VERB" and getAllInflections(w, upos="VERB")):
                    out.add(w)
    return out


@lru_cache(maxsize=100_000)
def _inflected_keys(term: str, pos: str) -> tuple[str, ...]:
    return tuple(sorted({term_key(w) for w in _inflections(term, pos)}))


def _keys_of(e: Entry) -> list[str]:
    keys = [e.key]
    if e.derived_from or e.category in NON_FINDING:
        return keys
    if " " in e.term.strip():
        keys.extend(k for k in phrase_variants(e.term) if k not in keys)
    else:  # one word, hyphenated or not
        keys.extend(k for k in _inflected_keys(e.term, e.pos) if k not in keys)
    return keys


def _derive_adverbs(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """Regular derivations of evaluative adjectives, with the adjective's reading.

    "-ly" adverbs (bizarre -> bizarrely) from rows with pos J or none, "-ness" nouns
    (selfish -> selfishness) from rows with pos J. The matcher accepts a derived form only on a
    token tagged as an adverb or a noun, so a wrong guess cannot fire on another word class.
    Explicit rows always win over derived ones.
    """
    taken = {e.key for e in entries}
    out: dict[str, Entry] = {}
    for e in entries:
        if e.category not in ADVERB_CATEGORIES or e.pos not in ("", "J") or " " in e.key:
            continue
        forms = [(adv, "R", "adverb", adverb_forms) for adv in adverb_forms(e.key)]
        if e.pos == "J":
            forms += [(noun, "N", "noun", noun_forms) for noun in noun_forms(e.key)]
        for form, pos, kind, derive in forms:
            if form in taken or form in out:
                continue
            alt = derive(e.alternative) if e.alternative.isalpha() else ()
            out[form] = replace(e, term=form, pos=pos, key=form, derived_from=e.term,
                                alternative=alt[0] if alt else "", note=f"{kind} of {e.term!r}")
    return tuple(out[k] for k in sorted(out))


def overlay(packs: list[tuple[str, list[Entry]]]) -> tuple[list[Entry], set[str], list[Override]]:
    """Apply packs in order: a later pack's rows for a term replace all earlier rows for it."""
    active: dict[str, list[Entry]] = {}
    negators: dict[str, Entry] = {}
    overrides: list[Override] = []
    for _name, entries in packs:
        by_key: dict[str, list[Entry]] = {}
        for e in entries:
            if e.category == "negator":
                negators[e.key] = e
                continue
            by_key.setdefault(e.key, []).append(e)
        for key, rows in by_key.items():
            old = active.pop(key, [])
            if key in negators and any(r.category == "off" for r in rows):
                negators.pop(key)
            for o in old:
                overrides.append(Override(rows[0], o))
            keep = [r for r in rows if r.category != "off"]
            if keep:
                active[key] = keep
    entries = [e for rows in active.values() for e in rows]
    return entries, set(negators), overrides


def load_lexicon(extra_paths=(), include_topics: bool = True, root=None) -> Lexicon:
    """Load the default packs (general + topic packs) and overlay user packs from `extra_paths`.

    `extra_paths`: files or folders of TSV files (lexicons/README.md describes the format).
    Raises LexiconError listing every problem as "path:line: message".
    """
    root_path = Path(root) if root is not None else default_root()
    packs: list[tuple[str, list[Entry]]] = []
    names: list[tuple[str, str]] = []
    problems: list[str] = []
    base = root_path.parent
    for name, folder in default_packs(include_topics, root_path):
        entries, errs = read_pack(folder, name, root=base)
        packs.append((name, entries))
        names.append((name, str(folder)))
        problems.extend(errs)
    for p in extra_paths or ():
        path = Path(p)
        name = f"user:{path.stem if path.is_file() else path.name}"
        entries, errs = read_pack(path, name)
        packs.append((name, entries))
        names.append((name, str(path)))
        problems.extend(errs)
    if problems:
        raise LexiconError(problems)
    entries, negators, overrides = overlay(packs)
    return Lexicon(entries, negators, names, overrides)


@lru_cache(maxsize=4)
def default_lexicon(include_topics: bool = True) -> Lexicon:
    """The default packs, loaded once per process (tests, scripts, the web app's workers)."""
    return load_lexicon(include_topics=include_topics)


def validate_pack(path, against_defaults: bool = True, include_topics: bool = True) -> dict:
    """Check one pack; returns {"entries", "files", "problems", "overrides"} without raising."""
    path = Path(path)
    entries, problems = read_pack(path)
    from .packs import pack_files

    report = {"path": str(path), "files": len(pack_files(path)), "entries": len(entries),
              "problems": problems, "overrides": []}
    inside_defaults = path.resolve().is_relative_to(default_root().resolve())
    if against_defaults and not problems and not inside_defaults:
        try:
            base = load_lexicon(include_topics=include_topics)
        except LexiconError as exc:  # the defaults themselves are broken: say so
            report["problems"] = [f"(default packs) {p}" for p in exc.problems]
            return report
        for e in entries:
            for old in base.index.get(e.key, ()):
                if not old.derived_from and old.key == e.key:
                    report["overrides"].append({"term": e.term, "new": e.category, "old": old.category,
                                                "old_source": old.source, "source": e.source})
    return report
