"""Find attribution relations (source, cue, content) in a `Doc`, by rules over tokens and tags.

The rules follow how news English attributes (the PolNeAR conventions: a source is the whole noun
phrase naming the speaker, the content is the whole clause or quotation, "that" included):

  preposed   X [also|has] said (that) ...      X told reporters ...   X blamed Kabul for ...
  postposed  "...," X said (on Tuesday).       ..., said X, head of ...
  split      "...," he said, "..."             (one attribution, two content pieces)
  according  According to X, ...              ..., according to X.
  participle ..., adding that ...              (the source is the clause's subject)
  relative   X, who said ...                   (source "who"; the speaker step resolves it)
  noun-first a charge X denies                 (content: the clause the charge refers to)
  continued  a quotation opening the next sentence or paragraph, with no cue of its own

Each match is a `RawAttribution` with token indices and character spans; `speakers.py` names the
speaker, `coref.py` resolves pronouns and merges names.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .chunks import AUX_SKIP, NOUNS, PROPER, np_left, np_right
from .data import AttributionData, CueFrame
from .quotes import outer_quotes, quoted_tokens

_OPEN_MARKS = "\"'\u201c\u2018\u201e\u00ab"
_CLOSE_MARKS = "\"'\u201d\u2019\u00bb"
_FINAL = ".!?"
_DASHES = ("\u2015", "\u2014", "--", "\u2013", "-")
_ACCORDING = CueFrame("according to", "C", "according_to")
_CHARGE_NOUNS = frozenset({"charge", "claim", "allegation", "accusation", "assertion", "accusations",
                           "charges", "claims", "allegations"})


@dataclass
class RawAttribution:
    cue: tuple[int, int]  # token indices [start, end)
    source: tuple[int, int] | None  # token indices [start, end)
    content: list[tuple[int, int]]  # character spans, in text order
    sentence: int
    frame: CueFrame
    lemma: str
    postposed: bool = False
    quote_ids: list[int] = field(default_factory=list)  # outer quote regions used as content


class _Ctx:
    """Per-document lookups shared by the rules."""

    def __init__(self, doc, data: AttributionData):
        self.doc = doc
        self.tokens = doc.tokens
        self.data = data
        self.text = doc.text
        outer = outer_quotes(doc)
        self.quotes = outer
        self.inq = quoted_tokens(doc, outer)
        self.quote_of_start = {q.start: n for n, q in enumerate(outer)}
        self.quote_of_end = {q.end: n for n, q in enumerate(outer)}

    def sent_bounds(self, s: int) -> tuple[int, int]:
        sent = self.doc.sentences[s]
        return sent.token_start, sent.token_end

    def quote_index_containing(self, offset: int) -> int | None:
        for n, q in enumerate(self.quotes):
            if q.start <= offset < q.end:
                return n
            if q.start > offset:
                break
        return None


def _cue_at(ctx: _Ctx, i: int, hi: int) -> tuple[int, CueFrame, str] | None:
    """(end index, frame, lemma) when tokens[i] starts a cue, else None."""
    t = ctx.tokens[i]
    if ctx.inq[i]:
        return None
    if t.norm == "according" and i + 1 < hi and ctx.tokens[i + 1].norm == "to":
        return i + 2, _ACCORDING, "according to"
    verb_like = t.pos.startswith("VB")
    if not verb_like and t.pos == "NNS" and i > 0 and i + 1 < hi and \
            (ctx.tokens[i - 1].pos in NOUNS or ctx.tokens[i - 1].pos == "PRP") and \
            (ctx.tokens[i + 1].norm in ("that", "to") or ctx.tokens[i + 1].pos in ("DT", "PRP", "NNP")):
        verb_like = True  # "the president fears that ...": a verb the tagger read as a plural noun
    if not (verb_like or t.norm in ("says", "said")):
        return None
    lem = t.lemma if verb_like else "say"  # "said" mis-tagged as an adjective
    if i + 1 < hi:
        pf = ctx.data.particle_cues.get((lem, ctx.tokens[i + 1].norm))
        if pf is not None:
            return i + 2, pf, pf.term
    frame = ctx.data.cues.get(lem)
    if frame is None:
        return None
    return i + 1, frame, lem


def _skip_aux_left(tokens, j: int, lo: int) -> int:
    """Index of the token before the auxiliaries and adverbs that precede a cue."""
    while j >= lo:
        t = tokens[j]
        if t.pos in ("RB", "MD") or t.lemma in AUX_SKIP or t.norm in ("n't", "not"):
            j -= 1
            continue
        break
    return j


def _is_passive_or_nonfinite(tokens, i: int, lo: int) -> bool:
    j = i - 1
    while j >= lo and (tokens[j].pos == "RB" or tokens[j].norm in ("not", "n't")):
        j -= 1
    if j < lo:
        return False
    p = tokens[j]
    if p.norm == "to" or p.pos == "TO":
        return True  # "declined to say": the governing verb is the cue
    if p.lemma == "be" and tokens[i].pos in ("VBN", "VBD"):
        return True  # "was told", "is expected"
    if p.pos == "DT" or p.pos == "PRP$":
        return True  # "the said", "his claim"
    return False


def _clause_start(ctx: _Ctx, lo: int, hi: int) -> int:
    """First token of a sentence's main clause: skips "But", "And" and a dateline ("WASHINGTON ―")."""
    toks = ctx.tokens
    k = lo
    for m in range(lo, min(hi, lo + 8)):
        if toks[m].text in _DASHES and all(toks[x].text.isupper() or not toks[x].text.isalpha()
                                           for x in range(lo, m)):
            k = m + 1
            break
    while k < hi and toks[k].pos == "CC":
        k += 1
    return k


