"""Figures and dates of one article, each with what it refers to and who says so.

A figure is a number with what it counts: the first counted noun after it ("more than 200 Afghan
Taliban and affiliated militants" -> militant), through adjectives, names and "and"; nouns listed
in data/compare/counted.tsv map to a class ("troops" -> soldier), other nouns count as themselves.
Numbers that count nothing (page numbers, scores, bare years) are left out. The outcome ("killed",
"injured") is the nearest outcome word in the same clause. Durations ("four-day negotiations",
"after five days") and counts of rounds or occasions also record the event they are about.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import ArticleAnalysis
from ..model.comparison import DateMention, EventMention, FigureMention
from .credit import Crediter
from .data import counted, measure_nouns, months, outcomes, weekdays
from .dates import find_dates, reference_date, resolve
from .events import EventHit, find_events, link_span
from .numbers import find_numbers
from .units import clause_cuts

OUTCOME_WINDOW = 12
COUNTED_LOOKAHEAD = 5
EVENT_WINDOW = 8  # tokens between a duration or count of rounds and the event it is about
_SKIP_POS = ("JJ", "JJR", "JJS", "NNP", "NNPS", "VBN", "CD", "RB")
_SKIP_WORDS = {"and", "of", "the", "other", "more", "-", "'s", "their", "its", "his", "her", "our"}
EVENT_CLASSES = {"duration", "round", "occasion"}
_ONE_UNIT = {"a", "an", "half"}  # "a week", "half a day": compared only where sentences state one fact


@dataclass(frozen=True)
class ArticleFacts:
    figures: tuple[FigureMention, ...]
    dates: tuple[DateMention, ...]
    events: tuple[EventMention, ...]
    date_confidence: dict  # mention id -> confidence of its event link
    figure_confidence: dict
    figure_days: dict  # mention id -> (low, high) in days for durations
    date_ordinals: dict  # mention id -> ordinal
    repeatable: dict  # mention id -> the linked event is one a story usually has several of


def clause_of(clauses, k):
    """The clause (a token range of `clause_cuts`) that holds token k: a figure's or a date's
    context, shared by the mentions and the facts' speaker check."""
    for a, b in clauses:
        if a <= k < b:
            return a, b
    return clauses[-1] if clauses else (k, k + 1)


def _counted_after(doc, a: int, hi: int, plural: bool = False):
    """(token index, lemma) of the noun a number counts, or None. `plural`: the number is more
    than one."""
    table = counted()
    measure = measure_nouns()
    toks = doc.tokens
    j = a
    steps = 0
    while j < hi and steps < COUNTED_LOOKAHEAD:
        t = toks[j]
        lemma = t.lemma.lower()
        if t.pos == "NN" and lemma in measure and j + 1 < hi and toks[j + 1].pos in ("NN", "NNS"):
            return j, lemma  # "a 300 page report" counts pages (data/compare/measure_nouns.txt)
        if t.pos in ("NN", "NNS") and t.norm not in _SKIP_WORDS:
            # a noun compound counts its last noun: "12 police officers" -> officers
            while j + 1 < hi and toks[j + 1].pos in ("NN", "NNS") and toks[j + 1].is_word:
                j += 1
            if toks[j].pos == "NN" and plural:
                # a singular noun after a plural count modifies a later plural one: "more than
                # 600 state legislative seats" counts seats
                for m in range(j + 1, min(hi, j + 4)):
                    if toks[m].pos == "NNS" and toks[m].is_word:
                        j = m
                        break
                    if toks[m].pos not in ("JJ", "NN", "VBN") or not toks[m].is_word:
                        break
            lemma = toks[j].lemma.lower()
            if lemma not in table and toks[j].norm in table:
                lemma = toks[j].norm
            return j, lemma
        if lemma in table or t.norm in table:
            return j, (lemma if lemma in table else t.norm)
        if t.pos in _SKIP_POS or t.norm in _SKIP_WORDS or (len(t.text) > 1 and t.text.isupper()):
            j += 1  # all-capital words are names ("US", "EU"), whatever the tagger said
            steps += 1
            continue
        return None
    return None


def _counted_before(doc, a: int, lo: int):
    """"the death toll rose to 45": a listed counted noun shortly before the number."""
    table = counted()
    toks = doc.tokens
    for j in range(a - 1, max(lo, a - 5) - 1, -1):
        lemma = toks[j].lemma.lower()
        if lemma in table and toks[j].pos.startswith("NN"):
            return j, lemma
        if toks[j].norm in (",", ";", ".") or toks[j].pos == "CD":
            return None
    return None


#: Determiners after the "of" of a partitive, before the whole a part is taken from: "(21) of the
#: 50 states", "Of these candidates, ..." (here and in facts._partitive_whole).
PARTITIVE_DET = frozenset({"the", "these", "those", "its", "their", "all"})


