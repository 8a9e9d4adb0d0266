"""Noun-phrase chunks over Penn tags: the speaker of "Defence Minister Khawaja Asif said" and of
"..., said Rep. Gwen Moore (D-Wis.), head of the caucus."

There is no parser offline, so a source is found as the noun phrase that ends right before a cue
(walking left) or starts right after it (walking right). Prepositional tails that belong to a
description ("a professor at Loyola University", "Secretary of State John Kerry") are kept;
clauses are not.
"""
from __future__ import annotations

NOUNS = frozenset({"NN", "NNS", "NNP", "NNPS"})
PROPER = frozenset({"NNP", "NNPS"})
NP_INNER = frozenset({"DT", "PDT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "POS", "CD",
                      "PRP$", "HYPH", "FW", "VBN", "VBG"})
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"})
PP_IN_NP = frozenset({"of", "for", "at", "from", "on", "with", "in"})
#: Pronouns that may end a prepositional tail inside a source phrase ("a source close to him").
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "it"})
AUX_SKIP = frozenset({"have", "do", "will", "would", "could", "can", "may", "might", "must", "shall",
                      "should", "not", "also", "still", "then", "later", "again", "too", "now"})
QUANTIFIER_HEADS = frozenset({"most", "many", "some", "both", "all", "half", "few", "several", "others",
                              "majority"})
TIME_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight", "earlier", "later", "recently", "afternoon", "morning", "evening",
    "night", "week", "month", "year", "weekend", "day",
    "weeks", "months", "years", "days", "hours",  # "Weeks later, he announced": not a speaker
    "hour", "moment", "decade", "season",
    # months ("as late as February was calling", "In March officials said"), but not those that are
    # also first names or a surname of speakers ("April Ryan", "Theresa May", "June", "August":
    # NAME_MONTHS)
    "january", "february", "march", "july", "september", "october", "november", "december",
})
#: Months that are also names, so not in TIME_WORDS: a time word only after a time preposition
#: ("and in May said": the subject of the sentence said it, not May; extract._before_time_adverbial).
NAME_MONTHS = frozenset({"april", "may", "june", "august"})


#: Words that open or fill a time adverbial besides the time words: "on Friday", "last week",
#: "earlier this month", "two weeks ago", "this past weekend".
_TIME_FILLERS = frozenset({"on", "in", "during", "at", "since", "last", "this", "next", "past", "early",
                           "late", "earlier", "just", "the", "a", "an", "ago", "of"})


def time_adverbial_end(tokens, k: int, hi: int) -> int:
    """End (exclusive) of a time adverbial that opens at tokens[k] ("Friday", "last week", "on
    Tuesday night", "in March", "earlier this month", "two weeks ago", "on October 3", "in 2015"),
    else k. It holds at least one time word (TIME_WORDS) and ends at a time word, a day's number,
    a year after "in" or "since", or "ago"; a month that is also a name (NAME_MONTHS) counts only
    after a preposition or "last", "this", "next" ("in May", not "May said"); an article opens one
    only before "<time word> ago" ("a week ago", not "a day at home")."""
    m, end = k, k
    timed = False
    if k < hi and tokens[k].norm in ("the", "a", "an") and not (
            k + 2 < hi and tokens[k + 1].norm in TIME_WORDS and tokens[k + 2].norm == "ago"):
        return k  # "described a day at home", "the day ..."; but "a week ago"
    while m < hi:
        t = tokens[m]
        if t.norm in TIME_WORDS or t.norm in NAME_MONTHS and m > k and \
                tokens[m - 1].norm in ("in", "on", "since", "during", "early", "late", "last", "next", "this"):
            timed = True
            end = m + 1
        elif t.pos == "CD":
            if timed and end == m or m > k and tokens[m - 1].norm in ("in", "since", "during") and \
                    len(t.text) == 4 and t.text.isdigit():
                timed = True
                end = m + 1  # "on October 3", "in 2015" (not "this week the two sides")
            elif not (m + 1 < hi and tokens[m + 1].norm in TIME_WORDS):
                break  # ("two weeks ago")
        elif t.norm == "ago":
            if timed:
                end = m + 1
        elif t.norm not in _TIME_FILLERS:
            break
        m += 1
    return end if timed else k


def is_word(tok) -> bool:
    return tok.text[:1].isalnum()


