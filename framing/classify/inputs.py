"""What the classifier sees of a sentence: its text, how much of it is quoted, and lexicon counts.

`SentenceInput` is the one shape the feature extractor reads, whether the sentence comes from an
analysed article (`inputs_from_doc`, fed by the lexicon stage's findings) or from a row of a labels
file (`inputs_from_texts`, which runs the same text layer and lexicon so training and analysis see
identical features). Findings are read through a small adapter (`finding_keys`) that only needs
`.category`, `.voice`, `.start` (and `.flag`, `.text` when present), so the classifier does not
depend on the lexicon's internals.
"""
from __future__ import annotations

import bisect
import hashlib
from operator import attrgetter
from dataclasses import field

import numpy as np

from ..model import Article, Doc
from ..model.fastmake import fast_constructor, record
from ..text.columns import columns
from ..text.tokenize import is_word_text

NARRATOR = "narrator"
QUOTE = "quote"


@record
class SentenceInput:
    """One unit to classify. `lexicon` maps (category, voice) to a count of findings."""

    text: str
    quote_share: float = 0.0  # share of word tokens inside quotation marks
    lexicon: dict = field(default_factory=dict, hash=False, compare=False)
    sentiment: tuple = field(default=(), compare=False)  # cached sentiment scores (features.sentiment)
    lexicon_words: dict = field(default_factory=dict, hash=False, compare=False)  # key -> words matched


#: make_input(text, quote_share, lexicon, sentiment, lexicon_words) -> SentenceInput, without the
#: call into __init__ (an article makes two per sentence; see framing.model.fastmake)
make_input = fast_constructor(SentenceInput)

SCARE = "scare quote"
FLAGGED = "flagged wording"  # pseudo-category: findings the lexicon counts as slanted (Finding.flag)


def finding_voice(finding) -> str:
    """'narrator', 'quote' or 'scare quote' for a finding, whatever spelling the stage uses.

    Scare quotes are the narrator's choice of words, so they are kept apart from quoted speakers.
    """
    voice = str(getattr(finding, "voice", "") or "").lower()
    if "scare" in voice:
        return SCARE
    if "quot" in voice or "speaker" in voice:
        return QUOTE
    return NARRATOR


def finding_keys(finding) -> list[tuple[str, str]]:
    """The (category, voice) counters a finding adds to: its category, and "flagged wording"
    when the lexicon flags it (information-only rows such as "said" are counted, not flagged)."""
    category = str(getattr(finding, "category", "") or "").strip().lower()
    if not category:
        return []
    voice = finding_voice(finding)
    keys = [(category, voice)]
    if getattr(finding, "flag", False):
        keys.append((FLAGGED, voice))
    return keys


def quote_share(tokens) -> float:
    words = [t for t in tokens if is_word_text(t.text)]  # = t.is_word, memoised
    if not words:
        return 0.0
    return sum(1 for t in words if t.in_quote) / len(words)


_KEYS: dict = {}  # (category, voice, flag) as a finding holds them -> its finding_keys


def _keys_of(finding) -> tuple:
    """finding_keys(finding), memoised by the three attributes it reads: an article's findings
    share a few dozen combinations, each spelled out once instead of once per finding."""
    raw = (getattr(finding, "category", ""), getattr(finding, "voice", ""),
           bool(getattr(finding, "flag", False)))
    try:
        got = _KEYS.get(raw)
    except TypeError:  # an unhashable attribute: spell it out
        return tuple(finding_keys(finding))
    if got is None:
        if len(_KEYS) >= 4096:
            _KEYS.clear()
        got = _KEYS[raw] = tuple(finding_keys(finding))
    return got


def _add(counts: dict, words: dict, finding) -> None:
    word = str(getattr(finding, "text", "") or getattr(finding, "term", "") or "").strip()
    for key in _keys_of(finding):
        counts[key] = counts.get(key, 0) + 1
        if word:
            words.setdefault(key, set()).add(word)


def _frozen(words: dict) -> dict:
    # Case-insensitive order, ties ("Government", "government") broken by the exact string: sorting
    # a set by str.lower alone left their order to the per-process string hash seed.
    return {k: tuple(v) if len(v) == 1 else tuple(sorted(v, key=_caseless)) for k, v in words.items()}


def _caseless(w: str) -> tuple[str, str]:
    return (w.lower(), w)