def _trim_span(ctx: _Ctx, a: int, b: int) -> tuple[int, int] | None:
    """Character span of tokens [a, b), with edge commas, colons and final stops cut off."""
    toks = ctx.tokens
    while a < b and toks[a].text in (",", ":", ";") + _DASHES:
        a += 1
    while b > a and toks[b - 1].text in (",", ":", ";", ".", "!", "?") + _DASHES:
        b -= 1
    if b <= a:
        return None
    return toks[a].start, toks[b - 1].end


def _quote_starting_at(ctx: _Ctx, i: int, hi: int) -> int | None:
    """Outer quote region opening at token i (skipping a comma or colon), if any."""
    toks = ctx.tokens
    k = i
    while k < hi and toks[k].text in (",", ":"):
        k += 1
    if k < hi and toks[k].text in _OPEN_MARKS:
        return ctx.quote_of_start.get(toks[k].start)
    return None


def _content_end(ctx: _Ctx, k: int, hi: int) -> int:
    """Token index where a content clause starting at k ends: the sentence end, or before
    ", according to", ", X said" or ", adding ..."."""
    toks = ctx.tokens
    m = k
    while m < hi:
        t = toks[m]
        if t.norm in ("and", "but") and m + 1 < hi and not ctx.inq[m] and toks[m + 1].pos in ("VBD", "VBZ", "VBN") \
                and (toks[m + 1].lemma in ctx.data.cues or (toks[m + 1].lemma, toks[m + 2].norm if m + 2 < hi
                                                            else "") in ctx.data.particle_cues):
            return m
        if t.text == "," and m + 2 < hi and not ctx.inq[m + 1] and (
                toks[m + 1].norm == "with" or toks[m + 1].pos == "DT" and toks[m + 2].norm in _CHARGE_NOUNS):
            return m
        if t.text == "," and m + 1 < hi and not ctx.inq[m + 1]:
            nxt = toks[m + 1]
            if nxt.norm == "according" or nxt.pos == "VBG" and nxt.lemma in ctx.data.cues:
                return m
            # ", he said" / ", officials said" closing the clause
            j = m + 1
            end = np_right(toks, j, hi, appositive=False)
            if end is not None and end < hi:
                e2 = end
                while e2 < hi and (toks[e2].pos == "RB" or toks[e2].lemma in AUX_SKIP):
                    e2 += 1
                if e2 < hi and toks[e2].lemma in ctx.data.cues and toks[e2].pos.startswith("VB") and \
                        _rest_is_adjunct(ctx, e2 + 1, hi):
                    return m
        m += 1
    return hi


def _rest_is_adjunct(ctx: _Ctx, k: int, hi: int) -> bool:
    """True when tokens [k, hi) hold no content clause: only time words, a PP, an addressee or end
    punctuation ("he said on Tuesday.", "Figueroa told USA Today.")."""
    toks = ctx.tokens
    m = k
    while m < hi:
        t = toks[m]
        if t.pos.startswith("VB") or t.norm in ("that", "whether", "if") or t.text in _OPEN_MARKS or \
                t.text == ":":
            return False
        if t.text == "," and m + 1 < hi and (toks[m + 1].text in _OPEN_MARKS or toks[m + 1].norm == "and"):
            return False
        m += 1
    return True