def np_head_ok(tok) -> bool:
    """Can this token end a noun phrase that names a speaker?"""
    if tok.pos in NOUNS:
        return tok.norm not in TIME_WORDS
    if tok.norm in QUANTIFIER_HEADS and tok.pos in ("JJS", "JJ", "DT", "PDT", "RB", "CD"):
        return True  # "Most believe ...", "Both said ...", "Many say ..."
    if tok.norm == "general" and tok.pos == "JJ":
        return True  # "inspector general", "attorney general"
    if tok.pos in ("PRP", "WP") and tok.norm in SUBJECT_PRONOUNS:
        return True
    if tok.pos == "WDT" and tok.norm in ("which", "that"):
        return True
    return tok.pos == "CD" and tok.text.isdigit() is False and tok.text[:1].isupper()


#: Participles that name a poll's respondents after "those" ("those surveyed", "those polled").
_RESPONDENTS = frozenset({"surveyed", "polled", "questioned", "interviewed", "sampled", "asked"})


def np_left(tokens, j: int, lo: int) -> int | None:
    """Start index of the noun phrase whose last token is tokens[j] (not before lo), or None.

    Pronouns and relative pronouns stand alone. Parenthesised party tags ("(D-N.C.)") and
    "of"/"for"/"at" tails are kept inside the phrase.
    """
    if j < lo:
        return None
    t = tokens[j]
    if t.text == ")":
        k = j - 1
        while k > lo and tokens[k].text != "(" and j - k < 8:
            k -= 1
        if k <= lo or tokens[k].text != "(":
            return None
        start = np_left(tokens, k - 1, lo)
        return start
    if t.pos == "PRP" and t.norm in OBJECT_PRONOUNS and j - 1 > lo and \
            tokens[j - 1].norm in PP_IN_NP | {"to"}:
        # "people close to him", "sources familiar with it", "most of them": the pronoun ends a
        # prepositional tail of the phrase; it is not the speaker
        start = _np_left_extend(tokens, j, lo)
        if start < j:
            return start
    if t.pos == "CD" and (t.text.endswith("%") or j - 2 >= lo and tokens[j - 1].norm == "in" and
                          (tokens[j - 2].pos == "CD" or tokens[j - 2].norm in _FRACTIONS)):
        # a poll share standing alone: "More than six in 10 said", "47% say"
        return _np_left_extend(tokens, j, lo)
    if t.pos in ("VBN", "VBD") and t.norm in _RESPONDENTS and j - 1 >= lo and tokens[j - 1].norm == "those":
        # "those surveyed said", "31 percent of those polled say": a poll's respondents
        return _np_left_extend(tokens, j - 1, lo)
    if not np_head_ok(t):
        return None
    if t.pos in ("PRP", "WP", "WDT"):
        return j
    k = j
    before_and = None  # where the phrase started before joining a conjunct over "and"
    while k - 1 >= lo:
        p = tokens[k - 1]
        if p.pos in NP_INNER and p.norm not in TIME_WORDS or p.text in ("-", "&", ".") and k - 2 >= lo and \
                tokens[k - 2].pos in PROPER or p.text == "/" and k - 2 >= lo and tokens[k - 2].pos in PROPER \
                and tokens[k - 2].norm not in TIME_WORDS and tokens[k].pos in PROPER:
            # ("/" joins two names into one: "a CNN/ORC poll", "The latest Reuters/Ipsos poll")
            if p.pos in ("VBN", "VBG") and not (k - 2 >= lo and tokens[k - 2].pos in ("DT", "PRP$", "JJ")):
                break  # a verb, not a participle inside a description
            if p.pos == "DT" or p.pos == "PDT":
                k -= 1
                if k - 1 >= lo and tokens[k - 1].pos == "PDT":
                    k -= 1
                break
            k -= 1
            continue
        if p.norm in PP_IN_NP and k - 2 >= lo and tokens[k - 2].pos in NOUNS and \
                tokens[k].pos in PROPER | {"DT", "PRP$", "JJ", "NN", "NNS"}:
            k -= 1
            continue
        if p.norm == "and" and k - 2 >= lo and tokens[k - 2].pos in PROPER and tokens[k].pos in PROPER:
            k -= 1
            continue
        if p.pos in ("IN", "TO") and p.text[:1].isupper() and k - 2 >= lo and \
                tokens[k - 2].text[:1].isupper() and tokens[k].pos in PROPER:
            k -= 1  # a capitalised preposition inside a name: "Doctors Without Borders"
            continue
        if p.norm == "and" and k - 2 >= lo and (tokens[k - 2].pos in NOUNS or tokens[k - 2].pos == "JJ") and \
                tokens[k - 2].norm not in TIME_WORDS and tokens[k].pos in NP_INNER and \
                tokens[k].pos not in ("DT", "PDT", "PRP$", "POS") and before_and is None:
            # "domestic and international critics", "RNC members and officials": one phrase, when it
            # opens its clause (checked below); "Trump attacked Clinton and her aides said" does not join
            before_and = k
            k -= 1
            continue
        if p.text == "-" and k - 2 >= lo and tokens[k - 2].pos == "CD":
            k -= 1  # "81-year-old Parker Eaton"
            continue
        break
    start = _np_left_extend(tokens, k, lo)
    if before_and is not None and start > lo and (tokens[start - 1].pos[:2] in ("VB", "IN", "TO", "RP", "MD") or
                                                 tokens[start - 1].pos in NOUNS):
        # the joined conjunct is an object ("abused hundreds of priests and ...", "fell to 7.5
        # percent ... and employers"): the phrase is only what came after "and"
        return _np_left_extend(tokens, before_and, lo)
    return start


