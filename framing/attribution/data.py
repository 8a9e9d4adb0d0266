"""The attribution stage's data files (framing/data/attribution/), read once.

Cue frames (how a cue verb takes its content), role nouns and titles, and anonymous-source patterns
are data, not code: a teacher or an analyst can add "spokesperson" or "people familiar with" without
touching Python. Connotation classes of cues (neutral, distancing ...) come from the lexicon.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as _res


@dataclass(frozen=True)
class CueFrame:
    term: str  # "say", "call for"
    frames: str  # letters: C clause, A addressee, O object, I infinitive
    type: str  # speech, writing, thought, intent, evaluation, evidence


@dataclass(frozen=True)
class AttributionData:
    cues: dict  # lemma -> CueFrame (single words)
    particle_cues: dict  # (lemma, particle) -> CueFrame ("call for", "point out")
    roles: dict  # lower-case term (one or more words) -> role
    titles: frozenset  # terms used as titles before a name
    role_max_words: int
    anonymous_heads: frozenset
    anonymous_phrases: tuple
    evidence_nouns: frozenset = frozenset()  # "poll", "survey": "In a CNN poll, ..." names a source
    colon_labels: frozenset = frozenset()  # "note", "update": "Editor's note: ..." names no speaker


def data_rows(name: str):
    """The rows of one of framing/data/attribution's TSV files as dicts by its header; comments
    and blank lines skipped, a row with the wrong number of columns an error naming file and line."""
    path = _res.files("framing.data").joinpath("attribution").joinpath(name)
    header = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) != len(header):
            raise ValueError(f"framing/data/attribution/{name}:{number}: expected {len(header)} "
                             f"tab-separated columns ({', '.join(header)}), found {len(cells)}")
        yield dict(zip(header, cells))


@lru_cache(maxsize=1)
def gender_words() -> dict:
    """term -> "f" | "m", from framing/data/attribution/gender.tsv (honorifics, "spokeswoman",
    "wife"): what a speaker's words show of their gender (coreference, and the actors stage's
    surnames after "Mr." or "Mrs.")."""
    return {row["term"]: row["gender"] for row in data_rows("gender.tsv")}


def genders_clash(known: str, gender: str) -> bool:
    """Are both genders ("f" / "m"; "" knows nothing) known and different? ("Mr." and "Michelle")"""
    return bool(known) and bool(gender) and known != gender


@lru_cache(maxsize=1)
def first_names() -> dict:
    """first name (lower case) -> "f" | "m", from framing/data/attribution/first_names.tsv: the
    gender "he" and "she" check, and the word before a surname that is also a place or an
    organisation's name ("Jim Jordan", "Michael Bloomberg"; framing.actors.mentions)."""
    return {row["name"]: row["gender"] for row in data_rows("first_names.tsv")}


def message_nouns() -> frozenset[str]:
    """Nouns of messages a person issues, sends or carries (messages.tsv): "issued a statement
    saying ..." makes the issuer the source."""
    return frozenset(row["term"] for row in data_rows("messages.tsv"))


def finding_nouns() -> frozenset[str]:
    """Records and measurements whose "show" or "find" takes an object as content: the evidence
    nouns ("The poll shows a tight race") and the records of findings.tsv ("records show ...")."""
    return frozenset(row["term"] for name in ("evidence.tsv", "findings.tsv")
                     for row in data_rows(name))


@lru_cache(maxsize=1)
def load_data() -> AttributionData:
    """Read and check the data files once per process."""
    cues: dict = {}
    particle_cues: dict = {}
    for row in data_rows("cues.tsv"):
        frame = CueFrame(row["term"], row["frames"], row["type"])
        words = row["term"].split()
        if len(words) == 1:
            cues[words[0]] = frame
        else:
            particle_cues[(words[0], words[1])] = frame
    roles: dict = {}
    titles = set()
    for row in data_rows("roles.tsv"):
        roles[row["term"]] = row["role"]
        if row["title"] == "1":
            titles.add(row["term"])
    heads, phrases = set(), []
    for row in data_rows("anonymous.tsv"):
        if row["kind"] == "head":
            heads.add(row["term"])
        else:
            phrases.append(row["term"])
    evidence = frozenset(row["term"] for row in data_rows("evidence.tsv"))
    return AttributionData(
        cues=cues, particle_cues=particle_cues, roles=roles, titles=frozenset(titles),
        role_max_words=max(len(t.split()) for t in roles), anonymous_heads=frozenset(heads),
        anonymous_phrases=tuple(sorted(phrases)), evidence_nouns=evidence,
        colon_labels=frozenset(row["term"] for row in data_rows("labels.tsv")),
    )


@lru_cache(maxsize=1)
def _word_sets() -> dict[str, frozenset]:
    sets: dict[str, set] = {}
    for row in data_rows("word_sets.tsv"):
        sets.setdefault(row["set"], set()).add(row["term"].lower())
    return {name: frozenset(words) for name, words in sets.items()}


def word_set(name: str) -> frozenset:
    """One of framing/data/attribution/word_sets.tsv's sets (charge nouns, means of speech, ...):
    open-class words the attribution rules test, kept with the other data so they can be extended
    without touching the code. An unknown name is an error (a set the file lost)."""
    sets = _word_sets()
    if name not in sets:
        raise ValueError(f"framing/data/attribution/word_sets.tsv: no set {name!r} "
                         f"(sets: {', '.join(sorted(sets))})")
    return sets[name]