def inputs_from_doc(doc: Doc, findings=(), signals: bool = False) -> list[SentenceInput]:
    """One `SentenceInput` per sentence of `doc`; findings are assigned by their start offset.

    With `signals`, each input holds its sentiment signals already (what
    `features.with_sentiment` adds afterwards), so no input is made twice.
    """
    sents = doc.sentences
    starts = [s.start for s in sents]
    ends = [s.end for s in sents]
    counts: list[dict] = [{} for _ in sents]
    words: list[dict] = [{} for _ in sents]
    if starts:
        where = bisect.bisect_right
        for f in findings:
            start = getattr(f, "start", None)
            if start is None:
                continue
            i = where(starts, start) - 1
            if i >= 0 and start < ends[i]:
                _add(counts[i], words[i], f)
    shares = quote_shares(doc)
    text = doc.article.text
    texts = [text[a:b] for a, b in zip(starts, ends)]
    if signals and texts:
        from .signals import sentence_signals

        sentiment = sentence_signals(texts)
    else:
        sentiment = [()] * len(texts)
    return list(map(make_input, texts, shares, counts, sentiment,
                    [_frozen(w) if w else {} for w in words]))


def quote_shares(doc: Doc) -> list[float]:
    """`quote_share` of every sentence of `doc` (the same numbers), one pass over its tokens
    (attribute getters and cumulative sums, no Python loop over tokens or sentences' arithmetic)."""
    tokens = doc.tokens
    n = len(tokens)
    is_word = np.fromiter(columns(doc).is_word, dtype=bool, count=n)  # shared with the lexicon stage
    quoted = np.fromiter(map(_IN_QUOTE, tokens), dtype=bool, count=n) & is_word
    n_words = np.zeros(n + 1, dtype=np.int64)
    is_word.cumsum(out=n_words[1:])
    n_quoted = np.zeros(n + 1, dtype=np.int64)
    quoted.cumsum(out=n_quoted[1:])
    sents = doc.sentences
    first = np.fromiter(map(_TOKEN_START, sents), dtype=np.int64, count=len(sents))
    last = np.fromiter(map(_TOKEN_END, sents), dtype=np.int64, count=len(sents))
    words = (n_words[last] - n_words[first]).tolist()
    inside = (n_quoted[last] - n_quoted[first]).tolist()
    return [q / w if w else 0.0 for q, w in zip(inside, words)]


_IN_QUOTE = attrgetter("in_quote")
_TOKEN_START, _TOKEN_END = attrgetter("token_start"), attrgetter("token_end")


def doc_input(doc: Doc, findings=()) -> SentenceInput:
    """The whole of a (short) document as one input: a labels-file row may hold several sentences."""
    counts: dict = {}
    words: dict = {}
    for f in findings:
        _add(counts, words, f)
    return SentenceInput(doc.text, quote_share(doc.tokens), counts, lexicon_words=_frozen(words))


def lexicon_findings(doc: Doc, resources) -> tuple | None:
    """Run the lexicon stage on `doc`; None when the lexicon is not available in this install.

    Training calls this so a model learns from the same findings the analysis pipeline produces.
    """
    if resources is None:
        return None
    try:
        from ..stages import lexicon as lexicon_stage
    except ImportError:
        return None
    try:
        out = lexicon_stage.run(doc, resources, {})
    except ImportError:  # the stage exists but the lexicon package does not (yet)
        return None
    return tuple(out.get("findings", ()))


def inputs_from_texts(texts, resources=None) -> list[SentenceInput]:
    """Inputs for raw texts (labels-file rows): text layer + lexicon findings, one input per text."""
    from ..text import build_doc

    out = []
    for i, text in enumerate(texts):
        doc = build_doc(Article(id=f"row{i}", text=text, outlet=""))
        findings = lexicon_findings(doc, resources) or ()
        out.append(doc_input(doc, findings))
    return out


def lexicon_fingerprint(resources) -> str:
    """A short, stable hash of the lexicon the findings come from ("none" when there is none).

    Models record it so that loading a model next to a different lexicon can say so: the lexicon
    counts it learned from would no longer mean the same thing.
    """
    if resources is None:
        return "none"
    try:
        lexicon = resources.lexicon
    except ImportError:
        return "none"
    return fingerprint_of(lexicon)


def fingerprint_of(lexicon) -> str:
    if lexicon is None:
        return "none"
    for attr in ("fingerprint", "digest", "sha256", "content_hash"):
        value = getattr(lexicon, attr, None)
        if callable(value):
            value = value()
        if isinstance(value, str) and value:
            return value[:16]
    entries = getattr(lexicon, "entries", None)
    if callable(entries):
        entries = entries()
    if entries is None:
        return "unknown"
    if isinstance(entries, dict):
        entries = list(entries.values())
    rows = sorted(
        "\t".join(str(getattr(e, a, "")) for a in ("term", "category", "polarity", "strength"))
        for e in entries
    )
    return hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()[:16]