def _skip_adjuncts(ctx: _Ctx, k: int, hi: int, frame: CueFrame) -> int:
    """Skip the addressee and adverbials between a cue and its content: "told reporters on
    Tuesday that ...", "said in a statement that ...", "said Friday that ..."."""
    toks = ctx.tokens
    # look ahead for "that" before any verb: everything up to it is adjunct
    m = k
    while m < hi and m - k < 12:
        t = toks[m]
        if t.norm == "that" and (m == k or toks[m - 1].text != ","):
            if m == k:
                return k
            between = toks[k:m]
            if all(not x.pos.startswith("VB") and x.text not in _OPEN_MARKS for x in between):
                return m
            break
        if t.pos.startswith("VB") or t.text in _OPEN_MARKS or t.pos in ("WP", "WRB"):
            break
        m += 1
    if "A" in frame.frames:
        end = np_right(toks, k, hi, appositive=False)
        if end is not None and end < hi:
            nxt = toks[end]
            if nxt.norm in ("that", "to", "about", "whether", "if", "how", "what", "why") or \
                    nxt.text in _OPEN_MARKS + ",:" or nxt.pos in ("PRP", "NNP", "DT") or \
                    nxt.pos.startswith("NN"):
                k = end
    while k < hi and (toks[k].norm in ("on", "in", "during", "at", "last", "this", "late", "earlier")
                      or toks[k].norm in ("monday", "tuesday", "wednesday", "thursday", "friday",
                                          "saturday", "sunday")):
        # a time or place adverbial: "on Tuesday", "in a statement", "in an interview with X"
        m = k + 1
        while m < hi and (toks[m].pos in ("DT", "JJ", "NN", "NNS", "NNP", "NNPS", "CD", "POS", "IN") and
                          toks[m].norm not in ("that", "whether", "if")):
            m += 1
        if m < hi and toks[m].text in (",", ":") or m < hi and toks[m].norm == "that":
            k = m
            break
        if toks[k].norm in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"):
            k += 1
            continue
        break
    while k < hi and toks[k].text in (",", ":"):
        k += 1
    return k


def _valid_content_start(ctx: _Ctx, k: int, hi: int, frame: CueFrame) -> bool:
    toks = ctx.tokens
    if k >= hi:
        return False
    t = toks[k]
    if t.text in _FINAL or t.text in (")", ";"):
        return False
    if t.text in _OPEN_MARKS:
        return True
    fr = frame.frames
    if t.norm == "to" and k + 1 < hi and toks[k + 1].pos.startswith("VB"):
        return "I" in fr or "A" in fr
    if t.norm in ("that", "whether", "if", "how", "what", "why", "when", "who") and "C" in fr:
        return True
    if "O" in fr and (t.pos in NOUNS or t.pos in ("DT", "PRP", "PRP$", "JJ", "CD") or t.norm == "as"):
        return True
    if "C" in fr:
        # a bare clause: a subject followed later by a verb
        if t.pos in NOUNS or t.pos in ("DT", "PRP", "PRP$", "JJ", "CD", "EX") or t.norm in ("there", "no"):
            return any(x.pos.startswith("VB") or x.pos == "MD" for x in toks[k + 1:hi])
    return False


def _content_after(ctx: _Ctx, i_end: int, hi: int, frame: CueFrame) -> tuple[list, list] | None:
    """Content spans (and quote ids) that follow a cue, or None."""
    k = _skip_adjuncts(ctx, i_end, hi, frame)
    qi = _quote_starting_at(ctx, k, hi)
    if qi is not None:
        q = ctx.quotes[qi]
        return [(q.start, q.end)], [qi]
    if not _valid_content_start(ctx, k, hi, frame):
        return None
    end = _content_end(ctx, k, hi)
    span = _trim_span(ctx, k, end)
    return ([span], []) if span else None