def _counted_partitive(doc, a: int, lo: int):
    """"Of the 50 states, 21 have ...": a number that opens a clause after a fronted partitive
    counts that phrase's noun. The phrase must start the sentence or follow a comma."""
    toks = doc.tokens
    if a - 1 <= lo or toks[a - 1].norm != ",":
        return None
    head = a - 2
    if toks[head].pos not in ("NNS", "NNPS"):
        return None
    for j in range(head - 1, max(lo, head - 6) - 1, -1):
        if toks[j].norm == "of" and j + 1 < head and toks[j + 1].norm in PARTITIVE_DET:
            if j == lo or toks[j - 1].norm in (",", ";", ":"):
                return head, toks[head].lemma.lower()
            return None
        if toks[j].norm in (",", ";", ".") or toks[j].pos.startswith("VB"):
            return None
    return None


MAX_AGE = 120


def _appositive_age(doc, num, lo: int, hi: int):
    """"Pugh, 69, resigned in May": a whole number set off by commas right after a capitalised
    name is that person's age. -> (token index of the name, "age") or None. Not a list of numbers
    ("sections 3, 4, 5") nor a sum or a count ("Texas, 1,200 miles")."""
    toks = doc.tokens
    a, b = num.tok_start, num.tok_end
    if (num.qualifier or a != num.num_start or b - a != 1 or not toks[a].text.isdigit()
            or not 1 <= num.value <= MAX_AGE or a - 2 < lo or b + 1 >= hi):
        return None
    name, before, after = toks[a - 2], toks[a - 1], toks[b]
    if before.norm != "," or after.norm != "," or not name.is_word or not name.text[:1].isupper():
        return None
    if name.norm.rstrip(".") in months() or name.norm.rstrip(".") in weekdays():
        return None  # "In March, 12 ..."
    if toks[b + 1].pos == "CD" or (a - 3 >= lo and toks[a - 3].pos == "CD"):
        return None
    return a - 2, "age"


def _outcome(doc, a: int, b: int, clause) -> str:
    table = outcomes()
    best = None
    lo, hi = clause
    for j in range(max(lo, a - OUTCOME_WINDOW), min(hi, b + OUTCOME_WINDOW)):
        if a <= j < b:
            continue
        t = doc.tokens[j]
        o = table.get(t.lemma.lower()) or table.get(t.norm)
        if o:
            dist = a - j if j < a else j - b
            if best is None or dist < best[0]:
                best = (dist, o)
    return best[1] if best else ""


def _nearest_event(hits: list[EventHit], a: int, b: int) -> EventHit | None:
    """The event word nearest to tokens [a, b), at most EVENT_WINDOW tokens away."""
    best = None
    for h in hits:
        dist = a - h.tok_end if h.tok_end <= a else h.tok_start - b
        if dist < 0:
            dist = 0
        if dist > EVENT_WINDOW:
            continue  # "after more than seven years of wrestling ..., will win the White House"
        if best is None or (dist, h.tok_start) < best[0]:
            best = ((dist, h.tok_start), h)
    return best[1] if best else None


