"""Dates in news text: absolute, weekdays, relative days and months, resolved where possible.

Forms read: "October 15", "Oct. 12", "October 29, 2025", "17 November 2025", "the 17th of
November", "2025-10-15", "November 2025", "in October" (a month), "mid-April" (the month), "on
Tuesday", "last Friday", "yesterday", "this week" / "last week" (an ISO week, "2018-W18", Monday
to Sunday), "earlier this month", "last year", "two days ago" / "three years ago" (not weeks, not
qualified), a year alone after "in",
"since" ... or before what it dates ("the 2016 election"; compared only when the years agree: a
story mentions several elections). A capitalised "Today" after a word ("the TODAY show", "USA
Today") is a name.

Resolution needs a reference date: `Article.date` when known ("article_date"); else the first
full date with a year in the article's first three sentences, which is usually the dateline
("dateline"). Without a full reference, a year written elsewhere in the article still dates
"October 15" ("text_year"), and weekdays stay unresolved (compared by name only).
- A month and day without a year take the reference year, moved back a year when that puts the date
  more than 120 days after the reference (news mostly looks back), forward when more than 240 days
  before it.
- A weekday is the most recent such day on or before the reference date ("on Tuesday" in a
  Wednesday paper is yesterday; "on Wednesday" is today), or the next one when the words before it
  look ahead ("next", "will", "scheduled", "due"). "last Tuesday" is strictly before.
- A month with "last" is the latest such month before the reference month ("last September" in a
  March paper is the year before), with "next" the first one after it.
"""
from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..model import Doc, Token
from .data import counted, months, number_words, qualifiers, relative_days, weekdays
from .numbers import words_value
from .tokens import columns

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_DAYNUM = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
_YEARNUM = re.compile(r"^(1[89]|20)\d\d$")
_FUTURE = {"next", "will", "'ll", "scheduled", "due", "planned", "set", "upcoming", "coming"}
_YEAR_BEFORE = {"in", "since", "during", "until", "by", "before", "after", "throughout"}
_YEAR_DET = {"the", "its", "his", "her", "their", "our", "'s"}
_YEAR_MODIFIES = ("NN", "NNS", "JJ", "NNP", "VBN")
_PART_OF_MONTH = {"mid", "early", "late"}
_OPEN_QUOTES = {'"', "\u201c", "'", "\u2018", "``"}


@dataclass(frozen=True)
class RawDate:
    tok_start: int
    tok_end: int
    start: int
    end: int
    kind: str  # "absolute" | "weekday" | "relative" | "month" | "year"
    year: int = 0
    month: int = 0
    day: int = 0
    weekday: int = -1
    offset_days: int = 0  # relative days
    month_offset: int = 0  # relative months ("last month" = -1), or years or weeks when direction
    # is "year" or "week"
    direction: str = ""  # weekday: "past" | "future" | "strict_past"; month: "strict_past" ("last
    # September"), "future" ("next March") or ""


def _month_of(tok: Token) -> int:
    if not tok.text[:1].isupper():
        return 0  # "may", "march" as words
    return months().get(tok.norm.rstrip("."), 0)


def _day_of(tok: Token) -> int:
    m = _DAYNUM.match(tok.norm)
    if m and 1 <= int(m.group(1)) <= 31:
        return int(m.group(1))
    return 0


def _year_of(tok: Token) -> int:
    return int(tok.norm) if _YEARNUM.match(tok.norm) else 0


def _names_a_show(doc: Doc, i: int) -> bool:
    """"the TODAY show", "told USA Today", "TODAY's Megyn Kelly": a capitalised "today" after a
    word of its sentence, or written in capitals in a sentence that is not, is a name (a
    programme, a paper), not the day, unless the whole sentence is in capitals."""
    toks = doc.tokens
    t = toks[i]
    if not t.text[:1].isupper():
        return False
    s = doc.sentences[t.sentence]
    if not any(x.is_word and x.text[:1].islower() for x in toks[s.token_start:s.token_end]):
        return False  # a headline in capitals: "WHAT YOU NEED TO KNOW TODAY"
    if i > 0 and toks[i - 1].sentence == t.sentence and toks[i - 1].is_word:
        return True
    return len(t.text) > 1 and t.text.isupper()


_AGO_UNITS = {"day": "day", "days": "day", "month": "month", "months": "month", "year": "year",
              "years": "year"}


@lru_cache(maxsize=1)
def _qualifier_ends() -> frozenset[str]:
    return frozenset(k[-1] for k in qualifiers())


