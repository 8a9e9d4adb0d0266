"""Initiator framing: whom an outlet casts as having started the fight, and whom as answering it.

"an unprovoked attack by X", "X's aggression", "clashes instigated by X", "after X attacked" cast X
as the initiator; "Y's retaliatory strikes", "Y struck in response to ..." cast Y as the responder.
The cue words live in lexicons/gazetteer/initiator_cues.tsv; the doers come from the agency events
found for the same article, so a cue on an action whose doer is hidden still counts (with no actor).
"""
from __future__ import annotations

from bisect import bisect_left

from ..text.columns import columns
from ..model.actors import InitiatorFrame
from ..model.core import Span, SpanCover
from .tokenflags import token_flags


_NONE: frozenset = frozenset()


_CUE_TABLES: dict = {}  # id(gazetteer) -> (its initiator_cues, their tables)


def _cue_tables(gaz) -> tuple:
    """(cues by type, cues by (type, first word), first words, word -> cue types, cue -> words) of
    a gazetteer's initiator cues: built once per cue table, not once per article."""
    got = _CUE_TABLES.get(id(gaz))
    if got is not None and got[0] is gaz.initiator_cues:
        return got[1]
    cues = {}
    for c in gaz.initiator_cues:
        cues.setdefault(c.type, []).append(c)
    first = {}  # (type, first word) -> cues: only a few cues are tried at each token
    for c in gaz.initiator_cues:
        first.setdefault((c.type, c.cue.split()[0]), []).append(c)
    # Every rule starts at a token whose word or lemma starts a cue: other tokens are skipped.
    heads = frozenset(w for _, w in first)
    # word -> the cue types it can start: a token's rule blocks run only for its types (the
    # others would loop over no cues; calling them for every head token was a good share here)
    word_types: dict[str, set] = {}
    for ctype, w in first:
        word_types.setdefault(w, set()).add(ctype)
    word_types = {w: frozenset(ts) for w, ts in word_types.items()}
    words = {c.cue: tuple(c.cue.split()) for c in gaz.initiator_cues}  # cue -> its words
    # A cue of one word can match on its own; a longer one only where the next token is its
    # second word ("in" starts cues only as "in response to", "in retaliation for" ...).
    singles = frozenset(w[0] for w in words.values() if len(w) == 1)
    seconds: dict[str, set] = {}
    for w in words.values():
        if len(w) > 1:
            seconds.setdefault(w[0], set()).add(w[1])
    tables = (cues, first, heads, word_types, words, singles, seconds)
    if len(_CUE_TABLES) > 8:
        _CUE_TABLES.clear()
    _CUE_TABLES[id(gaz)] = (gaz.initiator_cues, tables)
    return tables


