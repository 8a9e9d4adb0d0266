"""Matching keys: one normal form shared by pack terms and article tokens.

A term and a run of tokens match when their keys are equal. The key is built from the text layer's
own tokenizer and folding, so "Pakistan’s" (curly apostrophe, split into "pakistan" + "'s"),
"so-called" / "so called" (hyphens become spaces) and "Regime" (case) all meet the same key.
"""
from __future__ import annotations

from functools import lru_cache

#: Length-preserving: a hyphen inside a token becomes a space, so "left-wing" meets "left wing".
HYPHEN_AS_SPACE = str.maketrans({"-": " "})


def _tokens(term: str) -> list[str]:
    from ..text.normalize import ascii_punct
    from ..text.tokenize import span_tokenize

    text = ascii_punct(term.strip())
    return [text[s:e] for s, e in span_tokenize(text)]


def _join(words) -> str:
    return " ".join(" ".join(words).translate(HYPHEN_AS_SPACE).split())


@lru_cache(maxsize=50_000)
def term_key(term: str) -> str:
    """The surface key of a term: folded, lower-case, tokenised, hyphens as spaces."""
    return _join(w.lower() for w in _tokens(term))


@lru_cache(maxsize=50_000)
def phrase_variants(term: str) -> tuple[str, ...]:
    """Keys of a multi-word term with its first verb in every form, and its last noun in the plural.

    "lose their lives" -> "lost their lives", "loses their lives", "losing their lives";
    "laid down their lives" -> "lay down ...", "lays down ..."; "is believed to" -> "was believed to".
    Only the first word that can be a verb varies (phrases lead with their verb); the rest stays as
    written, so "their lives" does not become "their lived". A term ending in a noun also matches
    that noun's plural ("fat cat" -> "fat cats", "hit piece" -> "hit pieces"): labels are written
    in the singular and used of groups; with the verb in any form too ("sell their soul" -> "sold
    their souls"). Returns () for a single word.
    """
    try:
        from lemminflect import getAllInflections, getAllLemmas
    except ImportError:  # pragma: no cover - lemminflect is a dependency
        return ()
    words = term_key(term).split(" ")
    if len(words) < 2:
        return ()
    out = set()
    bases = [words]  # the term, and each verb form of it whose varied word is not the last
    for i, w in enumerate(words):
        lemmas = set(getAllLemmas(w).get("VERB", ())) if w.isalpha() else set()
        if not lemmas:
            continue
        for lem in lemmas:
            forms = {lem}
            for f in getAllInflections(lem, upos="VERB").values():
                forms.update(f)
            for f in forms:
                f = f.lower()
                if f != w:
                    varied = words[:i] + [f] + words[i + 1:]
                    out.add(" ".join(varied))
                    if i < len(words) - 1:
                        bases.append(varied)
        break
    last = words[-1]
    if last.isalpha():
        for f in getAllInflections(last, upos="NOUN").get("NNS", ()):
            f = f.lower()
            if f != last:
                # both at once as well: "sell their soul" -> "sold their souls"
                out.update(" ".join(b[:-1] + [f]) for b in bases)
    return tuple(sorted(out))


def adverb_forms(adjective: str) -> tuple[str, ...]:
    """Regular "-ly" adverbs of an adjective: bizarre -> bizarrely, dramatic -> dramatically.

    Used to extend evaluative adjectives to their adverbs; the matcher only accepts these forms on
    tokens tagged as adverbs, so a wrong guess ("cost" -> "costly") cannot fire on an adjective.
    """
    a = adjective
    if not a.isalpha() or len(a) < 4 or a.endswith("ly"):
        return ()
    if a.endswith("ic"):
        return (a + "ally",)
    if a.endswith("le") and not a.endswith("ile"):
        return (a[:-1] + "y",)
    if a.endswith("y") and a[-2] not in "aeiou":
        return (a[:-1] + "ily",)
    if a.endswith("ll"):
        return (a + "y",)
    if a.endswith("ue"):
        return (a[:-1] + "ly",)
    return (a + "ly",)


def noun_forms(adjective: str) -> tuple[str, ...]:
    """Regular "-ness" nouns of an adjective: selfish -> selfishness, sleazy -> sleaziness."""
    a = adjective
    if not a.isalpha() or len(a) < 4 or a.endswith(("ness", "ly")):
        return ()
    if a.endswith("y") and a[-2] not in "aeiou":
        return (a[:-1] + "iness",)
    return (a + "ness",)