def _ago(toks, i: int, n: int) -> RawDate | None:
    """"two days ago", "a year ago", "three years ago": a date counted back from the reference
    (days to the day, months to the month, years to the year). Weeks are left out: "a week ago"
    is a loose day, and an exact one would clash with the event's real date. So are qualified and
    compound counts ("more than a year ago", "forty five years ago", "three or four months ago"):
    they stay durations."""
    if i + 2 >= n or toks[i + 2].norm != "ago" or toks[i + 1].norm not in _AGO_UNITS:
        return None
    if not (toks[i].sentence == toks[i + 1].sentence == toks[i + 2].sentence):
        return None
    if i > 0 and toks[i - 1].sentence == toks[i].sentence:
        prev = toks[i - 1].norm
        if prev in number_words() or prev in ("and", "or", "to", "-") or prev in _qualifier_ends():
            return None  # "forty five years ago", "more than a year ago": left a duration
    norm = toks[i].norm
    count = 1 if norm in ("a", "an", "one") else (int(norm) if norm.isdigit() else words_value([norm]))
    if not count or count != int(count) or count > 100:
        return None
    count = int(count)
    unit = _AGO_UNITS[toks[i + 1].norm]
    t, e = toks[i], toks[i + 2]
    if unit == "day":
        return RawDate(i, i + 3, t.start, e.end, "relative", offset_days=-count)
    return RawDate(i, i + 3, t.start, e.end, "relative", month_offset=-count, direction=unit)