#: Adjectives that take a prepositional tail inside a source phrase: "sources close to the campaign",
#: "people familiar with the talks".
_POSTMOD_ADJ = frozenset({"close", "familiar", "privy", "loyal", "near", "opposed", "allied"})
#: Words that open a quantity before a number or fraction: "about four in 10 voters", "nearly half".
_QUANT_ADV = frozenset({"about", "nearly", "roughly", "almost", "only", "just", "around", "approximately",
                        "some", "over", "under", "least", "than"})
_FRACTIONS = frozenset({"half", "third", "thirds", "quarter", "quarters", "three-quarters", "two-thirds",
                        "majority", "majorities", "minority", "plurality", "percent", "share", "most",
                        "many", "some", "all", "none", "each", "both", "few", "several", "one", "two",
                        "three", "four", "five", "dozens", "hundreds", "thousands", "millions", "number",
                        "proportion", "percentage"})


def _np_left_extend(tokens, k: int, lo: int) -> int:
    """Grow a source phrase leftwards over what PolNeAR keeps in it: a head noun with its
    prepositional tail ("Aides to Clinton", "Bush and his rivals for the nomination" ->
    "rivals for ..."), poll quantities ("52 percent of registered voters", "Nine in 10 Democrats")
    and the hedges before them ("About", "Nearly half", "At least half")."""
    for _ in range(4):
        if k - 2 >= lo and tokens[k - 1].norm in PP_IN_NP | {"to"} and (tokens[k].pos in \
                PROPER | {"DT", "PRP$", "JJ", "NN", "NNS", "CD"} or tokens[k].norm in OBJECT_PRONOUNS):
            head = tokens[k - 2]
            if head.pos in NOUNS and head.norm not in TIME_WORDS or head.norm in _POSTMOD_ADJ or \
                    head.norm in _FRACTIONS:
                start = np_left(tokens, k - 2, lo) if head.pos in NOUNS else k - 2
                if head.norm in _POSTMOD_ADJ and k - 3 >= lo and tokens[k - 3].pos in NOUNS:
                    start = np_left(tokens, k - 3, lo)
                if start is not None and start < k - 1:
                    k = start
                    continue
        if k - 2 >= lo and tokens[k - 1].norm == "in" and tokens[k].pos == "CD" and \
                (tokens[k - 2].pos == "CD" or tokens[k - 2].norm in _FRACTIONS):
            k -= 2  # "Six in 10 voters"
            continue
        if k - 1 >= lo and tokens[k - 1].norm in _QUANT_ADV and tokens[k].pos in ("CD", "NN", "NNS", "JJ", "DT") \
                and (tokens[k].pos == "CD" or tokens[k].norm in _FRACTIONS):
            k -= 1
            if k - 1 >= lo and tokens[k - 1].norm in ("at", "more", "less", "fewer") and \
                    tokens[k].norm in ("least", "than"):
                k -= 1
            continue
        break
    return k


#: Words that head a phrase before its "of" ("one of those advisers", "some of them").
_OF_HEADS = frozenset({"one", "some", "many", "most", "several", "all", "both", "each", "none", "two",
                       "three", "four", "five", "few", "half"})
#: Tags that may open the object of a preposition inside a noun phrase ("the governor of Texas").
_PP_OBJECT_TAGS = PROPER | {"DT", "PRP$", "JJ", "NN", "NNS"}


def _spaced(tokens, k: int, hi: int) -> bool:
    """Is the hyphen at k set off by spaces on both sides (a dash: "according to the Tax Policy
    Center - half a percentage point of ...")? One joining two words has none ("Post - ABC" is rare;
    the tokenizer keeps "Post-ABC" whole)."""
    return k > 0 and tokens[k - 1].end < tokens[k].start and k + 1 < hi and tokens[k + 1].start > tokens[k].end