def _content_before(ctx: _Ctx, boundary: int, lo: int) -> tuple[list, list] | None:
    """Content that precedes a postposed cue; `boundary` is the index of the comma (or the
    closing-quote token) right before the source or cue."""
    toks = ctx.tokens
    j = boundary
    # a quotation that ends at the boundary (its comma inside: "...,")
    for m in (j, j - 1):
        if m >= 0:
            qi = ctx.quote_of_end.get(toks[m].end)
            if qi is not None:
                q = ctx.quotes[qi]
                return [(q.start, q.end)], [qi]
    start = _clause_start(ctx, lo, boundary)
    # stop at an earlier attribution marker inside the sentence: take the last clause
    span = _trim_span(ctx, start, boundary + (0 if toks[boundary].text == "," else 1))
    if span is None:
        return None
    return [span], []


def _sentence_subject(ctx: _Ctx, lo: int, hi: int, before: int) -> tuple[int, int] | None:
    """The first noun phrase of the clause that is followed by a verb (for "..., adding that")."""
    toks = ctx.tokens
    k = _clause_start(ctx, lo, hi)
    while k < before:
        end = np_right(toks, k, before, appositive=False)
        if end is not None:
            e = end
            while e < before and (toks[e].pos in ("RB", "MD") or toks[e].text == ","):
                if toks[e].text == ",":
                    # skip an appositive or parenthetical clause
                    m = e + 1
                    while m < before and toks[m].text != ",":
                        m += 1
                    e = m + 1 if m < before else e + 1
                    continue
                e += 1
            if e < before and toks[e].pos.startswith("VB"):
                return k, end
            return None
        if toks[k].pos == "IN":
            # skip a fronted prepositional phrase: "In a statement, X said"
            while k < before and toks[k].text != ",":
                k += 1
        k += 1
    return None


def _left_source(ctx: _Ctx, i: int, lo: int) -> tuple[tuple[int, int] | None, int]:
    """Source noun phrase before the cue at i, and the index of the token before that phrase.

    A parenthetical between subject and cue is skipped ("Andrabi, responding to a query, said").
    """
    toks = ctx.tokens
    j = _skip_aux_left(toks, i - 1, lo)
    if j < lo:
        return None, j
    if toks[j].norm in ("and", "but") and any(toks[m].pos.startswith("VB") and not ctx.inq[m]
                                              for m in range(lo, j)):
        # "X did Y and said ...": the subject of the first verb
        subj = _sentence_subject(ctx, lo, ctx.sent_bounds(toks[i].sentence)[1], j)
        return (subj, lo - 1) if subj else (None, j)
    if toks[j].text == ",":
        # "X, a spokesman for Y, said" / "X, who ..., said": find the opening comma
        m = j - 1
        while m >= lo and toks[m].text != "," and j - m < 30:
            if toks[m].text in _CLOSE_MARKS or ctx.inq[m]:
                break
            m -= 1
        if m >= lo and toks[m].text == ",":
            start = np_left(toks, m - 1, lo)
            if start is not None:
                inner = toks[m + 1:j]
                appositive = inner and inner[0].pos in ("DT", "NN", "NNS", "NNP", "JJ", "PRP$", "CD") and \
                    not any(x.pos.startswith("VB") and x.pos not in ("VBN", "VBG") for x in inner)
                relative = inner and inner[0].pos in ("WP", "WDT")
                if appositive or relative:
                    return (start, j), start - 1
                return (start, m), start - 1
        return None, j
    start = np_left(toks, j, lo)
    if start is None:
        return None, j
    return (start, j + 1), start - 1


def _according(ctx: _Ctx, i: int, lo: int, hi: int) -> RawAttribution | None:
    toks = ctx.tokens
    src_end = np_right(toks, i + 2, hi, appositive=False)
    if src_end is None:
        return None
    source = (i + 2, src_end)
    if i - 1 >= lo and toks[i - 1].text == ",":
        span = _trim_span(ctx, _clause_start(ctx, lo, i), i - 1)
        after = _trim_span(ctx, src_end, hi) if src_end < hi and toks[src_end].text == "," else None
        if span is None:
            return None
        content = [span] + ([after] if after and toks[src_end + 1].pos != "VBG" else [])
    else:
        k = src_end
        while k < hi and toks[k].text == ",":
            k += 1
        end = _content_end(ctx, k, hi)
        span = _trim_span(ctx, k, end)
        before = _trim_span(ctx, _clause_start(ctx, lo, i), i) if i > _clause_start(ctx, lo, i) + 1 else None
        if span is None:
            return None
        content = ([before] if before else []) + [span]
    return RawAttribution((i, i + 2), source, content, toks[i].sentence, _ACCORDING, "according to")


