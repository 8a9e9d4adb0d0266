"""A US speaker's party: which side of US politics a voice speaks for.

An attribution's `affiliation` is the speaker's country or organisation ("United States",
"Pakistan"): the sides of a story between states. In US political news nearly every speaker is
"United States", and the sides a reader weighs are the parties. The party is read, in order of
trust, from:

1. what the article itself says of the speaker, wherever it names them: a party letter after the
   name ("Sen. Lindsey Graham, R-S.C.", "Rep. Ilhan Omar (D-Minn.)", "Paul Ryan (R., Wis.)"), a
   party word before it among titles and first names ("Republican Sen. Lindsey Graham",
   "Democratic presidential candidate Bernie Sanders") or in an apposition after it ("Graham, a
   Republican", "Kaine, the top Democrat on the panel"); the commonest party wins, a tie between
   two says nothing;
2. for a group or body, the party its own words name ("Senate Democrats", "GOP leaders", "the
   Republican National Committee");
3. a list of US politicians of 2008-2025 by full name (framing/data/attribution/party_names.tsv:
   senators, governors, House leaders and well-known members, presidential candidates, party
   chairs; people whose party changed in those years are left out);
4. the gazetteer's well-known politicians (framing/data/attribution/parties.tsv), which also
   name them by surname alone: elected officials, candidates and party figures only, since a
   party changes less than an office but an appointee speaks for the office.

Parties are "Democratic", "Republican" and "independent"; "" when nothing says. Other countries'
parties are not read (their speakers' sides are their countries, as before). A speaker with a
party and no side of their own is on the side of the country whose parties these are
(`PARTY_COUNTRY`): "Former governor Mike Huckabee" is a US voice.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .data import data_rows, first_names

#: The gazetteer id of the country whose parties this module reads.
PARTY_COUNTRY = "USA"

#: Lower-case words before a name that may stand between a party word and the name, besides
#: capitalised words (titles, first names): "Democratic presidential candidate Bernie Sanders".
_ROLE_WORDS = ("presidential", "vice", "candidate", "nominee", "hopeful", "senator", "lawmaker",
               "leader", "state", "congressman", "congresswoman", "governor", "mayor", "strategist",
               "rep.", "sen.", "gov.", "rival", "challenger", "incumbent", "chairman", "chairwoman")
#: A capitalised word holds no period unless it is a short abbreviation ("Sen.", "Gov.", "W."), and
#: words are separated by spaces, not line breaks: "the Republican Party. Richardson contends" and
#: "Republican George W. Bush.\n\nJohnson's" say nothing of Richardson or Johnson.
_BETWEEN = (r"(?:(?:[A-Z][\w'’-]*|[A-Z][a-z]{0,3}\.|" + "|".join(re.escape(w) for w in _ROLE_WORDS)
            + r")[ \t]+){0,5}")


@lru_cache(maxsize=1)
def party_data() -> tuple[dict, dict, dict]:
    """(party word -> party, party letter -> party, gazetteer person id -> party)."""
    words, letters, persons = {}, {}, {}
    tables = {"word": words, "letter": letters, "person": persons}
    for row in data_rows("parties.tsv"):
        if row["kind"] not in tables or not row["text"] or not row["party"]:
            raise ValueError(f"framing/data/attribution/parties.tsv: bad row {row}: expected kind "
                             "(word, letter, person), text, party")
        tables[row["kind"]][row["text"]] = row["party"]
    return words, letters, persons


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    letters = party_data()[1]
    word_alt = "|".join(sorted(map(re.escape, _word_forms()), key=len, reverse=True))
    letter_alt = "|".join(re.escape(x) for x in sorted(letters))
    # after the name: ", R-S.C.", " (D-Calif.)", " (R., Wis.)"
    after = re.compile(r"\s*[,(]\s*(" + letter_alt + r")\s*(?:-|–|\.,)\s*[A-Z]")
    # an apposition after the name: ", a Republican", ", the top Democrat on ...", and with no
    # article the party noun itself before its state: ", Democrat of Maine", ", Republican from Ohio"
    apposition = re.compile(r",\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(" + word_alt
                            + r")\b|(Democrat|Republican)\s+(?:of|from)\s+[A-Z])")
    # before the name, among titles and first names: "Republican Sen. Lindsey "
    before = re.compile(r"\b(" + word_alt + r")[ \t]+" + _BETWEEN + r"\Z")
    return after, apposition, before


@lru_cache(maxsize=1)
def _word_forms() -> tuple[str, ...]:
    """Every party word as the patterns accept it: a text without any of them has no word cue."""
    return tuple(sorted({f for w in party_data()[0] for f in _written(w)}))


def _written(word: str) -> tuple[str, str]:
    """How a party word is written in news: capitalised or in capitals ("Republican", "GOP"); a
    lower-case "democratic" process names no party."""
    return word.capitalize(), word.upper()


def party_in_words(text: str) -> str:
    """The one party a group's or body's own words name ("Senate Democrats", "the GOP"), else ""."""
    words, _, _ = party_data()
    found = {words[w.lower()] for w in re.findall(r"[A-Za-z]+", text)
             if w.lower() in words and w in _written(w.lower())}
    return found.pop() if len(found) == 1 else ""


def party_from_text(text: str, name: str) -> str:
    """The party the text gives the person `name` ("Lindsey Graham") wherever it names them by
    surname: the commonest of the cues the module docstring lists, "" on a tie or none.

    Most texts and most mentions have no cue near them: a text with no party word and no party
    letter is not searched, and the patterns run only where such a word or letter is near."""
    parts = name.split()
    if not parts:
        return ""
    surname = parts[-1]
    if not surname[:1].isupper() or len(surname) < 2:
        return ""
    hints = _word_forms()
    has_word, has_letter = _cues_in(text)
    if not (has_word or has_letter):
        return ""
    words, letters, _ = party_data()
    after, apposition, before = _patterns()
    votes: Counter = Counter()
    size = len(surname)
    own = {p.lower() for p in parts[:-1]}
    given = first_names()
    k = text.find(surname)
    while k >= 0:
        end = k + size
        if (k == 0 or not _joins(text[k - 1])) and (end == len(text) or not _joins(text[end])) \
                and not _someone_else(text, k, own, given):
            party = ""
            rest = text[end:end + 60]
            if has_letter:
                hit = after.match(rest)
                if hit:
                    party = letters[hit.group(1)]
            if not party and has_word:
                hit = apposition.match(rest)
                if hit and _closes_apposition(text[end + hit.end():end + hit.end() + 80]):
                    party = words[(hit.group(1) or hit.group(2)).lower()]
                else:
                    window = text[max(0, k - 80):k]
                    if any(w in window for w in hints):
                        hit = before.search(window)
                        if hit:
                            party = words[hit.group(1).lower()]
            if party:
                votes[party] += 1
        k = text.find(surname, end)
    if not votes:
        return ""
    ranked = votes.most_common(2)
    return ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else ""


_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’-]*)[ \t]+\Z")


def _someone_else(text: str, k: int, own: set, given: dict) -> bool:
    """Whether the surname at k belongs to another person: a first name other than the speaker's
    stands right before it ("Sen. Angus King, an independent" says nothing of Rep. Peter King's
    party; the two tied, and Peter King had none)."""
    if not own:
        return False
    hit = _WORD_BEFORE.search(text, max(0, k - 30), k)
    if hit is None:
        return False
    word = hit.group(1).lower()
    return word in given and word not in own


#: Words that make what follows a name and a comma a clause of its own, not an apposition:
#: "To hear Obama, the Republican nominee is 'all over the map'".
_CLAUSE_VERBS = frozenset({"is", "was", "are", "were", "has", "had", "have", "will", "would",
                           "could", "can", "should", "may", "might", "must", "does", "did", "do",
                           "says", "said", "thinks", "wants", "believes"})
_RELATIVES = frozenset({"who", "whom", "whose", "which", "that"})
_APPOSITION_TAIL = re.compile(r"[^,.;:)(\"\u201c\u201d]*")


def _closes_apposition(tail: str) -> bool:
    """Whether the words after an apposition's party word ("..., the top Democrat| on the panel,
    said") go on as a noun phrase: up to the next comma, period, semicolon, colon or bracket (or
    the end of `tail`) no auxiliary or verb of saying before any relative pronoun, and no
    quotation mark at that stop."""
    m = _APPOSITION_TAIL.match(tail)
    if tail[m.end():m.end() + 1] in ('"', "\u201c", "\u201d", "("):
        return False
    for word in m.group().split():
        word = word.lower()
        if word in _RELATIVES:
            return True  # "a Republican who has pushed for it": the verb is the relative clause's
        if word in _CLAUSE_VERBS:
            return False
    return True


#: A text with none of this holds no party letter after a name.
_LETTER_HINT = re.compile(r"[,(]\s*[A-Z]\s*(?:-|–|\.,)")


@lru_cache(maxsize=4)
def _cues_in(text: str) -> tuple[bool, bool]:
    """(any party word, any party letter) in an article's text: asked once per article, not once
    per speaker (a str caches its hash, so the lookup costs no pass over the text)."""
    return any(w in text for w in _word_forms()), _LETTER_HINT.search(text) is not None


def _joins(char: str) -> bool:
    """Whether a character next to a surname makes it part of a longer word ("Grahamstown")."""
    return char.isalnum() or char in "-_"


@lru_cache(maxsize=1)
def party_names() -> dict:
    """Full name (folded, no middle initials) -> party, from party_names.tsv: US politicians of
    2008-2025 whose party did not change, beyond the gazetteer's few well-known people."""
    return {_name_key(row["name"]): row["party"] for row in data_rows("party_names.tsv")}


def without_initials(name: str) -> str:
    """A name without its middle initials ("Charles E. Schumer" -> "Charles Schumer"), as the
    gazetteer and the list of politicians write most people."""
    parts = name.split()
    if len(parts) <= 2:
        return " ".join(parts)
    return " ".join([parts[0]] + [p for p in parts[1:-1] if not re.fullmatch(r"[A-Z]\.", p)]
                    + [parts[-1]])


def _name_key(name: str) -> str:
    return without_initials(name).lower()


def party_of(text: str, name: str, kind: str, label: str, person=None) -> str:
    """The party of one speaker: `name` and `kind` of its entity ("person", "group" ...), `label`
    the speaker as reports show it, `person` its gazetteer entry when it is a known person. The
    article's words first, then the list of politicians by full name, then the gazetteer."""
    if kind == "person" and name:
        party = party_from_text(text, name)
        if not party and " " in name:
            party = party_names().get(_name_key(name), "")
        if party or person is None or person.kind != "person":
            return party
        return party_data()[2].get(person.id, "")
    return party_in_words(label)
