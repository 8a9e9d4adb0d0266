"""Match figures and dates across outlets by what they refer to, and flag the ones that disagree.

Dates are matched by the event they date (data/compare/events.tsv): two mentions are comparable
when they come from different outlets, name the same event, their phases do not contradict ("began"
vs "ended" are different facts; an unknown phase fits any), and their ordinals do not differ
("second round" vs "third round"). Events a story usually has several of (meetings, attacks,
rounds of talks: `repeatable` in events.tsv) are only matched when both mentions carry the same
ordinal. Comparable mentions form a group (connected components); a group disagrees when two
outlets have comparable mentions and none of their pairs agree.

Date values: full dates agree when equal; a date without a year agrees with any year; a month
("in October") agrees with any day in it; unresolved weekdays are compared by name only (low
confidence).

Figures are matched by what they count and what happened to it ("soldier killed", "militant
killed"), or, for durations, rounds and occasions, by the event ("duration of the talks", compared
in days). Each figure is a range (qualifiers, vague numbers), and two figures agree when their
ranges overlap: "more than 200" fits "200"; "12" does not fit "15". Counts with no outcome and no
event ("23 soldiers") are not matched: there is nothing to say they are the same 23.

Confidence of a disagreement: the weaker of the two mentions' link confidence (mentions.py,
events.py), capped at "low" for weekday names compared without dates.

Figures and dates in sentences the alignment says carry the same fact (`Context`: the units of one
claim, an omission and the closest wording the other side has, or two units each other's best
match; see story.fact_contexts) are also compared, whatever
they count or date: most news is not about killings and ceasefires, and two outlets wording one
fact often give the same figures and days. There, figures that count the same thing are
comparable; where one sentence holds two figures of a kind, a pair is only taken when its values
are the same exact number ("some 45 percent ... 44 percent" is not matched with "48 percent").
Dates there are only matched when they agree: on hand-labelled AllSides stories
(docs/accuracy_compare.md) each of the 6 date disagreements this found was two dates of different
events in sentences about one fact ("announced Monday" / "sent the letter on Friday"). Mentions
already matched by event or outcome are left to those groups.

Before the contexts, figures are also compared by what they count alone, across sentences the
alignment keeps apart ("ruled 6-3" / "a 7-2 Supreme Court majority"), when each outlet gives one
value for that thing and the sentences share two nouns (_noun_results); equal exact figures pair
up as agreeing (_same_value_results). Where the link is that weak (a context, a counted noun),
figures more than FAR_APART times apart are different quantities, not a disagreement. A year
alone ("the 2016 election") is matched only when the years agree. A group in which one outlet
itself gives clashing values covers several quantities: its disagreements are "low".

Last, equal dates left over pair up when their sentences share three nouns or names, or join the
agreeing group of an equal date they meet so (_same_date_results), and an age set off by commas
after a name ("Pugh, 69,") is matched by that name. A week ("last week") agrees with the days,
months and weeks it shares a day with; it is compared only with weeks in one fact's sentences,
never by event or by shared words.
"""
from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass

from ..model import ArticleAnalysis
from ..model.comparison import DateMention, Disagreement, FactGroup, FactSide, FigureMention
from .data import months, number_words, reporting_verbs, stop_words, weekdays
from .events import governing_verb
from .mentions import EVENT_CLASSES, PARTITIVE_DET, ArticleFacts, clause_of
from .units import clause_cuts


@dataclass(frozen=True)
class Context:
    """Units the alignment says carry one fact: where their figures and dates are comparable."""

    key: str  # "c004" (a claim), "c017~" (an omission and its closest wording), "u12~u40" (two units)
    label: str  # how the fact is worded, for the group's label
    spans: tuple[tuple[str, int, int], ...]  # (article id, start, end) of each unit
    confidence: str  # of its groups' links (story.fact_contexts gives "low")


_RANK = {"high": 2, "medium": 1, "low": 0, "": 0}
_NAMES = {2: "high", 1: "medium", 0: "low"}
_PHASE_WORDS = {"start": "began", "end": "ended", "agree": "was agreed", "schedule": "is scheduled",
                "held": "was held", "resume": "resumed", "violate": "was violated",
                "extend": "was extended", "issue": "was issued"}


def _date_value(d: DateMention):
    """('day', year|0, month, day) | ('month', year|0, month, first day, last day) | ('year', year)
    | ('weekday', name) | ('week', Monday, Sunday) | None. A month's days are 1-31, or a part of it
    ("mid-April": 11-20).

    A year taken from elsewhere in an undated article ("text_year": the article says "Dec. 6,
    2016" somewhere, so "in May" became May 2016) is a guess, not the writer's: it is dropped, so
    "May" agrees with May of any year (a labelled AllSides story had "May 2016" against "May 2019"
    for one resignation)."""
    iso = d.iso
    if d.kind == "weekday" and not d.resolved:
        return ("weekday", d.weekday)
    if not iso:
        return None
    if "-W" in iso:  # "this week", "last week": its Monday and Sunday
        monday = _dt.date.fromisocalendar(int(iso[:4]), int(iso[6:]), 1)
        return ("week", monday, monday + _dt.timedelta(days=6))
    if d.reference == "text_year" and not iso.startswith("--"):
        iso = "--" + iso[5:]  # "2016-05" -> "--05", "2016-05-14" -> "--05-14"
    days = _PART_DAYS.get(d.text.split("-", 1)[0].lower(), (1, 31)) if "-" in d.text else (1, 31)
    if iso.startswith("--"):
        parts = iso[2:].split("-")
        if len(parts) == 2:
            return ("day", 0, int(parts[0]), int(parts[1]))
        return ("month", 0, int(parts[0])) + days
    parts = iso.split("-")
    if len(parts) == 3:
        return ("day", int(parts[0]), int(parts[1]), int(parts[2]))
    if len(parts) == 2:
        return ("month", int(parts[0]), int(parts[1])) + days
    if d.kind in ("year", "relative") and iso.isdigit():  # "in 2016", "last year"
        return ("year", int(iso))
    return None