def find_dates(doc: Doc) -> list[RawDate]:
    """Every date expression in the article, in text order, as token ranges."""
    toks = doc.tokens
    n = len(toks)
    out: list[RawDate] = []
    wd = weekdays()
    mo = months()
    rel = sorted(relative_days().items(), key=lambda kv: -len(kv[0]))
    rel_first = {k[0] for k, _ in rel}
    interesting = set(wd) | set(mo) | rel_first | {"this", "last", "next"}
    # the tokens where a date may start (a superset): a digit first, a hyphen, a weekday, month or
    # relative word, two tokens before "ago"; every other token is passed over, as the rules
    # below would pass it
    norms = columns(doc).norm  # (the comparison's token columns, built once per article)
    at = [i for i, w in enumerate(norms) if w[:1].isdigit() or "-" in w or w.rstrip(".") in interesting
          or (i + 2 < n and norms[i + 2] == "ago")]
    starts = set(at)
    at.append(n)
    i = 0
    while i < n:
        if i not in starts:
            i = at[bisect_left(at, i)]
            continue
        t = toks[i]
        norm = t.norm
        if "-" in norm and norm.split("-", 1)[0] in _PART_OF_MONTH:
            # "mid-April", "early-May", "late-March" written as one word: that month
            head, tail = norm.split("-", 1)
            month = mo.get(tail.rstrip(".")) if t.text[len(head) + 1:][:1].isupper() else 0
            if month:
                out.append(RawDate(i, i + 1, t.start, t.end, "month", 0, month))
            i += 1
            continue
        ago = _ago(toks, i, n)
        if ago is not None:
            out.append(ago)
            i = ago.tok_end
            continue
        if not (norm[:1].isdigit() or norm.rstrip(".") in interesting):
            i += 1
            continue
        sent = t.sentence

        def same_sentence(j, sent=sent):
            return j < n and toks[j].sentence == sent
        # ISO 2025-10-15 (tokens "2025" "-" "10" "-" "15" written without spaces)
        if (_YEARNUM.match(t.norm) and i + 4 < n
                and all(toks[j].start == toks[j - 1].end for j in range(i + 1, i + 5))):
            m = _ISO.match(doc.text[t.start:toks[i + 4].end])
            if m and toks[i + 1].norm == "-" and toks[i + 3].norm == "-":
                y, mo, d = (int(g) for g in m.groups())
                if 1 <= mo <= 12 and 1 <= d <= 31:
                    out.append(RawDate(i, i + 5, t.start, toks[i + 4].end, "absolute", y, mo, d))
                    i += 5
                    continue
        month = _month_of(t)
        start_i = i
        weekday = wd.get(t.norm.rstrip(".")) if t.text[:1].isupper() and len(t.norm) > 3 else None
        if weekday is not None:
            # "Monday, 17 November 2025": the weekday belongs to the absolute date after it
            j = i + 1 + (1 if same_sentence(i + 1) and toks[i + 1].norm == "," else 0)
            if same_sentence(j) and (_month_of(toks[j]) or (
                    _day_of(toks[j]) and same_sentence(j + 1) and _month_of(toks[j + 1]))):
                start_i, i, t = i, j, toks[j]
                month = _month_of(t)
            else:
                back = [toks[k].norm for k in range(max(0, i - 4), i) if toks[k].sentence == t.sentence]
                direction = "past"
                if back and back[-1] == "last":
                    direction = "strict_past"
                elif any(w in _FUTURE for w in back):
                    direction = "future"
                s = i - 1 if back and back[-1] in ("last", "next", "this") else i
                out.append(RawDate(s, i + 1, toks[s].start, t.end, "weekday", weekday=weekday,
                                   direction=direction))
                i += 1
                continue
        if month:
            # Month Day[, Year] | Month Year | (in) Month
            j = i + 1
            followed = same_sentence(j + 1) and toks[j + 1].norm in (":", "%")
            if same_sentence(j) and _day_of(toks[j]) and not followed:
                day = _day_of(toks[j])
                end = j + 1
                year = 0
                k = end + (1 if same_sentence(end) and toks[end].norm == "," else 0)
                if same_sentence(k) and _year_of(toks[k]):
                    year, end = _year_of(toks[k]), k + 1
                out.append(RawDate(start_i, end, toks[start_i].start, toks[end - 1].end, "absolute",
                                   year, month, day))
                i = end
                continue
            if same_sentence(j) and _year_of(toks[j]):
                out.append(RawDate(start_i, j + 1, toks[start_i].start, toks[j].end, "month",
                                   _year_of(toks[j]), month))
                i = j + 1
                continue
            prev = toks[i - 1].norm if i > 0 and toks[i - 1].sentence == t.sentence else ""
            if prev in ("in", "since", "during", "until", "through", "throughout", "by", "early",
                        "late", "mid", "mid-", "of", "last", "next", "this", "from", "before", "after"):
                direction = {"last": "strict_past", "next": "future"}.get(prev, "")
                out.append(RawDate(i, i + 1, t.start, t.end, "month", 0, month, direction=direction))
            i += 1
            continue
        # Day Month [Year]: "17 November 2025", "the 17th of November"
        day = _day_of(t)
        if day:
            j = i + 1
            if same_sentence(j + 1) and toks[j].norm == "of":
                j += 1
            if same_sentence(j) and _month_of(toks[j]):
                month = _month_of(toks[j])
                end = j + 1
                year = 0
                if same_sentence(end) and _year_of(toks[end]):
                    year, end = _year_of(toks[end]), end + 1
                if start_i < i:
                    s = start_i  # "Monday, 17 November 2025"
                elif i > 0 and toks[i - 1].norm == "the" and toks[i - 1].sentence == t.sentence:
                    s = i - 1
                else:
                    s = i
                out.append(RawDate(s, end, toks[s].start, toks[end - 1].end, "absolute", year, month, day))
                i = end
                continue
        # relative days: "yesterday", "the day before yesterday"
        matched = False
        for key, offset in (rel if norm in rel_first and not _names_a_show(doc, i) else ()):
            m = len(key)
            if (tuple(x.norm for x in toks[i:i + m]) == key
                    and all(toks[k].sentence == t.sentence for k in range(i, i + m))):
                out.append(RawDate(i, i + m, t.start, toks[i + m - 1].end, "relative", offset_days=offset))
                i += m
                matched = True
                break
        if matched:
            continue
        # relative weeks, months and years: "this week", "last week", "earlier this month", "last
        # month", "this year('s)", "next year" (a week or a year after "of", "per", "a", "the" or
        # "this" is none: "over this last year", "in the last week" are spans of time)
        unit = toks[i + 1].norm if t.norm in ("this", "last", "next") and same_sentence(i + 1) else ""
        if unit == "week" and not toks[i + 1].text.islower():
            unit = ""  # ABC's "This Week", "Last Week Tonight": a programme's name
        if unit == "month" or unit in ("year", "week") and not (
                i > 0 and toks[i - 1].sentence == t.sentence
                and toks[i - 1].norm in ("of", "per", "a", "the", "this")):
            earlier = (i > 0 and toks[i - 1].norm in ("earlier", "later")
                       and toks[i - 1].sentence == t.sentence)
            s = i - 1 if earlier else i
            off = {"this": 0, "last": -1, "next": 1}[t.norm]
            out.append(RawDate(s, i + 2, toks[s].start, toks[i + 1].end, "relative", month_offset=off,
                               direction=unit))
            i += 2
            continue
        # a year alone: "in 2010", "the 2016 presidential election" (not "the 2000 residents": a count)
        year = _year_of(t)
        if year and (i + 1 >= n or toks[i + 1].norm not in ("%", "-")):
            prev = toks[i - 1].norm if i > 0 and toks[i - 1].sentence == sent else ""
            q = i + 1 + (1 if same_sentence(i + 2) and toks[i + 1].norm in _OPEN_QUOTES else 0)
            nxt = toks[q] if same_sentence(q) else None  # the 2017 "Person of the Year"
            if prev in _YEAR_BEFORE or (prev in _YEAR_DET and nxt is not None and nxt.is_word
                                        and nxt.pos in _YEAR_MODIFIES
                                        and (nxt.lemma.lower() not in counted()
                                             or nxt.pos in ("NN", "NNP"))):
                # a singular noun after it is not counted by it: "the 2017 Person of the Year"
                out.append(RawDate(i, i + 1, t.start, t.end, "year", year))
        i += 1
    return out