def article_facts(analysis: ArticleAnalysis, fig_counter: list[int], date_counter: list[int]) -> ArticleFacts:
    """Figures and dates of one article. Counters give story-wide ids ("f1", "d1")."""
    doc = analysis.doc
    art = analysis.article
    text = doc.text
    toks = doc.tokens
    crediter = Crediter(analysis)
    raw_dates = find_dates(doc)
    ref, ref_kind, text_year = reference_date(doc, raw_dates)
    date_tokens: set[int] = set()
    for d in raw_dates:
        date_tokens.update(range(d.tok_start, d.tok_end))
    dates_by_sentence: dict[int, list] = {}
    for d in raw_dates:
        dates_by_sentence.setdefault(toks[d.tok_start].sentence, []).append(d)
    table = counted()
    figures: list[FigureMention] = []
    out_dates: list[DateMention] = []
    date_conf, fig_conf, fig_days, ordinals_, repeatable = {}, {}, {}, {}, {}
    events: list[EventMention] = []
    for si, s in enumerate(doc.sentences):
        lo, hi = s.token_start, s.token_end
        hits = find_events(doc, lo, hi)
        for h in hits:
            e_start, e_end = toks[h.tok_start].start, toks[h.tok_end - 1].end
            events.append(EventMention(art.id, art.outlet, e_start, e_end, text[e_start:e_end], h.event,
                                       h.ordinal, si, doc.quote_at(e_start) is not None))
        numbers = find_numbers(toks, lo, hi, date_tokens)
        if not numbers and si not in dates_by_sentence:
            continue
        clauses = clause_cuts(doc, si)
        for d in dates_by_sentence.get(si, ()):
            iso, resolved, used = resolve(d, ref, ref_kind, text_year)
            clause = clause_of(clauses, d.tok_start)
            links = link_span(doc, d.tok_start, d.tok_end, clause, hits)
            weekday = ""
            if d.kind == "weekday":
                weekday = toks[d.tok_end - 1].norm.rstrip(".")
            attributed = crediter.credit(d.start, d.end, si, clause)
            in_quote = doc.quote_at(d.start) is not None
            for link in links or [None]:
                date_counter[0] += 1
                mid = f"d{date_counter[0]}"
                hit = link.hit if link else None
                out_dates.append(DateMention(
                    id=mid, article_id=art.id, outlet=art.outlet, start=d.start, end=d.end,
                    text=text[d.start:d.end], kind=d.kind, iso=iso, weekday=weekday,
                    resolved=resolved, reference=used,
                    event=hit.event if hit else "",
                    event_text=text[toks[hit.tok_start].start:toks[hit.tok_end - 1].end] if hit else "",
                    event_start=toks[hit.tok_start].start if hit else -1,
                    event_end=toks[hit.tok_end - 1].end if hit else -1,
                    link=link.link if link else "", phase=link.phase if link else "",
                    ordinal=hit.ordinal if hit else 0, sentence=si, in_quote=in_quote,
                    attributed=attributed))
                date_conf[mid] = link.confidence if link else ""
                ordinals_[mid] = hit.ordinal if hit else 0
                repeatable[mid] = hit.repeatable if hit else False
        for num in numbers:
            a, b = num.tok_start, num.tok_end
            found = None
            if num.unit == "%":
                found = (b - 1, "%")
            elif num.unit.isdigit():
                found = (num.num_start, "tally")  # "a 7-2 decision", "leads 49-42": votes, scores
            elif num.unit:
                if num.unit not in table:
                    continue  # "Pak-Afghan"-like compounds that are not counts
                found = (num.num_start, num.unit)
            else:
                found = (_counted_after(doc, b, hi, num.value > 1 and not num.unit)
                         or _counted_before(doc, num.num_start, lo)
                         or _counted_partitive(doc, num.num_start, lo))
            if found is None and not num.unit and not num.currency:
                found = _appositive_age(doc, num, lo, hi)
            if found is None and num.currency:
                found = (num.num_start, "money")  # "$130,000 in hush money": a sum, whatever follows
            if found is None:
                continue
            k, lemma = found
            if crediter.counts_unnamed_sources(toks[a].start, toks[b - 1].end, lemma, num.value):
                continue  # "Two U.S. officials said": how many sources speak
            if num.bare_year and lemma not in table:
                continue
            if toks[num.num_start].norm == "one" and not (k == b or k == b + 1) and num.unit != "%":
                continue  # "one of the", "no one": not a count
            if (num.value <= 3 and not toks[num.num_start].text[0].isdigit() and num.num_start > lo
                    and toks[num.num_start - 1].norm in ("the", "both", "these", "those", "all")):
                continue  # "the two sides", "the two leaders": a reference, not a count
            entry = table.get(lemma)
            cls = entry.cls if entry else lemma
            if num.currency:
                cls = "money"
            clause = clause_of(clauses, num.num_start)
            outcome = (entry.outcome if entry and entry.outcome else "") or _outcome(doc, a, b, clause)
            one_unit = toks[num.num_start].norm in _ONE_UNIT
            if (cls in EVENT_CLASSES or (entry and entry.days)) and not one_unit:
                ev = _nearest_event(hits, a, b)
            else:
                ev = None  # "a week later", "a year ago": mostly time since something, not a length
            low, high = num.low, num.high
            if b < hi and toks[b].norm == "other" and low == high >= 0:
                high = low + 1  # "13 other candidates" and the one named: 14 in all, or 13
            start, end = toks[a].start, toks[b - 1].end
            c_start, c_end = toks[k].start, toks[k].end
            fig_counter[0] += 1
            mid = f"f{fig_counter[0]}"
            figures.append(FigureMention(
                id=mid, article_id=art.id, outlet=art.outlet, start=start, end=end,
                text=text[start:end], value=num.value, low=low, high=high,
                qualifier=num.qualifier, counted=cls, counted_text=text[c_start:c_end],
                counted_start=c_start, counted_end=c_end, outcome=outcome,
                event=ev.event if ev else "", sentence=si,
                in_quote=doc.quote_at(start) is not None,
                attributed=crediter.credit(start, end, si, clause)))
            if cls in EVENT_CLASSES or (entry and entry.days):
                near = ev is not None and min(abs(ev.tok_start - b), abs(a - ev.tok_end)) <= 3
                fig_conf[mid] = "high" if near else "medium"
            else:
                fig_conf[mid] = "high" if entry and outcome else "medium"
            if entry and entry.days:
                lo_d = low * entry.days if low >= 0 else -1.0
                hi_d = high * entry.days if high >= 0 else -1.0
                fig_days[mid] = (lo_d, hi_d)
    return ArticleFacts(tuple(figures), tuple(out_dates), tuple(events), date_conf, fig_conf, fig_days,
                        ordinals_, repeatable)