class InitiatorFinder:
    def __init__(self, doc, gaz, agency_finder, records, attributions=()):
        self.doc = doc
        self.gaz = gaz
        self.af = agency_finder
        self.toks = doc.tokens
        self.records = records
        self.by_tok = {}
        for r in records:
            for k in range(r.tok_start, r.tok_end):
                self.by_tok.setdefault(k, r)
        self.content_spans = []
        for a in attributions or ():
            for c in getattr(a, "content", ()) or ():
                self.content_spans.append((c.start, c.end))
        self._content = SpanCover(self.content_spans)  # `_voice`: is a token inside one
        self.cues, self.first, self.heads, self._word_types, self._words, singles, seconds = \
            _cue_tables(gaz)
        # The tokens whose word or lemma starts a cue, found once (at C speed) for both passes
        # (the INITIATOR bit of the token flags: the word or lemma is in tokenflags.initiator_heads,
        # the same set as self.heads), less those that start only longer cues and are not followed
        # by a second word of one: no rule can match there (most are a plain "in" or "as").
        toks = self.toks
        flags = token_flags(doc, gaz)
        cols = columns(doc)
        norms, lemmas = cols.norms, cols.lemmas
        last = len(norms) - 1
        head_index = []
        for i in flags.initiator:  # the INITIATOR bit
            norm, lemma = norms[i], lemmas[i]
            if norm in singles or lemma in singles:
                head_index.append(i)
            elif i < last:
                nxt_norm, nxt_lemma = norms[i + 1], lemmas[i + 1]
                for w in (norm, lemma):
                    second = seconds.get(w)
                    if second is not None and (nxt_norm in second or nxt_lemma in second):
                        head_index.append(i)
                        break
        self.head_index = head_index
        self.in_purpose = set()
        for i in self.head_index:
            if "purpose" not in self._types(toks[i]):
                continue
            for c, n in self._phrases("purpose", i):
                self.in_purpose.update(range(i, i + n))

    def _voice(self, tok_index):
        t = self.toks[tok_index]
        if t.in_quote:
            return "quoted"
        if self._content.covers(t.start, t.start + 1):  # some span has s <= t.start < e
            return "attributed"
        return "narrator"

    def _span(self, r):
        if not r:
            return None
        return Span(self.toks[r[0]].start, self.toks[r[1] - 1].end)

    def _actor(self, r):
        if not r:
            return ""
        m = self.af._mention_in(*r)
        if m is not None:
            return m.actor_id
        e = self.af._demonym_at(r[0])
        return self.gaz.actor_id(e.id) if e is not None else ""

    def _frame(self, a, b, cue, ctype, init=None, resp=None):
        text = self.doc.text
        s, e = self.toks[a].start, self.toks[b - 1].end
        ispan, rspan = self._span(init), self._span(resp)
        return InitiatorFrame(
            start=s, end=e, cue=text[s:e], cue_type=ctype,
            initiator=ispan, initiator_text=text[ispan.start:ispan.end] if ispan else "",
            initiator_actor=self._actor(init),
            responder=rspan, responder_text=text[rspan.start:rspan.end] if rspan else "",
            responder_actor=self._actor(resp),
            voice=self._voice(a), sentence=self.toks[a].sentence)

    def _types(self, t) -> frozenset:
        """The cue types whose first word is the token's word or lemma (what _cands can find)."""
        wt = self._word_types
        got = wt.get(t.norm, _NONE)
        if t.lemma != t.norm:
            got = got | wt.get(t.lemma, _NONE)
        return got

    def _cands(self, ctype, t):
        out = self.first.get((ctype, t.norm), [])
        if t.lemma != t.norm:
            out = out + self.first.get((ctype, t.lemma), [])
        return out

    def _phrases(self, ctype, i) -> list:
        """(cue, length) of the cues of one type that start at token i, in _cands order.

        A cue matches where each of its words equals the token's word or lemma. The first word
        matched already (that is how _cands picks cues) and the rest are compared inline: common
        words such as "in" start many cues, and a call per cue per token was a good part of this
        module's time.
        """
        toks = self.toks
        t = toks[i]
        out = []
        for c in self._cands(ctype, t):
            words = self._words[c.cue]
            n = len(words)
            if i + n > len(toks):
                continue
            for k in range(1, n):
                u = toks[i + k]
                if words[k] != u.norm and words[k] != u.lemma:
                    break
            else:
                if n:
                    out.append((c, n))
        return out

    def _event_near(self, i, a, b, before=True, violence_only=True):
        """The agency event nearest token i in the sentence, on one side."""
        rng = range(i - 1, a - 1, -1) if before else range(i, b)
        for k in rng:
            r = self.by_tok.get(k)
            if r is not None and (not violence_only or r.cls in ("violence", "casualty")):
                return r
        return None

    def find(self) -> tuple[InitiatorFrame, ...]:
        frames = []
        seen = set()
        heads = self.head_index  # only where a cue can start (_at would find nothing elsewhere)
        for s in self.doc.sentences:
            a, b = s.token_start, s.token_end
            for p in range(bisect_left(heads, a), bisect_left(heads, b)):
                i = heads[p]
                for f in self._at(i, a, b):
                    key = (f.start, f.end, f.cue_type)
                    if key not in seen:
                        seen.add(key)
                        frames.append(f)
        frames.sort(key=lambda f: (f.start, f.end))
        return tuple(frames)

    def _at(self, i, a, b):
        t = self.toks[i]
        out = []
        types = self._types(t)  # blocks for other types would find no cue here
        # modifier on an action noun: "unprovoked attack", "retaliatory strikes"
        for c in (self._cands("modifier", t) if "modifier" in types else ()):
            if t.norm == c.cue:
                for k in range(i + 1, min(b, i + 3)):
                    r = self.by_tok.get(k)
                    if r is not None and r.construction == "nominalisation":
                        out.append(self._cast(i, i + 1, c, r.agent))
                        break
                else:
                    # predicative: "Kabul claimed the attack was retaliatory"
                    j = i - 1
                    while j > a and self.toks[j].pos in ("RB", "RBR"):
                        j -= 1
                    if j > a and self.toks[j].lemma == "be":
                        r = self._event_near(j, a, b, before=True)
                        if r is not None:
                            out.append(self._cast(i, i + 1, c, r.agent))
        # an action noun that says who started or answered: "aggression", "retaliation"
        in_purpose = i in self.in_purpose
        for c in (self._cands("noun", t) if "noun" in types else ()):
            if (t.lemma == c.cue or t.norm == c.cue) and not in_purpose:
                r = self.by_tok.get(i)
                agent = r.agent if r is not None else self.af._premodifier_agent(i, a)
                out.append(self._cast(i, i + 1, c, agent))
        # purpose: "in retaliation for X", "in response to X"
        for c, n in (self._phrases("purpose", i) if "purpose" in types else ()):
            if n:
                obj = self.af._np_right(i + n, b)
                init = None
                if obj is not None:
                    r = self.by_tok.get(obj[0]) or next((self.by_tok.get(k) for k in range(*obj)
                                                         if self.by_tok.get(k)), None)
                    init = r.agent if r is not None and r.agent else (
                        obj if self.af._mention_in(*obj) is not None else None)
                main = self._event_near(i, a, b, before=True)
                obj_violent = obj is not None and any(
                    self.by_tok.get(k) is not None and self.by_tok[k].cls in ("violence", "casualty")
                    for k in range(*obj))
                if main is None and not obj_violent:
                    continue  # "responding to a query" is not answering a fight
                resp = main.agent if main is not None else None
                if resp is None and t.pos.startswith("VB"):
                    resp = self.af._np_left(i, a)
                out.append(self._frame(i, i + n, c.cue, "purpose", init=init, resp=resp))
        # temporal: "after X attacked", "following X's attack"
        for c, n in (self._phrases("temporal", i) if "temporal" in types else ()):
            if n and t.pos in ("IN", "VBG"):
                after = self._event_near(i + n, a, min(b, i + n + 14), before=False, violence_only=False)
                if after is None or after.agent is None or after.cls not in ("violence", "casualty"):
                    continue
                main = self._event_near(i, a, b, before=True)
                resp = main.agent if main is not None and not main.reciprocal else None
                out.append(self._frame(i, i + n, c.cue, "temporal", init=after.agent, resp=resp))
        # passive with "by": "instigated by X", "provoked by X"
        for c in (self._cands("by_passive", t) if "by_passive" in types else ()):
            if t.lemma == c.cue and t.pos.startswith("VB") and i + 1 < b and self.toks[i + 1].norm == "by":
                init = self.af._np_right(i + 2, b)
                out.append(self._frame(i, i + 2, c.cue, "by_passive", init=init))
        # active verb: "X started the war", "Y retaliated"
        for c, n in (self._phrases("verb", i) if "verb" in types else ()):
            if not n or not t.pos.startswith("VB") or (i + n < b and self.toks[i + n].norm == "by"):
                continue
            if self.af._aux_before(i, a) is not None and t.pos in ("VBN", "VBD"):
                continue  # passive: handled as by_passive
            subj = self.af._np_left(i, a)
            if subj is None:
                continue
            if c.casts == "initiator":
                obj = self.af._np_right(i + n, b)
                if obj is None or not any(self.by_tok.get(k) is not None and self.by_tok[k].cls == "violence"
                                          for k in range(*obj)):
                    continue  # "started talks" is not starting a fight
                out.append(self._frame(i, i + n, c.cue, "verb", init=subj))
            else:
                out.append(self._frame(i, i + n, c.cue, "verb", resp=subj))
        return out

    def _cast(self, a, b, cue, agent):
        if cue.casts == "initiator":
            return self._frame(a, b, cue.cue, cue.type, init=agent)
        return self._frame(a, b, cue.cue, cue.type, resp=agent)


def find_initiator_frames(doc, gaz, agency_finder, records, attributions=()):
    return InitiatorFinder(doc, gaz, agency_finder, records, attributions).find()