def reference_date(doc: Doc, found: list[RawDate]) -> tuple[_dt.date | None, str, int]:
    """(reference date, how it was found, a year written in the text) for resolving dates."""
    text_years = Counter(d.year for d in found if d.year and d.kind != "year")
    text_year = text_years.most_common(1)[0][0] if text_years else 0
    iso = doc.article.date or ""
    m = _ISO.match(iso)
    if m:
        try:
            return _dt.date(*(int(g) for g in m.groups())), "article_date", text_year
        except ValueError:
            pass
    for d in found:
        if d.kind == "absolute" and d.year and doc.tokens[d.tok_start].sentence < 3:
            try:
                return _dt.date(d.year, d.month, d.day), "dateline", text_year
            except ValueError:
                continue
    return None, "", text_year


def resolve(d: RawDate, ref: _dt.date | None, ref_kind: str, text_year: int) -> tuple[str, bool, str]:
    """(iso, resolved, reference used) for one date. See the module docstring for the rules."""
    if d.kind == "absolute":
        year, used = d.year, ""
        if not year and ref is not None:
            year, used = ref.year, ref_kind
            try:
                cand = _dt.date(year, d.month, d.day)
            except ValueError:
                return f"--{d.month:02d}-{d.day:02d}", False, ""
            if (cand - ref).days > 120:
                year -= 1
            elif (ref - cand).days > 240:
                year += 1
        elif not year and text_year:
            year, used = text_year, "text_year"
        if not year:
            return f"--{d.month:02d}-{d.day:02d}", False, ""
        try:
            return _dt.date(year, d.month, d.day).isoformat(), True, used
        except ValueError:
            return "", False, ""
    if d.kind == "year":
        return f"{d.year:04d}", False, ""
    if d.kind == "month":
        year = d.year or (ref.year if ref is not None else text_year)
        used = "" if d.year else (ref_kind if ref is not None else ("text_year" if text_year else ""))
        if not d.year and ref is not None:
            # "last September" in a March paper is the September before; "next March" in May, the one after
            if d.direction == "strict_past" and d.month >= ref.month:
                year -= 1
            elif d.direction == "future" and d.month <= ref.month:
                year += 1
        return (f"{year:04d}-{d.month:02d}" if year else f"--{d.month:02d}"), False, used
    if ref is None:
        return "", False, ""
    if d.kind == "weekday":
        delta = (ref.weekday() - d.weekday) % 7
        if d.direction == "future":
            delta = -((d.weekday - ref.weekday()) % 7)
        elif d.direction == "strict_past" and delta == 0:
            delta = 7
        return (ref - _dt.timedelta(days=delta)).isoformat(), True, ref_kind
    if d.direction == "year":
        return f"{ref.year + d.month_offset:04d}", False, ref_kind
    if d.direction == "week":  # the ISO week (Monday to Sunday): "2018-W18"
        year, week, _ = (ref + _dt.timedelta(weeks=d.month_offset)).isocalendar()
        return f"{year:04d}-W{week:02d}", False, ref_kind
    if d.direction == "month":
        month = ref.month - 1 + d.month_offset
        year = ref.year + month // 12
        return f"{year:04d}-{month % 12 + 1:02d}", False, ref_kind
    return (ref + _dt.timedelta(days=d.offset_days)).isoformat(), True, ref_kind
