"""The people an article names anywhere, not only as sources: how a speaker gets a full name and a side.

A source is often a surname ("President Pezeshkian said", "Naqvi discusses ...") or a description
("the interior minister informed ...") of someone the article named fully somewhere else, in a
sentence that attributes nothing ("... between Iranian President Dr. Masoud Pezeshkian and
Pakistan's Interior Minister Mohsin Naqvi"). `NamedMentions` finds those mentions for one article:
by the name's last word, or by a title word before a name, reading each mention once (the speaker
resolver, framing.attribution.coref, asks the same words again and again) and only as far as a
search reaches. Words the rules read are in framing/data/attribution/speaker_words.tsv.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache

from ..text.columns import columns

from .chunks import PROPER, np_left
from .data import data_rows
from .speakers import SpeakerInfo, describe


@lru_cache(maxsize=1)
def speaker_words() -> dict:
    """use -> words, from framing/data/attribution/speaker_words.tsv ("country", "generic", "particle")."""
    out: dict = {}
    for row in data_rows("speaker_words.tsv"):
        out.setdefault(row["use"], set()).add(row["term"])
    return {use: frozenset(words) for use, words in out.items()}


def qualifiers(words, roles: set) -> set:
    """The words that tell one office holder from another ("interior" in "the interior minister",
    "defence" in "Defence Minister"): lower-cased, without role words, determiners and generic ones."""
    generic = speaker_words().get("generic", frozenset())
    role_words = {w for term in roles for w in term.split()}
    return {w for w in (x.lower() for x in words)
            if w.isalpha() and w not in role_words and w not in generic and w not in ("the", "a", "an")}


@lru_cache(maxsize=1)
def _not_first_names() -> frozenset:
    """Capitalised words that are no one's first name: the tagger's lexicon knows them lower-case
    as common words ("watch", "hide") and never capitalised as a name ("Bill", "Mark", "Hope" are
    names there, so they stay)."""
    from ..text.textblob_data import tag_lexicon

    lexicon = tag_lexicon()
    return frozenset(w.capitalize() for w, tag in lexicon.items() if w.islower() and w.isalpha() and
                     lexicon.get(w.capitalize()) not in ("NNP", "NNPS"))


def plain_name(info: SpeakerInfo, opens_sentence: bool) -> SpeakerInfo:
    """The reading with what is not a name cut from the front of its name: abbreviated titles the
    roles file lacks ("Sgt. Bowe Bergdahl"), acronyms ("BGR Trump"), lower-case words that are no
    name particle ("Aftermath of Superstorm Sandy" -> "Superstorm Sandy") and, when the name opens its
    sentence, a common word left over from a web page ("Watch Elizabeth Warren" -> "Elizabeth
    Warren"; inside a sentence "Mitt Romney" keeps its first name)."""
    words = info.name.split()
    k = len(words) - 1
    particles = speaker_words().get("particle", frozenset())
    while k > 0 and (words[k - 1][:1].isupper() or words[k - 1] in particles) and \
            (len(words[k - 1]) <= 2 or not words[k - 1].endswith(".") and not words[k - 1].isupper()):
        k -= 1  # initials ("R.", "J.") and particles ("von der") stay; "of" before a name ends it
    if k == 0 and opens_sentence and len(words) > 2 and words[0] in _not_first_names():
        k = 1
    if k == 0:
        return info
    return replace(info, name=" ".join(words[k:]))


def other_first_name(known: str, words: list) -> bool:
    """Do two names with the same surname give different first names ("Ronald Reagan", "Nancy
    Reagan")? A one-word name or an initial never differs."""
    known_words = known.lower().split()
    if len(words) < 2 or len(known_words) < 2:
        return False
    if known_words[-len(words):] == words or words[-len(known_words):] == known_words:
        return False  # "Suu Kyi" after "Aung San Suu Kyi": a surname of two words
    a, b = known_words[0].rstrip("."), words[0].rstrip(".")
    return not (a == b or len(a) == 1 and b.startswith(a) or len(b) == 1 and a.startswith(b))


class _NormIndex:
    """The token indices holding a norm, for the words an article's searches ask (about a dozen in
    a news article). Each is found by `str.find` over the norms joined once with NUL separators, at
    C speed; a hit's token index is the number of separators before it, counted (`str.count`) from
    the nearest block start before it (the norms are joined in blocks of `BLOCK` tokens, whose
    offsets are kept). A dict of every norm's positions made a Python step and a list for each
    token of the article, most of them never asked; but a scan per word grows with the document, so
    past `SCANS` words (a long document: a transcript, a report) the dict is built after all, and a
    norm holding NUL itself (never in cleaned text) has the dict from the start."""

    __slots__ = ("norms", "joined", "blocks", "by_norm", "scans")

    BLOCK = 64
    SCANS = 48  # a scan costs about what a dict entry per 100-200 tokens does

    def __init__(self, norms: list):
        self.norms = norms
        self.by_norm: dict | None = None
        self.scans = 0
        size = self.BLOCK
        parts = ["\0".join(norms[k:k + size]) for k in range(0, len(norms), size)]
        # blocks[c]: the offset of the separator opening token c * BLOCK
        blocks = [0]
        for part in parts:
            blocks.append(blocks[-1] + len(part) + 1)
        self.blocks = blocks
        self.joined = joined = "\0" + "\0".join(parts) + "\0"
        if joined.count("\0") != len(norms) + 1:
            self._index()

    def _index(self) -> None:
        by_norm: dict = {}
        for i, norm in enumerate(self.norms):
            found = by_norm.get(norm)
            if found is None:
                by_norm[norm] = [i]
            else:
                found.append(i)
        self.by_norm = by_norm
        self.joined = ""

    def positions(self, word: str) -> list:
        """The indices of the tokens whose norm is `word`, ascending (a new list)."""
        if self.by_norm is None:
            self.scans += 1
            if self.scans > self.SCANS:
                self._index()
        if self.by_norm is not None:
            return list(self.by_norm.get(word, ()))
        if "\0" in word:
            return []
        joined, blocks, size = self.joined, self.blocks, self.BLOCK
        needle = "\0" + word + "\0"
        at = joined.find(needle)
        out = []
        step = len(word) + 1  # to the separator closing this norm, which opens the next one
        while at >= 0:
            c = bisect_right(blocks, at) - 1
            out.append(c * size + joined.count("\0", blocks[c], at))
            at = joined.find(needle, at + step)
        return out


class NamedMentions:
    """The named persons of one article, found by word and read once each."""

    def __init__(self, doc, data, gazetteer=None):
        self.doc = doc
        self.data = data
        self.gazetteer = gazetteer
        self._by_word: dict = {}  # word -> ([(offset, reading, span) read so far], the rest unread)
        self._norms: _NormIndex | None = None  # the article's norms, searchable by word (`_read`)

    def close(self) -> None:
        """Drop the unread rest of every search (generators that refer back to this object and its
        Doc: a reference cycle otherwise, see `Resolver.close`)."""
        for _, unread in self._by_word.values():
            unread.close()
        self._by_word.clear()
        self._norms = None

    def with_word(self, word: str, before: int, start: int = 0):
        """Named persons the article mentions before the offset `before` whose name ends with `word`
        or who hold `word` as a title before the name, in text order from the `start`-th: (index,
        reading, character span)."""
        entry = self._by_word.get(word)
        if entry is None:
            entry = self._by_word[word] = ([], self._read(word))
        items, unread = entry
        k = start
        while True:
            if k == len(items):
                nxt = next(unread, None)
                if nxt is None:
                    return
                items.append(nxt)
            at, info, span = items[k]
            if at >= before:
                return
            yield k, info, span
            k += 1

    def _read(self, word: str):
        """`with_word` over the whole article, each with the offset of the word: found through an
        index of the article's norms (built once, on the first search); what is not a name before a
        name is left out of it (`plain_name`)."""
        doc = self.doc
        toks = doc.tokens
        n = len(toks)
        if self._norms is None:
            self._norms = _NormIndex(columns(doc).norms)
        for i in self._norms.positions(word):
            e = i
            while e + 1 < n and toks[e + 1].pos in PROPER:
                e += 1  # a title before the name: the name runs on
            if e == i and not (i > 0 and toks[i - 1].pos in PROPER and toks[i].pos in PROPER):
                continue  # neither a name's last word nor a title before a name
            lo = doc.sentences[toks[i].sentence].token_start
            start = np_left(toks, e, lo)
            if start is None:
                continue
            for k in range(e - 1, start - 1, -1):
                if toks[k].norm == "and" or toks[k].text == ",":
                    start = k + 1  # "X and Pakistan's Interior Minister Mohsin Naqvi": the last conjunct
                    break
            info = describe(toks, start, e + 1, doc.text, self.data, self.gazetteer)
            if info.kind == "person" and info.name:
                yield toks[i].start, plain_name(info, start == lo), (toks[start].start, toks[e].end)

    def fuller(self, info: SpeakerInfo, before: int, start: int = 0) -> tuple:
        """The first earlier mention, from the `start`-th on, that names this person more fully or
        with a side: "President Pezeshkian said" after "Iranian President Dr. Masoud Pezeshkian" (a
        sentence that attributes nothing), "Naqvi" after "Interior Minister Mohsin Naqvi". News
        introduces a person before using the surname alone, so only earlier mentions count ("Mr Kim"
        is not the "Sung Kim" of a later paragraph). Returns ((reading, span) or None, the index to go
        on from next time)."""
        return self.fuller_name(info.name, before, start)

    def fuller_name(self, name: str, before: int, start: int = 0) -> tuple:
        """`fuller` for a reading whose name is `name` (the only field it reads): the caller need
        not build a reading to ask."""
        words = name.split()
        last = words[-1]
        k = start
        for k, m, span in self.with_word(last.lower(), before, start):
            if len(words) > 1 and not (m.name == name or m.name.endswith(" " + name)):
                continue  # "Jay Nixon" is only a mention that holds the whole name, not "Missouri Gov Nixon"
            if m.name.split()[-1] == last and (len(m.name) > len(name) or m.affiliation) and \
                    not other_first_name(m.name, [w.lower() for w in words]):
                return (m, span), k + 1
            k += 1
        return None, k

    def only_fuller_name(self, name: str):
        """The one fuller name the whole article gives the one-word name `name` ("Mohsin Naqvi" for
        "Naqvi"), as (reading, span) of its first mention, or None when it gives none or several
        ("Donald Trump" and "Melania Trump")."""
        found = None
        for _, m, span in self.with_word(name.lower(), len(self.doc.text) + 1):
            if m.name.split()[-1] != name or len(m.name) <= len(name):
                continue
            if found is not None and found[0].name != m.name:
                return None
            found = found or (m, span)
        return found

    def described(self, info: SpeakerInfo, before: int):
        """The nearest earlier named person the article calls by the description's title ("the
        interior minister" -> "Interior Minister Mohsin Naqvi", who only received an offer). Only for
        a description that tells office holders apart (a qualifier or a title of two words): "the
        minister" alone could be anyone the article names. (reading, span) or None."""
        head = info.role_terms[-1].split()[-1]
        words = info.description.split()
        # lower-case qualifiers must equal the title's ("the attorney general" is not "Deputy Attorney
        # General Rod Rosenstein"); capitalised ones must fit the person ("the Florida governor")
        own = qualifiers([w for w in words if not w[:1].isupper()], set(info.role_terms))
        marks = [w.lower() for w in words[:-1] if w[:1].isupper()]
        if not own and " " not in info.role_terms[-1]:
            return None
        best = None
        for _, m, span in self.with_word(head, before):
            if " " not in m.name or not set(info.role_terms) <= set(m.role_terms):
                continue
            known = f"{m.name} {m.title} {m.affiliation}".lower()
            if qualifiers(m.title.split(), set(m.role_terms)) == own and all(w[:4] in known for w in marks):
                best = (m, span)
        return best
