"""Turning raw matches into `Finding`s: voice, negation, scare quotes and the extra scores."""
from __future__ import annotations

from bisect import bisect_right

from ..model.fastmake import fast_constructor
from ..model.findings import NARRATOR, QUOTED, SCARE_QUOTE, Finding
from ..text.normalize import fold
from .context import Context
from .scores import word_subjectivity, word_valence
from .senses import Senses

# On hand-labelled news about three scare-quote flags in five are not scare quotes (someone's words
# without a cue, or a term; reports drop those the attribution stage credits): the explanation says
# so (docs/accuracy_lexicon.md, "Scare quotes").
SCARE_EXPLANATION = ("A few words in quotation marks with no speaker named: the writer may keep a "
                     "distance from them, or hint they should not be believed (a scare quote). "
                     "Often they are someone's words or a term instead: read the sentence.")


def findings_of(doc, lexicon, scores: bool = True, ctx: Context | None = None) -> tuple[Finding, ...]:
    """All findings of one Doc, in text order (scare quotes before the words inside them)."""
    ctx = ctx or Context(doc, lexicon)
    tokens = doc.tokens
    text = doc.text
    norms, is_word = ctx.norms, ctx.is_word
    out: list[Finding] = []
    make = _MAKE_FINDING
    rows = _ROWS
    inner_starts, quotes, scare = ctx.inner_starts, ctx.quotes, ctx.scare
    negated = ctx.negated
    last_start, in_order = -1, True  # the matches' starts strictly increasing (they always are)
    senses = Senses(doc, norms, ctx._cols.lemmas)
    sense_terms = senses.rules
    for m in lexicon.matcher.spans(doc, norms):
        e = m.entry
        # (asked only where it can say yes: a capitalised one-word match, or a row with sense cues;
        # a derived "-ly" or "-ness" form has its row's cues: "ruled ... arbitrarily")
        term = e.derived_from or e.term
        if (term in sense_terms or m.last - m.first == 1 and tokens[m.first].text[:1].isupper()) \
                and senses.other_sense(m.first, m.last, term):
            continue  # a word of a name, or the plain sense of a polysemous word (senses.py)
        got = rows.get(id(e))
        if got is None or got[0] is not e:
            got = _row(e)
        first, last = tokens[m.first], tokens[m.last - 1]
        start = first.start
        if start <= last_start:
            in_order = False
        last_start = start
        # ctx.quote_of(start), inline: the last quotation (by inner start) starting at or before
        q = bisect_right(inner_starts, start) - 1
        if q >= 0 and start < quotes[q].inner_end:
            voice = SCARE_QUOTE if id(quotes[q]) in scare else QUOTED
        else:
            voice = NARRATOR
        valence = subjectivity = None
        if scores:
            k = m.first
            if m.last - k == 1:  # most matches are one token: no generators for the key
                words, lemma_words = ((norms[k],), (first.lemma,)) if is_word[k] else ((), ())
            else:
                span = [k for k in range(m.first, m.last) if is_word[k]]
                words, lemma_words = tuple(norms[k] for k in span), tuple(tokens[k].lemma for k in span)
            valence, subjectivity = _word_scores(words, lemma_words)
        end = last.end
        flag = got[9]
        if flag and voice == NARRATOR and got[2] in _LABEL_CATEGORIES and ctx.reported_label(m.first):
            flag = False  # someone's charge the writer reports: 'berated as racist' (context.py)
        # Finding(start, end, text, term, category, polarity, strength, explanation,
        # alternative, voice, negated, sentence, pack, source, flag, valence, subjectivity)
        out.append(make(start, end, text[start:end], got[1], got[2], got[3], got[4], got[5],
                        got[6], voice, negated(m.first), first.sentence,
                        got[7], got[8], flag, valence, subjectivity))
    scare_quotes = ctx.scare_quotes()
    for q in scare_quotes:
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
    # the matches do not overlap and come sorted by first token, so without scare quotes the
    # findings are already in (start, -end, category) order: no sort key made for each of them
    if scare_quotes or not in_order:
        out.sort(key=lambda f: (f.start, -f.end, f.category))
    return tuple(out)


#: categories whose word, as the complement of a verb of naming or characterising, is someone's
#: charge rather than the writer's own label (Context.reported_label)
_LABEL_CATEGORIES = frozenset({"label", "loaded", "dysphemism"})


def _token_at(ctx: Context, offset: int):
    i = ctx.token_index(offset)
    return i if i < len(ctx.tokens) else (len(ctx.tokens) - 1 if ctx.tokens else None)


def word_voices(doc, ctx: Context) -> list[str]:
    """The voice of every token: quoted inside a credited quotation, else narrator.

    Words inside a scare quote count as narrator text: putting them in quotation marks was the
    narrator's choice. Only tokens inside a quotation's inner text can be quoted, so just those are
    looked at (found by bisection per quotation), not every token of the article.
    """
    return word_voices_quoted(doc, ctx)[0]


def word_voices_quoted(doc, ctx: Context) -> tuple[list[str], list[int]]:
    """(word_voices, the indices of the quoted tokens, ascending): the summary counts the quoted
    words from the second list, without a pass over every token's voice."""
    tokens = doc.tokens
    out = [NARRATOR] * len(tokens)
    quoted: list[int] = []
    inner = ctx.inner_starts
    # quote_of(offset) is the last quotation (by inner start) starting at or before the offset,
    # if the offset is inside it: so quotation i owns [its inner start, the next one's), cut at
    # its own inner end (so the quotations' tokens come in ascending order, each once).
    for i, q in enumerate(ctx.quotes):
        if ctx.is_scare(q):
            continue
        stop = min(q.inner_end, inner[i + 1]) if i + 1 < len(inner) else q.inner_end
        for k in range(ctx.token_index(q.inner_start), ctx.token_index(stop)):
            if tokens[k].in_quote:
                out[k] = QUOTED
                quoted.append(k)
    return out, quoted


#: id(entry) -> (entry, term, category, polarity, strength, explanation, alternative, pack,
#: source, flag): what a Finding takes from its row, read once per row (Entry.flag is a
#: property computed on every read). The entry is kept and checked by identity, so an id that
#: another object took over can never give a wrong row.
_ROWS: dict = {}
_ROWS_MAX = 50_000


def _row(e) -> tuple:
    if len(_ROWS) >= _ROWS_MAX:
        _ROWS.clear()
    got = _ROWS[id(e)] = (e, e.term, e.category, e.polarity, e.strength, e.explanation,
                          e.alternative, e.pack, e.source, e.flag)
    return got


#: Finding(...) without the call into __init__ (the same objects; see framing.model.fastmake):
#: an article set makes tens of thousands of findings.
_MAKE_FINDING = fast_constructor(Finding)

#: (norms, lemmas) of a match's words -> (valence, subjectivity). Matched terms come from the
#: lexicon, so the keys repeat across articles; the bound keeps a long batch's memory flat.
_SCORES: dict = {}
_SCORES_MAX = 50_000


def _word_scores(words: tuple, lemma_words: tuple) -> tuple:
    key = (words, lemma_words)
    got = _SCORES.get(key)
    if got is None:
        valence = word_valence(words)
        if valence is None:
            valence = word_valence(lemma_words)
        got = (valence, word_subjectivity(words))
        if len(_SCORES) >= _SCORES_MAX:
            _SCORES.clear()
        _SCORES[key] = got
    return got


__all__ = ["findings_of", "word_voices", "word_voices_quoted", "NARRATOR", "QUOTED", "SCARE_QUOTE"]