def _postposed_source(ctx: _Ctx, i_end: int, hi: int) -> tuple[int, int] | None:
    """Inverted source after the cue: "..., said Rep. Gwen Moore (D-Wis.)."."""
    toks = ctx.tokens
    end = np_right(toks, i_end, hi, appositive=True)
    if end is None:
        return None
    if end < hi and toks[end].text == "," or _rest_is_adjunct(ctx, end, hi):
        return i_end, end
    return None


def _charge_pattern(ctx: _Ctx, i: int, lo: int, hi: int, lemma: str, frame: CueFrame, found=()):
    """"..., a charge the Taliban government denies." -> source "the Taliban government",
    content: the clause before the comma."""
    toks = ctx.tokens
    j = _skip_aux_left(toks, i - 1, lo)
    if j >= lo + 1 and toks[j].norm in ("nor", "or") and toks[j - 1].pos.startswith("VB"):
        j = _skip_aux_left(toks, j - 2, lo)  # "neither confirmed nor denied"
    if j >= lo and toks[j].norm in ("neither", "either"):
        j = _skip_aux_left(toks, j - 1, lo)
    start = np_left(toks, j, lo) if j >= lo else None
    if start is None:
        return None
    m = start - 1
    while m >= lo and toks[m].norm in ("that", "which"):
        m -= 1
    if m < lo or toks[m].norm not in _CHARGE_NOUNS:
        return None
    d = m - 1
    while d >= lo and toks[d].pos in ("DT", "JJ"):
        d -= 1
    if d < lo or toks[d].text != ",":
        return None
    for prev in reversed(found):
        if prev.content and prev.content[-1][1] <= toks[d].start and prev.sentence == toks[i].sentence:
            content = list(prev.content)  # "X says Y, a charge Z denies": Z denies Y
            break
    else:
        span = _trim_span(ctx, _clause_start(ctx, lo, d), d)
        if span is None:
            return None
        content = [span]
    return RawAttribution((i, i + 1), (start, j + 1), content, toks[i].sentence, frame, lemma)


def _by_agent(ctx, i, i_end, lo, hi, frame, lemma, found) -> RawAttribution | None:
    """Passive with an agent: "..., a claim consistently denied by Kabul" / "the plan, criticised by
    the opposition"."""
    toks = ctx.tokens
    end = np_right(toks, i_end + 1, hi, appositive=False)
    if end is None:
        return None
    j = _skip_aux_left(toks, i - 1, lo)
    if j < lo:
        return None
    start = np_left(toks, j, lo)
    if start is None:
        return None
    if toks[j].norm in _CHARGE_NOUNS and start - 1 >= lo and toks[start - 1].text == ",":
        d = start - 1
        content = None
        for prev in reversed(found):
            if prev.content and prev.content[-1][1] <= toks[d].start:
                content = list(prev.content)
                break
        span = _trim_span(ctx, _clause_start(ctx, lo, d), d)
        content = content or ([span] if span else None)
    else:
        span = _trim_span(ctx, start, j + 1)
        content = [span] if span else None
    if not content:
        return None
    return RawAttribution((i, i_end), (i_end + 1, end), content, toks[i].sentence, frame, lemma)


_COLON = CueFrame(":", "C", "speech")


def _colon_pattern(ctx: _Ctx, lo: int, hi: int) -> RawAttribution | None:
    """Headlines and transcripts: "Sanders: Clinton needs to ...", "WALLACE: Let's start ...",
    and "Iran gives 'special importance' to Pakistan ties: Pezeshkian"."""
    toks = ctx.tokens
    k = lo
    while k < hi and toks[k].text in _OPEN_MARKS:
        k += 1
    end = np_right(toks, k, hi, appositive=False)
    if end is not None and end - k <= 6 and end + 3 < hi and toks[end].text == ":" and \
            any(toks[m].pos in PROPER or toks[m].text.isupper() for m in range(k, end)) and not ctx.inq[end]:
        span = _trim_span(ctx, end + 1, hi)
        if span:
            return RawAttribution((end, end + 1), (k, end), [span], toks[lo].sentence, _COLON, ":")
    # "...: Pezeshkian" closing a headline (a paragraph of one sentence, no final stop)
    if hi - lo >= 5 and toks[hi - 1].text not in _FINAL:
        for c in range(hi - 2, max(lo + 2, hi - 5), -1):
            if toks[c].text == ":" and all(toks[m].pos in PROPER for m in range(c + 1, hi)):
                span = _trim_span(ctx, lo, c)
                if span:
                    return RawAttribution((c, c + 1), (c + 1, hi), [span], toks[lo].sentence, _COLON, ":")
                break
    return None