_PART_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}  # "mid-April": days 11-20


def _date_label(d: DateMention) -> str:
    if d.kind == "weekday" and not d.resolved:
        return d.weekday
    return d.iso


def _days_of(v) -> list[_dt.date] | None:
    """The days a dated value covers (a day, the days of a month or of a week), None without a
    year."""
    if v[0] == "week":
        return [v[1] + _dt.timedelta(days=k) for k in range(7)]
    if v[0] not in ("day", "month") or not v[1]:
        return None
    if v[0] == "day":
        return [_dt.date(v[1], v[2], v[3])]
    last = ((_dt.date(v[1] + v[2] // 12, v[2] % 12 + 1, 1)) - _dt.timedelta(days=1)).day
    return [_dt.date(v[1], v[2], k) for k in range(v[3], min(v[4], last) + 1)]


def _week_agrees(week, other) -> bool | None:
    """Does a week ("last week") hold the other value's day, or share a day with its month or
    week? A value without a year is compared by month and day; a weekday name by name."""
    days = _days_of(week)
    if other[0] == "year":
        return not other[1] or any(d.year == other[1] for d in days)
    if other[0] == "weekday":
        names = weekdays()
        return other[1] in names and any(d.weekday() == names[other[1]] for d in days)
    theirs = _days_of(other)
    if theirs is not None:
        return bool(set(days) & set(theirs))
    lo, hi = (other[3], other[3]) if other[0] == "day" else (other[3], other[4])
    return any(d.month == other[2] and lo <= d.day <= hi for d in days)


def _dates_agree(x, y) -> bool | None:
    """True/False when the two values can be compared, None when they cannot."""
    if x[0] == "week" or y[0] == "week":
        return _week_agrees(x, y) if x[0] == "week" else _week_agrees(y, x)
    if x[0] == "year" or y[0] == "year":
        if x[0] == "weekday" or y[0] == "weekday":
            return None
        return not x[1] or not y[1] or x[1] == y[1]  # a year fits every day and month in it
    if x[0] == "weekday" or y[0] == "weekday":
        if x[0] == y[0] == "weekday":
            return x[1] == y[1]
        # a weekday name (an undated article) against a full date: that date's day of the week
        name, day = (x, y) if x[0] == "weekday" else (y, x)
        if day[0] == "day" and day[1] and name[1] in weekdays():
            return weekdays()[name[1]] == _dt.date(day[1], day[2], day[3]).weekday()
        return None
    years_ok = not x[1] or not y[1] or x[1] == y[1]
    if x[0] == "day" and y[0] == "day":
        return years_ok and x[2:] == y[2:]
    if not (years_ok and x[2] == y[2]):
        return False
    # a month against a day or a month: same month, and the day in the part of it ("mid-April"
    # is not April 2)
    lo_x, hi_x = (x[3], x[4]) if x[0] == "month" else (x[3], x[3])
    lo_y, hi_y = (y[3], y[4]) if y[0] == "month" else (y[3], y[3])
    return max(lo_x, lo_y) <= min(hi_x, hi_y)


def _phases_fit(a: str, b: str) -> bool:
    return not a or not b or a == b


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


_VAGUE = ("dozens", "scores", "hundreds", "thousands", "millions", "a handful", "a couple")


def _figure_label(f: FigureMention) -> str:
    if f.counted == "tally" or f.qualifier.endswith("range"):
        return f.text  # "7-2", "between 20 and 30", "some 20-30"
    if f.qualifier.endswith(_VAGUE):
        return f.qualifier
    return f"{f.qualifier} {_num(f.value)}".strip()


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    lo = max(a[0] if a[0] >= 0 else float("-inf"), b[0] if b[0] >= 0 else float("-inf"))
    hi = min(a[1] if a[1] >= 0 else float("inf"), b[1] if b[1] >= 0 else float("inf"))
    return lo <= hi + 1e-9


FAR_APART = 3.0  # ratio beyond which two figures are different quantities, not a disagreement


def _near(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Could the two ranges be one quantity reported differently? Outlets that disagree give
    close figures (6-3 / 7-2, 21 / 22 states, 300 / nearly 400 pages); figures FAR_APART or more
    times apart that share a noun in sentences about one topic are different quantities ($474
    billion of deficit, $18 trillion of debt). Used where the link between two figures is weak
    (one fact's sentences, the noun they count), not for event or outcome matches."""
    if _overlap(a, b):
        return True
    lo_high = min(r[1] if r[1] >= 0 else float("inf") for r in (a, b))  # the lower range's top
    hi_low = max(r[0] if r[0] >= 0 else 0.0 for r in (a, b))  # the higher range's bottom
    if lo_high <= 0:
        return False
    return hi_low / lo_high <= FAR_APART


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _side(m, value: str, confidence: str, docs: dict) -> FactSide:
    doc = docs[m.article_id]
    s = doc.sentences[m.sentence]
    return FactSide(value=value, mention_id=m.id, article_id=m.article_id, outlet=m.outlet,
                    start=m.start, end=m.end, text=m.text, sentence_start=s.start, sentence_end=s.end,
                    attributed_to=m.attributed.speaker, confidence=confidence)


def _mixed(sigs, rep, agree) -> bool:
    """Do the signatures one outlet uses in a group clash with each other? An outlet that gives
    130 and 43 people killed (two attacks) shows that the group's key covers several quantities:
    another outlet's 89 (a third place) is then only possibly a disagreement."""
    sigs = sorted(sigs)
    return any(agree(rep[a], rep[b]) is False for k, a in enumerate(sigs) for b in sigs[k + 1:])


def _groups(mentions, values, confs, comparable, agree, kind, key_of, label_of, docs):
    """Components of comparable cross-outlet pairs -> (FactGroup, Disagreement | None) pairs.

    Mentions are first collapsed into signatures (key, value, phase/ordinal state, confidence):
    a 500-article story repeats a handful of values hundreds of times, and comparing signatures
    instead of mentions keeps the work proportional to the number of mentions.
    """
    sig_of: list[int] = []
    sig_index: dict[tuple, int] = {}
    sig_members: list[list[int]] = []
    for i, m in enumerate(mentions):
        key = (key_of(m), values[i], getattr(m, "phase", ""), getattr(m, "ordinal", 0), confs[i])
        if key not in sig_index:
            sig_index[key] = len(sig_members)
            sig_members.append([])
        sig_members[sig_index[key]].append(i)
        sig_of.append(sig_index[key])
    n_sig = len(sig_members)
    sig_outlets = [{mentions[i].outlet for i in ms} for ms in sig_members]
    rep = [ms[0] for ms in sig_members]
    by_key: dict[str, list[int]] = defaultdict(list)
    for sg in range(n_sig):
        by_key[key_of(mentions[rep[sg]])].append(sg)
    uf = _UnionFind(n_sig)
    result: dict[tuple[int, int], tuple[bool, int]] = {}  # signature pair (a <= b) -> (agree, rank)
    for key in sorted(by_key):
        sgs = by_key[key]
        for x in range(len(sgs)):
            for y in range(x, len(sgs)):
                a, b = sgs[x], sgs[y]
                if len(sig_outlets[a] | sig_outlets[b]) < 2:
                    continue  # only one outlet uses both: nothing to compare across outlets
                i, j = rep[a], rep[b]
                if a != b and not comparable(i, j):
                    continue
                ok = True if a == b else agree(i, j)
                if ok is None:
                    continue
                rank = min(_RANK[confs[i]], _RANK[confs[j]])
                if kind == "date" and "weekday" in (values[i][0], values[j][0]):
                    rank = 0  # weekday names compared without dates
                result[(a, b)] = (ok, rank)
                uf.union(a, b)
    comps: dict[int, set[int]] = defaultdict(set)
    for a, b in result:
        comps[uf.find(a)].update((a, b))
    out = []
    for root in sorted(comps):
        sgs = sorted(comps[root])
        # outlets grouped by the set of signatures they use in this component
        outlet_sigs: dict[str, set[int]] = defaultdict(set)
        for sg in sgs:
            for i in sig_members[sg]:
                outlet_sigs[mentions[i].outlet].add(sg)
        sets: dict[frozenset, list[str]] = defaultdict(list)
        for o, ss in outlet_sigs.items():
            sets[frozenset(ss)].append(o)
        set_list = sorted(sets, key=lambda fs: sorted(fs))
        conflicts = []
        for x in range(len(set_list)):
            for y in range(x, len(set_list)):
                if x == y and len(sets[set_list[x]]) < 2:
                    continue
                res = [result[(min(a, b), max(a, b))] for a in set_list[x] for b in set_list[y]
                       if (min(a, b), max(a, b)) in result]
                if res and not any(ok for ok, _ in res):
                    rank = max(r for _, r in res)
                    if _mixed(set_list[x], rep, agree) or _mixed(set_list[y], rep, agree):
                        rank = 0  # one outlet itself gives clashing values: several quantities
                    conflicts.append(rank)
        members = sorted((i for sg in sgs for i in sig_members[sg]),
                         key=lambda i: (mentions[i].article_id, mentions[i].start, i))
        label = label_of([mentions[i] for i in members])
        key = key_of(mentions[members[0]])
        sides = tuple(_side(mentions[i], _label(mentions[i], kind), confs[i] or "low", docs) for i in members)
        outlets = tuple(sorted(outlet_sigs))
        group = FactGroup(id="", kind=kind, key=key, label=label, outlets=outlets, sides=sides,
                          agree=not conflicts)
        dis = None
        if conflicts:
            by_value: dict[str, list[str]] = defaultdict(list)
            value_of: dict[str, int] = {}
            for i, sd in zip(members, sides):
                if sd.outlet not in by_value[sd.value]:
                    by_value[sd.value].append(sd.outlet)
                value_of.setdefault(sd.value, i)
            values_ = tuple(sorted(by_value))
            # a value that agrees with every other value ("October" against the 11th and the 12th)
            fits = [v for v in values_ if all(
                v == w or agree(value_of[v], value_of[w]) is not False for w in values_)]
            clash = [v for v in values_ if v not in fits]

            def show(v):
                names = sorted(by_value[v])
                shown = ", ".join(names[:4]) + (f" and {len(names) - 4} more" if len(names) > 4 else "")
                return f"{_human(v, kind)} ({shown})"

            explanation = f"{label}: " + " vs ".join(show(v) for v in clash)
            if fits:
                explanation += "; " + ", ".join(show(v) for v in fits) + " fits either"
            dis = Disagreement(group_id="", kind=kind, key=key, label=label,
                               confidence=_NAMES[max(conflicts)], values=values_, sides=sides,
                               explanation=explanation)
        out.append((group, dis))
    return out


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def _human(value: str, kind: str) -> str:
    """"2025-10-19" -> "19 October 2025", "--10-15" -> "15 October", "2025-10" -> "October 2025"."""
    if kind != "date":
        return value
    if value.startswith("--"):
        parts = value[2:].split("-")
        if len(parts) == 2:
            return f"{int(parts[1])} {_MONTHS[int(parts[0]) - 1]}"
        return _MONTHS[int(parts[0]) - 1]
    if "-W" in value:
        monday = _dt.date.fromisocalendar(int(value[:4]), int(value[6:]), 1)
        return f"the week of {monday.day} {_MONTHS[monday.month - 1]} {monday.year}"
    parts = value.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return value.capitalize()


def _label(m, kind: str) -> str:
    return _date_label(m) if kind == "date" else _figure_label(m)


def _unit_buckets(mentions, contexts) -> dict[tuple[str, int], list]:
    """(article id, unit start) -> the mentions inside that unit, for every unit of a context:
    each mention is placed once by bisecting its article's sorted unit spans, so a 500-article
    story costs a log per mention rather than a scan per context."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for ctx in contexts:
        for art, a, b in ctx.spans:
            spans[art].append((a, b))
    starts = {}
    for art in spans:
        spans[art] = sorted(set(spans[art]))
        starts[art] = [a for a, _ in spans[art]]
    out: dict[tuple[str, int], list] = defaultdict(list)
    for m in mentions:
        st = starts.get(m.article_id)
        if not st:
            continue
        k = bisect_right(st, m.start) - 1
        if k >= 0 and m.start < spans[m.article_id][k][1]:
            out[(m.article_id, st[k])].append(m)
    return out


def _tally(x: FigureMention) -> tuple[float, float]:
    """A vote or score ("7-2", "2-7") as one comparable point: the same tally in either order."""
    a, b = (int(n) for n in re.findall(r"\d+", x.text)[:2])
    v = float(max(a, b) * 100_000 + min(a, b))
    return v, v


def _excerpt(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1].rstrip() + "…"


def _context_results(facts: list[ArticleFacts], contexts, used: set, docs: dict) -> list:
    """Fact groups of the figures and dates inside each context (see the module docstring)."""
    out = []
    days = {k: v for f in facts for k, v in f.figure_days.items()}
    figures = _unit_buckets([x for f in facts for x in f.figures if x.counted], contexts)
    value_of = {d.id: _date_value(d) for f in facts for d in f.dates}
    dates = _unit_buckets([d for f in facts for d in f.dates if value_of[d.id] is not None], contexts)
    for ctx in contexts:
        units = [(art, a) for art, a, _ in ctx.spans]
        fig_in = [(x, u) for u, key in enumerate(units) for x in figures.get(key, ())]
        by_class: dict[str, list] = defaultdict(list)
        for x, u in fig_in:
            by_class[x.counted].append((x, u))
        for cls in sorted(by_class):
            # a unit is crowded when it holds two figures of the class, matched elsewhere or not
            crowded_all = _crowded([u for _, u in by_class[cls]])
            kept = [k for k, (x, _) in enumerate(by_class[cls]) if x.id not in used]
            ms = [by_class[cls][k] for k in kept]
            if len({x.outlet for x, _ in ms}) < 2:
                continue
            ranges = [_tally(x) if cls == "tally" else days.get(x.id, (x.low, x.high)) for x, _ in ms]
            crowded = [crowded_all[k] for k in kept]

            def comparable(i, j, ranges=ranges, crowded=crowded, cls=cls):
                # a sentence with two figures of a kind: only the same exact value pairs up
                if crowded[i] or crowded[j]:
                    return ranges[i] == ranges[j] and ranges[i][0] == ranges[i][1] >= 0
                return cls == "tally" or _near(ranges[i], ranges[j])

            key = f"{cls} @ {ctx.key}"
            label = f"{cls} in “{_excerpt(ctx.label)}”"
            out += _groups([x for x, _ in ms], ranges, [ctx.confidence] * len(ms), comparable,
                           lambda i, j, r=ranges: _overlap(r[i], r[j]), "figure",
                           lambda x, k=key: k, lambda _, lab=label: lab, docs)
            used.update(x.id for x, _ in ms)
        date_in = [(d, value_of[d.id], u) for u, key in enumerate(units) for d in dates.get(key, ())
                   if d.id not in used]
        if len({d.outlet for d, _, _ in date_in}) < 2:
            continue
        values = [v for _, v, _ in date_in]

        def d_comparable(i, j, values=values):
            for loose in ("year", "week"):
                if (values[i][0] == loose) != (values[j][0] == loose):
                    return False  # a year or a week fits every day in it: too loose a link in
                    # one fact's words ("will prepare subpoenas this week" / "by April 2")
            return _dates_agree(values[i], values[j]) is True

        key = f"date @ {ctx.key}"
        label = f"the date in “{_excerpt(ctx.label)}”"
        found = _groups([d for d, _, _ in date_in], values, [ctx.confidence] * len(date_in),
                        d_comparable, lambda i, j, v=values: _dates_agree(v[i], v[j]), "date",
                        lambda _, k=key: k, lambda _, lab=label: lab, docs)
        out += found
        # only dates that found a partner are taken: "Thursday" next to another outlet's "2007"
        # in one context stays free for a later context that holds the other outlet's Thursday
        used.update(sd.mention_id for g, _ in found for sd in g.sides)
    return out


# classes too general for two figures to be one quantity on the strength of the noun alone: a
# story counts many different sets of people, sums of money, percentages and stretches of time
_GENERIC = EVENT_CLASSES | {"people", "percent", "money"}
_BY_NAME = {"age"}  # matched by the person's name only (match_facts)

#: Counted classes that name an amount, not things: their label keeps the singular.
_MASS_NOUNS = frozenset({"money", "aircraft", "staff", "equipment", "ammunition", "cash",
                         "funding", "aid", "debt", "revenue", "damage"})


def _plural(noun: str) -> str:
    """The plural a figure's label uses for its counted class ("people injured", "casualties of
    the attack", not "peoples" or "casualtys"): lemminflect's first plural, the noun itself for
    a mass noun."""
    if noun in _MASS_NOUNS:
        return noun
    from lemminflect import getInflection

    forms = getInflection(noun, "NNS")
    return forms[0] if forms else noun + "s"


def _sentence_nouns(doc, sentence: int) -> frozenset[str]:
    """Lemmas of a sentence's nouns and names, function words left out: what it is about (verbs
    such as "need" or "say" are shared by sentences about different things)."""
    stop = stop_words()
    s = doc.sentences[sentence]
    numbers = number_words()
    return frozenset(t.lemma.lower() for t in doc.tokens[s.token_start:s.token_end]
                     if t.is_word and t.pos.startswith("NN") and len(t.norm) > 2
                     and t.norm not in stop and t.lemma.lower() not in stop
                     and t.lemma.lower() not in numbers)  # "thousands" is a number, not a topic


def _sharing_two_nouns(ms: list, docs: dict) -> list:
    """The figures of `ms` whose sentence shares two nouns or names, besides the counted noun,
    with the sentence of a figure of another outlet in `ms` (one shared noun, such as "majority"
    or "official", joined different quantities in unseen stories)."""
    words = [_sentence_nouns(docs[x.article_id], x.sentence) - {x.counted, x.counted_text.lower()}
             for x in ms]
    return [x for i, x in enumerate(ms)
            if any(y.outlet != x.outlet and len(words[i] & words[j]) >= 2 for j, y in enumerate(ms))]


def _partitive_whole(doc, x: FigureMention) -> bool:
    """"(21 of) the 50 states": the whole a part is taken from, not a second count of states."""
    s = doc.sentences[x.sentence]
    toks = doc.tokens[s.token_start:s.token_end]
    for k, t in enumerate(toks):
        if t.start == x.start:
            return k >= 2 and toks[k - 1].norm in PARTITIVE_DET and toks[k - 2].norm == "of"
    return False


def _noun_results(facts: list[ArticleFacts], used: set, docs: dict) -> list:
    """Fact groups of figures that count the same specific thing in sentences the alignment does
    not pair ("the full 300 page report" / "the report is nearly 400 pages long"; "ruled 6-3" /
    "a 7-2 decision"). Taken only when each outlet gives one value for that thing in the whole
    story (two values would leave open which one is meant), the figure is not vague ("thousands",
    "dozens": no claim to a number), the class is not a general one (`_GENERIC`), and the two
    sentences share two nouns or names besides the counted noun (one shared noun, such as
    "majority" or "official", joined different quantities in unseen stories). Low confidence:
    shown as possible."""
    def point(x):
        return _tally(x) if x.counted == "tally" else (x.low, x.high)

    values: dict[tuple[str, str], set] = defaultdict(set)
    for f in facts:
        for x in f.figures:
            if (x.counted and x.counted not in _GENERIC and x.counted not in _BY_NAME
                    and not _partitive_whole(docs[x.article_id], x)):
                values[(x.outlet, x.counted)].add(point(x))
    by_class: dict[str, list] = defaultdict(list)
    for f in facts:
        for x in f.figures:
            if (x.id not in used and x.counted and x.counted not in _GENERIC
                    and x.counted not in _BY_NAME and len(values[(x.outlet, x.counted)]) == 1
                    and not x.qualifier.endswith(_VAGUE)
                    and not _partitive_whole(docs[x.article_id], x)):
                by_class[x.counted].append(x)
    out = []
    for cls in sorted(by_class):
        ms = by_class[cls]
        if len({x.outlet for x in ms}) < 2:
            continue
        keep = _sharing_two_nouns(ms, docs)
        if len({x.outlet for x in keep}) < 2:
            pts = [point(x) for x in ms]
            if cls != "tally" and min(p[0] for p in pts) >= 10 and min(p[1] for p in pts) >= 0 \
                    and all(_overlap(p, q) for p in pts for q in pts):
                keep = ms  # one agreeing count of a specific thing in each outlet
        if len({x.outlet for x in keep}) < 2:
            continue
        ranges = [point(x) for x in keep]
        key = f"{cls} (what it counts)"
        label = "the vote or score" if cls == "tally" else f"how many: {cls}"
        out += _groups(keep, ranges, ["low"] * len(keep),
                       lambda i, j, r=ranges, c=cls: c == "tally" or _near(r[i], r[j]),
                       lambda i, j, r=ranges: _overlap(r[i], r[j]), "figure",
                       lambda x, k=key: k, lambda _, lab=label: lab, docs)
        used.update(x.id for x in keep)
    return out + _same_value_results(facts, used, docs)


def _distinctive(x: FigureMention) -> bool:
    """A number two outlets would hardly give for different things: exact, three digits or more,
    not round, not a year ("218 votes" / "218 signatories"; not "100", "2016", "about 230")."""
    v = x.value
    return (x.low == x.high == v and float(v).is_integer() and v >= 100 and v % 10 != 0
            and not 1800 <= v <= 2100 and not x.qualifier)


def _same_value_results(facts: list[ArticleFacts], used: set, docs: dict) -> list:
    """Fact groups of the same exact figure in two outlets, in sentences the alignment does not
    pair: a figure of a general class (people, money, percent: "$130,000 in hush money" /
    "the $130,000 hush-money payment"), or a distinctive number whatever noun follows it ("218
    signatories" / "218 votes"). Equal values only, so these groups always agree: they add pairs,
    never a disagreement. The sentences must share two nouns or names, as in _noun_results."""
    cands: dict[tuple, list] = defaultdict(list)
    for f in facts:
        for x in f.figures:
            if x.id in used or not x.counted or x.counted in EVENT_CLASSES or x.counted in _BY_NAME:
                continue
            if x.counted in _GENERIC and x.low == x.high == x.value and not x.qualifier:
                cands[(x.counted, x.value)].append(x)
            elif _distinctive(x):
                cands[("", x.value)].append(x)
    out = []
    for (cls, value) in sorted(cands):
        ms = cands[(cls, value)]
        if len({x.outlet for x in ms}) < 2:
            continue
        keep = _sharing_two_nouns(ms, docs)
        if len({x.outlet for x in keep}) < 2:
            continue
        key = f"{cls or 'figure'} {_num(value)} (same value)"
        label = f"{_num(value)} ({cls})" if cls else f"the figure {_num(value)}"
        out += _groups(keep, [(value, value)] * len(keep), ["low"] * len(keep), lambda i, j: True,
                       lambda i, j: True, "figure", lambda x, k=key: k, lambda _, lab=label: lab, docs)
        used.update(x.id for x in keep)
    return out


# words of a date itself, left out of the nouns two dated sentences must share ("Tuesday" is
# shared by every sentence dated Tuesday)
_TIME_NOUNS = frozenset({"today", "yesterday", "tomorrow", "day", "week", "month", "year", "morning",
                         "afternoon", "evening", "night", "weekend", "mid"})


def _date_words() -> frozenset[str]:
    return frozenset(weekdays()) | frozenset(months()) | _TIME_NOUNS


def _statement_speaker(doc, d) -> str:
    """The last word of who speaks when the date dates a statement ("Daniels' attorney, Michael
    Avenatti, said on MSNBC Thursday" -> "avenatti"; "On Monday, Kerry said" -> "kerry"), else
    "". The verb is the one events.link_span links the date by (`events.governing_verb`)."""
    s = doc.sentences[d.sentence]
    toks = doc.tokens
    a = next((k for k in range(s.token_start, s.token_end) if toks[k].start >= d.start), None)
    if a is None:
        return ""
    b = next((k for k in range(a, s.token_end) if toks[k].end >= d.end), a) + 1
    lo, hi = clause_of(clause_cuts(doc, d.sentence), a)
    gov = governing_verb(doc, a, b, (lo, hi))
    if gov is None or toks[gov].lemma.lower() not in reporting_verbs():
        return ""
    k = gov - 1 if gov > lo and toks[gov - 1].norm == "," else gov  # "..., Michael Avenatti, said"
    names = [j for j in range(k - 1, max(lo, k - 8) - 1, -1)
             if toks[j].pos in ("NNP", "NN") and not a <= j < b]  # not the date itself
    if not names or names[0] < k - 1 - 1:
        return ""  # no noun right before the verb: "he said", "said Thursday"
    return toks[names[0]].lemma.lower()


SAME_DATE_NOUNS = 3  # nouns or names two sentences giving one date must share (two joined
# different events of one day: "police searched ... Thursday" / "the prosecutor said Thursday")


# a win is the outcome of a vote: won on the day the election or the vote was held ("defeated his
# rival on Tuesday in a special election" / "Tuesday night's victory in the special election")
_WON_IN = tuple({"win", vote} for vote in ("election", "vote", "referendum"))


def _one_event(a: str, b: str) -> bool:
    """Do two dates' events name one event? The same event, or a win and the vote it was won in."""
    return bool(a) and bool(b) and (a == b or {a, b} in _WON_IN)


def _joinable(g: FactGroup, d) -> bool:
    """May date `d` join group `g`? The group must be of dates that agree, all of that one value
    (a date joining "this month" and "Sunday" would be paired with both), and, when an event's
    dates make it (its key is the event), `d` must date that event too ("Donald Trump's campaign
    manager took to Twitter Thursday to call on President Obama ..." does not join the group of
    Thursday's meeting of Trump and Obama)."""
    if g.kind != "date" or not g.agree:
        return False
    if not g.key.startswith("date ") and not _one_event(d.event, g.key):
        return False
    return all(sd.value == _date_label(d) for sd in g.sides)


def _same_date_results(facts: list[ArticleFacts], used: set, docs: dict, results: list) -> list:
    """Fact groups of the same date in two outlets, in sentences the alignment keeps apart that
    share SAME_DATE_NOUNS nouns or names besides the date's own words ("Michael Cohen testified on
    Tuesday that President Donald Trump ..." / "revelations on Tuesday afternoon ... whether
    President Donald Trump was in real legal jeopardy"), or one when both dates are linked to the
    same event ("an April 2 deadline" / "his April 2 deadline"). Most dates name no listed event
    (testified, sent a letter, searched an apartment); two outlets that give one day in sentences
    about the same people and things mostly date one event. Equal dates only (a day with its year,
    a month, a year, an undated weekday name), never a disagreement: two days in such sentences
    are as often two events. Dates linked to two different events, or to two phases of one, are
    left apart; a win and the vote it was won in are one event (`_one_event`). Low confidence.

    A date already in a group of `results` (an event's, a context's) is a partner too: a date left
    over that meets it by these rules joins that group, when the group agrees and is the only one
    its partners belong to ("Police searched Lubitz's apartment in Dusseldorf on Thursday" joins
    the group of another outlet's "a search Thursday at the Dusseldorf apartment of Andreas
    Lubitz", which a context had already paired with a third sentence). `results` is updated in
    place; the new groups are returned."""
    stop = _date_words()
    owner = {sd.mention_id: k for k, (g, _) in enumerate(results) for sd in g.sides}
    buckets: dict[tuple, list] = defaultdict(list)
    for f in facts:
        for d in f.dates:
            if d.id in used and d.id not in owner:
                continue
            v = _date_value(d)
            if v is None or (v[0] == "day" and not v[1]) or v[0] == "week":
                continue  # a day without a year: "May 14" of which year is left open; a week
                # holds too many events to pair on shared words (two Senate votes, two orders)
            buckets[v].append(d)
    out = []
    joins: dict[int, list] = defaultdict(list)
    for v in sorted(buckets, key=repr):
        ms = buckets[v]
        free = [d.id not in used for d in ms]
        if len({d.outlet for d in ms}) < 2 or not any(free):
            continue
        words = [_sentence_nouns(docs[d.article_id], d.sentence) - stop for d in ms]
        speaker = [_statement_speaker(docs[d.article_id], d) for d in ms]
        index: dict[str, list[int]] = defaultdict(list)
        for i, w in enumerate(words):
            for x in w:
                index[x].append(i)
        shared: dict[tuple[int, int], int] = defaultdict(int)
        for x in sorted(index):
            post = index[x]
            for a in range(len(post)):
                for b in range(a + 1, len(post)):
                    i, j = post[a], post[b]
                    if ms[i].outlet != ms[j].outlet and (free[i] or free[j]):
                        shared[(i, j)] += 1
        pairs = []
        for (i, j), n in sorted(shared.items()):
            di, dj = ms[i], ms[j]
            same = _one_event(di.event, dj.event)
            if n < (1 if same else SAME_DATE_NOUNS) or (di.event and dj.event and not same):
                continue
            if not _phases_fit(di.phase, dj.phase):
                continue
            if any(sp and sp not in _sentence_nouns(docs[o.article_id], o.sentence)
                   for sp, o in ((speaker[i], dj), (speaker[j], di))):
                continue  # a statement on that day by someone the other sentence does not name
            pairs.append((i, j))
        # a free date met by dates of one agreeing group joins it; the others group among
        # themselves (a date in a group never carries its partners into it)
        anchors: dict[int, set[int]] = defaultdict(set)
        for i, j in pairs:
            for x, y in ((i, j), (j, i)):
                if free[x] and not free[y]:
                    anchors[x].add(owner[ms[y].id])
        joined = set()
        for i in sorted(anchors):
            k = min(anchors[i])
            if len(anchors[i]) == 1 and _joinable(results[k][0], ms[i]):
                joins[k].append(ms[i])
                joined.add(i)
        used.update(ms[i].id for i in joined)
        uf = _UnionFind(len(ms))
        for i, j in pairs:
            if free[i] and free[j] and i not in joined and j not in joined:
                uf.union(i, j)
        comps: dict[int, list[int]] = defaultdict(list)
        for x in sorted({x for p in pairs for x in p if free[x] and x not in joined}):
            comps[uf.find(x)].append(x)
        for root in sorted(comps):
            ix = comps[root]
            if len({ms[i].outlet for i in ix}) < 2:
                continue
            keep = [ms[i] for i in ix]
            key = f"date {_date_label(keep[0])} (same date, shared words) {keep[0].id}"
            label = f"the date {_human(_date_label(keep[0]), 'date')}"
            out += _groups(keep, [v] * len(keep), ["low"] * len(keep), lambda i, j: True,
                           lambda i, j: True, "date", lambda x, k=key: k, lambda _, lab=label: lab,
                           docs)
            used.update(d.id for d in keep)
    for k in sorted(joins):
        g, dis = results[k]
        sides = sorted(g.sides + tuple(_side(d, _date_label(d), "low", docs) for d in joins[k]),
                       key=lambda sd: (sd.article_id, sd.start))
        results[k] = (FactGroup(id=g.id, kind=g.kind, key=g.key, label=g.label,
                                outlets=tuple(sorted({sd.outlet for sd in sides})), sides=sides,
                                agree=g.agree), dis)
    return out


def _crowded(units: list[int]) -> list[bool]:
    """Per mention: does its unit hold another mention of the same kind?"""
    counts: dict[int, int] = defaultdict(int)
    for u in units:
        counts[u] += 1
    return [counts[u] > 1 for u in units]


def match_facts(analyses: list[ArticleAnalysis], facts: list[ArticleFacts],
                contexts: tuple[Context, ...] = ()):
    """(fact groups, disagreements) across the articles of a story, deterministically ordered."""
    docs = {a.article.id: a.doc for a in analyses}
    # ---- dates
    dates, dvalues, dconfs, dords, drep = [], [], [], [], []
    for f in facts:
        for d in f.dates:
            v = _date_value(d)
            if not d.event or v is None or v[0] == "week":
                continue  # a week is too loose to set against another outlet's day
            dates.append(d)
            dvalues.append(v)
            dconfs.append(f.date_confidence.get(d.id, "low"))
            dords.append(f.date_ordinals.get(d.id, 0))
            drep.append(f.repeatable.get(d.id, False))

    def d_comparable(i, j):
        if not _phases_fit(dates[i].phase, dates[j].phase):
            return False
        if "year" in (dvalues[i][0], dvalues[j][0]) and not _dates_agree(dvalues[i], dvalues[j]):
            return False  # "the 2016 election" and "November's elections": two elections
        oi, oj = dords[i], dords[j]
        if drep[i] or drep[j]:
            return oi != 0 and oi == oj
        return oi == oj or not oi or not oj

    def d_agree(i, j):
        return _dates_agree(dvalues[i], dvalues[j])

    def d_key(d):
        return d.event

    def d_label(ms):
        phases = sorted({m.phase for m in ms if m.phase})
        ords = sorted({m.ordinal for m in ms if m.ordinal})
        what = ms[0].event
        if ords:
            what = f"{what} (round {ords[0]})"
        verb = _PHASE_WORDS.get(phases[0], "took place") if len(phases) == 1 else "took place"
        return f"when the {what} {verb}"

    date_results = _groups(dates, dvalues, dconfs, d_comparable, d_agree, "date", d_key, d_label, docs)

    # ---- figures
    figs, franges, fconfs, fkeys = [], [], [], []
    for f in facts:
        for x in f.figures:
            if x.counted == "age":
                key = f"age of {x.counted_text.lower()}"  # "Pugh, 69,": one person's age
            elif x.counted in EVENT_CLASSES or x.id in f.figure_days:
                if not x.event:
                    continue
                key = f"{x.counted} of {x.event}"
            elif x.outcome:
                key = f"{x.counted} {x.outcome}"
            else:
                continue
            figs.append(x)
            fkeys.append(key)
            franges.append(f.figure_days[x.id] if x.id in f.figure_days else (x.low, x.high))
            fconfs.append(f.figure_confidence.get(x.id, "medium"))
    key_of_fig = {x.id: k for x, k in zip(figs, fkeys)}

    def f_agree(i, j):
        return _overlap(franges[i], franges[j])

    def f_label(ms):
        m = ms[0]
        if m.counted == "age":
            return f"{m.counted_text}'s age"
        if m.counted == "duration":
            return f"how long the {m.event} lasted (in days)"
        if m.counted in EVENT_CLASSES:
            return f"{_plural(m.counted)} of the {m.event}"
        return f"{_plural(m.counted)} {m.outcome}"

    fig_results = _groups(figs, franges, fconfs, lambda i, j: True, f_agree, "figure",
                          lambda x: key_of_fig[x.id], f_label, docs)
    results = date_results + fig_results
    used = {sd.mention_id for g, _ in results for sd in g.sides}
    results += _noun_results(facts, used, docs)
    results += _context_results(facts, contexts, used, docs)
    results += _same_date_results(facts, used, docs, results)
    results.sort(key=lambda gd: (gd[0].kind != "date", gd[0].key, gd[0].sides[0].article_id, gd[0].sides[0].start))
    groups, disagreements = [], []
    for n, (g, d) in enumerate(results, 1):
        gid = f"g{n}"
        groups.append(FactGroup(id=gid, kind=g.kind, key=g.key, label=g.label, outlets=g.outlets,
                                sides=g.sides, agree=g.agree))
        if d is not None:
            disagreements.append(Disagreement(group_id=gid, kind=d.kind, key=d.key, label=d.label,
                                              confidence=d.confidence, values=d.values, sides=d.sides,
                                              explanation=d.explanation))
    disagreements.sort(key=lambda d: (-_RANK[d.confidence], d.kind != "date", d.key, d.group_id))
    return tuple(groups), tuple(disagreements)
