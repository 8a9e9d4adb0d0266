"""Turning raw matches into `Finding`s: voice, negation, scare quotes and the extra scores."""
from __future__ import annotations

from ..model.findings import NARRATOR, QUOTED, SCARE_QUOTE, Finding
from ..text.normalize import fold
from .context import Context
from .scores import word_subjectivity, word_valence

SCARE_EXPLANATION = ("A few words in quotation marks with no speaker named: the writer keeps a "
                     "distance from them, or hints they should not be believed.")


def findings_of(doc, lexicon, scores: bool = True, ctx: Context | None = None) -> tuple[Finding, ...]:
    """All findings of one Doc, in text order (scare quotes before the words inside them)."""
    ctx = ctx or Context(doc, lexicon)
    tokens = doc.tokens
    text = doc.text
    out: list[Finding] = []
    for m in lexicon.matcher.spans(doc):
        e = m.entry
        first, last = tokens[m.first], tokens[m.last - 1]
        q = ctx.quote_of(first.start)
        voice = NARRATOR if q is None else (SCARE_QUOTE if ctx.is_scare(q) else QUOTED)
        words = [t.norm for t in tokens[m.first:m.last] if t.is_word]
        valence = subjectivity = None
        if scores:
            valence = word_valence(words)
            if valence is None:
                valence = word_valence([t.lemma for t in tokens[m.first:m.last] if t.is_word])
            subjectivity = word_subjectivity(words)
        out.append(Finding(
            start=first.start, end=last.end, text=text[first.start:last.end], term=e.term,
            category=e.category, polarity=e.polarity, strength=e.strength,
            explanation=e.explanation, alternative=e.alternative, voice=voice,
            negated=ctx.negated(m.first), sentence=first.sentence, pack=e.pack, source=e.source,
            flag=e.flag, valence=valence, subjectivity=subjectivity,
        ))
    for q in ctx.scare_quotes():
        inner = text[q.inner_start:q.inner_end].strip()
        first_tok = _token_at(ctx, q.start)
        out.append(Finding(
            start=q.start, end=q.end, text=text[q.start:q.end], term=" ".join(fold(inner).split()),
            category="scare_quote", polarity=-1, strength=2, explanation=SCARE_EXPLANATION,
            alternative=inner, voice=SCARE_QUOTE, negated=False,
            sentence=tokens[first_tok].sentence if first_tok is not None else -1,
            pack="", source="", flag=True,
            valence=word_valence(fold(inner).split()) if scores else None,
            subjectivity=word_subjectivity(fold(inner).split()) if scores else None,
        ))
    out.sort(key=lambda f: (f.start, -f.end, f.category))
    return tuple(out)


def _token_at(ctx: Context, offset: int):
    from bisect import bisect_left

    i = bisect_left(ctx.token_starts, offset)
    return i if i < len(ctx.tokens) else (len(ctx.tokens) - 1 if ctx.tokens else None)


def word_voices(doc, ctx: Context) -> list[str]:
    """The voice of every token: quoted inside a credited quotation, else narrator.

    Words inside a scare quote count as narrator text: putting them in quotation marks was the
    narrator's choice.
    """
    out = []
    for t in doc.tokens:
        if t.in_quote:
            q = ctx.quote_of(t.start)
            out.append(QUOTED if q is not None and not ctx.is_scare(q) else NARRATOR)
        else:
            out.append(NARRATOR)
    return out


__all__ = ["findings_of", "word_voices", "NARRATOR", "QUOTED", "SCARE_QUOTE"]