def extract_sentence(ctx: _Ctx, s: int) -> list[RawAttribution]:
    lo, hi = ctx.sent_bounds(s)
    toks = ctx.tokens
    found: list[RawAttribution] = []
    colon = _colon_pattern(ctx, lo, hi)
    if colon is not None:
        found.append(colon)
    i = lo
    while i < hi:
        hit = _cue_at(ctx, i, hi)
        if hit is None:
            i += 1
            continue
        i_end, frame, lemma = hit
        if frame is _ACCORDING:
            raw = _according(ctx, i, lo, hi)
            if raw:
                found.append(raw)
            i = i_end
            continue
        if i_end + 1 < hi and toks[i_end].norm == "by" and toks[i].pos in ("VBN", "VBD"):
            raw = _by_agent(ctx, i, i_end, lo, hi, frame, lemma, found)
            if raw:
                found.append(raw)
            i = i_end
            continue
        if _is_passive_or_nonfinite(toks, i, lo):
            i = i_end
            continue
        raw = _charge_pattern(ctx, i, lo, hi, lemma, frame, found) if "O" in frame.frames or lemma == "deny" else None
        if raw is None:
            raw = _match_cue(ctx, i, i_end, lo, hi, frame, lemma, found)
        if raw is not None:
            found.append(raw)
        i = i_end
    return found


def _match_cue(ctx, i, i_end, lo, hi, frame, lemma, found) -> RawAttribution | None:
    toks = ctx.tokens
    sent = toks[i].sentence
    # participle after a comma: "..., adding that ...", "..., saying ..."
    if toks[i].pos == "VBG":
        prev = i - 1
        start = np_left(toks, prev, lo) if prev >= lo else None
        if start is not None and start - 1 >= lo and toks[start - 1].norm == "with":
            after = _content_after(ctx, i_end, hi, frame)
            if after is None:
                return None
            return RawAttribution((i, i_end), (start, i), after[0], sent, frame, lemma, quote_ids=after[1])
        if prev >= lo and toks[prev].text == "," or prev >= lo and toks[prev].norm in ("while", "after"):
            after = _content_after(ctx, i_end, hi, frame)
            if after is None:
                return None
            source = found[-1].source if found and found[-1].source else _sentence_subject(ctx, lo, hi, i)
            if source is None:
                return None
            return RawAttribution((i, i_end), source, after[0], sent, frame, lemma, quote_ids=after[1])
        return None
    source, before_src = _left_source(ctx, i, lo)
    after = _content_after(ctx, i_end, hi, frame)
    if source is not None:
        if after is not None and (not _rest_is_adjunct(ctx, i_end, hi) or "O" in frame.frames or after[1]):
            raw = RawAttribution((i, i_end), source, after[0], sent, frame, lemma, quote_ids=after[1])
            # "...," he said, "..." : the part before the source belongs to the same quote
            if after[1] and before_src >= lo and toks[before_src].text in _CLOSE_MARKS + ",":
                prior = _content_before(ctx, before_src, lo)
                if prior and prior[1]:
                    raw.content = prior[0] + raw.content
                    raw.quote_ids = prior[1] + raw.quote_ids
                    raw.postposed = True
            return raw
        # postposed: "...," he said. / ..., officials said on Tuesday.
        if "C" in frame.frames and before_src >= lo and (
                toks[before_src].text in _CLOSE_MARKS + "," or toks[before_src].text in _DASHES):
            prior = _content_before(ctx, before_src, lo)
            if prior:
                return RawAttribution((i, i_end), source, prior[0], sent, frame, lemma, postposed=True,
                                      quote_ids=prior[1])
        # "He said:" closing a sentence; a quotation follows in the next sentence
        if i_end < hi and toks[i_end].text == ":" and i_end + 1 >= hi - 0:
            return RawAttribution((i, i_end), source, [], sent, frame, lemma)
        if i_end < hi and toks[i_end].text == ":" and after is None:
            return RawAttribution((i, i_end), source, [], sent, frame, lemma)
        # the sentence opens with a quotation that ends the previous sentence: "“...” he said."
        if before_src < lo and "C" in frame.frames and _rest_is_adjunct(ctx, i_end, hi) and s_prev_quote(ctx, lo):
            qi = s_prev_quote(ctx, lo)
            q = ctx.quotes[qi]
            return RawAttribution((i, i_end), source, [(q.start, q.end)], sent, frame, lemma,
                                  postposed=True, quote_ids=[qi])
        return None
    # inverted: "...," said X.
    j = _skip_aux_left(toks, i - 1, lo)
    if "C" in frame.frames and j >= lo and (toks[j].text in _CLOSE_MARKS + ","):
        src = _postposed_source(ctx, i_end, hi)
        if src is not None:
            prior = _content_before(ctx, j, lo)
            if prior:
                return RawAttribution((i, i_end), src, prior[0], sent, frame, lemma, postposed=True,
                                      quote_ids=prior[1])
    return None