def _inside_abbreviation(tokens, m: int, hi: int) -> bool:
    """Is the period at m inside a written abbreviation ("R-S.C.": "R-S", ".", "C."), i.e. glued
    to the token after it?"""
    return tokens[m].text == "." and m + 1 < hi and tokens[m + 1].start == tokens[m].end


#: Quantity words that open a noun phrase of their own after a noun ("told the Associated Press
#: several stones ...").
QUANTIFIERS = frozenset({"several", "many", "few", "some", "most", "all", "both", "each", "no"})


def _opens_next_phrase(tokens, k: int, hi: int) -> bool:
    """Does tokens[k], right after a noun, open another noun phrase: an article ("told Reuters the
    talks had failed"; not inside a name, "Adopt a Revolution"), a number (not a year after its
    month, "December 2017") or a quantity word ("told the Associated Press several stones ...")?"""
    p = tokens[k]
    if p.norm in ("the", "a", "an"):
        return not (k + 1 < hi and tokens[k + 1].pos in PROPER and tokens[k - 1].pos in PROPER)
    if p.pos == "CD":
        return tokens[k - 1].norm not in NAME_MONTHS and tokens[k - 1].norm not in TIME_WORDS
    return p.norm in QUANTIFIERS


def np_right(tokens, i: int, hi: int, appositive: bool = True, of_heads: bool = False) -> int | None:
    """End index (exclusive) of the noun phrase starting at tokens[i] (before hi), or None.

    With `appositive`, a comma-separated description that runs to the end of the clause is kept
    (", head of the Congressional Black Caucus"); with `of_heads`, a quantity word before "of"
    heads the phrase ("said one of those advisers").
    """
    if i >= hi:
        return None
    t = tokens[i]
    if t.pos in ("PRP",) and t.norm in SUBJECT_PRONOUNS:
        return i + 1
    k = i
    saw_noun = False
    while k < hi:
        p = tokens[k]
        pos = p.pos
        if saw_noun and k > i and tokens[k - 1].pos in NOUNS and _opens_next_phrase(tokens, k, hi):
            break  # an article or a number after a noun opens the next phrase: "told Reuters the talks ..."
        if pos in NP_INNER and not (pos in ("VBN", "VBG") and not saw_noun and
                                    not (k > i and tokens[k - 1].pos in ("DT", "CD", "JJ") and k + 1 < hi and
                                         tokens[k + 1].pos in NOUNS)) or \
                saw_noun and (p.text == "&" or p.text == "-" and not _spaced(tokens, k, hi)) or \
                p.text == "/" and saw_noun and tokens[k - 1].pos in PROPER and k + 1 < hi and \
                tokens[k + 1].pos in PROPER:
            # (a participle between a determiner and a noun describes it: "one unaligned Florida
            # Republican strategist"; "/" joins two names into one, as in np_left: "according to a
            # Reuters/Ipsos poll")
            if pos in NOUNS:
                saw_noun = True
            elif saw_noun and pos in ("VBN", "VBG"):
                break
            k += 1
            continue
        if p.text == "(" and saw_noun:
            m = k + 1
            while m < hi and tokens[m].text != ")" and m - k < 8:
                m += 1
            if m < hi and tokens[m].text == ")":
                k = m + 1
                continue
            break
        if p.norm in PP_IN_NP and saw_noun and k + 1 < hi and tokens[k + 1].pos in _PP_OBJECT_TAGS:
            k += 1
            continue
        if of_heads and p.norm == "of" and not saw_noun and k == i + 1 and tokens[i].norm in _OF_HEADS \
                and k + 1 < hi and tokens[k + 1].pos in _PP_OBJECT_TAGS | {"PRP"}:
            saw_noun = True  # "one of those advisers", "some of them"
            k += 1
            if tokens[k].pos == "PRP":
                k += 1
                break
            continue
        break
    if not saw_noun:
        return None
    while k > i and tokens[k - 1].pos in ("POS", "DT", "HYPH"):
        k -= 1
    if appositive and k < hi and tokens[k].text == ",":
        m = k + 1
        ok = m < hi
        while m < hi and (tokens[m].pos not in (".", ":") or _inside_abbreviation(tokens, m, hi)) \
                and tokens[m].text not in (",", ";"):
            if tokens[m].pos.startswith("VB") and tokens[m].pos not in ("VBN", "VBG") or \
                    tokens[m].pos in ("WP", "WDT", "MD"):
                ok = False
                break
            m += 1
        if ok and m > k + 1 and m < hi and tokens[m].text == "," and tokens[m - 1].text.endswith("."):
            k = m  # a party label closed by its comma: "Rep. Adam Schiff, D-Calif., who ..."
        elif ok and m > k + 1 and (m == hi or tokens[m].pos == "."):
            k = m
    return k