def s_prev_quote(ctx: _Ctx, lo: int) -> int | None:
    """A quotation that ends right where this sentence starts (the cue follows it)."""
    toks = ctx.tokens
    if lo == 0:
        return None
    first = toks[lo]
    q_end = toks[lo - 1].end
    qi = ctx.quote_of_end.get(q_end)
    if qi is not None and first.start - q_end <= 2:
        return qi
    return None


def _continuations(ctx: _Ctx, raws: list[RawAttribution]) -> None:
    """Attach quotations with no cue of their own to the attribution they continue.

    A quotation continues the previous direct attribution when it follows it in the same paragraph,
    or opens the next paragraph(s) with no other words (the news convention for long quotes).
    A "he said:" with no content takes the quotation that follows it.
    """
    doc = ctx.doc
    used = {qi for r in raws for qi in r.quote_ids}
    cue_sentences = {r.sentence for r in raws}
    last: RawAttribution | None = None
    for qi, q in enumerate(ctx.quotes):
        # the attribution right before this quote
        prior = [r for r in raws if r.content and r.content[-1][1] <= q.start or
                 not r.content and ctx.tokens[r.cue[0]].start < q.start]
        if qi in used:
            continue
        if not prior:
            continue
        last = max(prior, key=lambda r: (r.content[-1][1] if r.content else ctx.tokens[r.cue[1] - 1].end))
        last_end = last.content[-1][1] if last.content else ctx.tokens[last.cue[1] - 1].end
        q_sent = _sentence_of(doc, q.start)
        if q_sent is None or q_sent in cue_sentences and not last.content == []:
            continue
        p_last = doc.sentences[_sentence_of(doc, last_end - 1)].paragraph
        p_q = doc.sentences[q_sent].paragraph
        att_end = max(last_end, ctx.tokens[last.cue[1] - 1].end,
                      ctx.tokens[last.source[1] - 1].end if last.source else 0)
        if att_end <= q.start:
            # after "...," Andrabi told Dawn. the next quotation goes on with the same speaker
            sent_end = doc.sentences[last.sentence].end
            between = doc.text[max(att_end, sent_end):q.start] if _rest_is_adjunct(
                ctx, last.cue[1], ctx.sent_bounds(last.sentence)[1]) else doc.text[att_end:q.start]
        else:
            between = doc.text[last_end:q.start]
        only_space = not any(c.isalnum() for c in between)
        same_para = p_last == p_q and (only_space or not last.content)
        next_para = p_q == p_last + 1 and only_space
        if not (last.quote_ids or not last.content):
            continue
        if (same_para or next_para) and q.words >= 3:
            last.content.append((q.start, q.end))
            last.quote_ids.append(qi)
            used.add(qi)
            cue_sentences.add(q_sent)


def _sentence_of(doc, offset: int) -> int | None:
    lo, hi = 0, len(doc.sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = doc.sentences[mid]
        if offset < s.start:
            hi = mid - 1
        elif offset >= s.end:
            lo = mid + 1
        else:
            return mid
    return None


def extract(doc, data: AttributionData) -> tuple[list[RawAttribution], "_Ctx"]:
    """All attributions of a document, in text order, with the context used (for quotes)."""
    ctx = _Ctx(doc, data)
    raws: list[RawAttribution] = []
    for s in range(len(doc.sentences)):
        raws.extend(extract_sentence(ctx, s))
    _continuations(ctx, raws)
    raws = [r for r in raws if r.content]
    raws.sort(key=lambda r: (ctx.tokens[r.cue[0]].start, r.cue[1]))
    return raws, ctx
