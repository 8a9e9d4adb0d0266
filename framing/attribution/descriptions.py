"""The role an article gives a named speaker where it introduces them, not where it quotes them.

News describes a person once and quotes them later by name alone: "Tom Karako, a missile defense
scholar at the Center for Strategic and International Studies, ..." then "Mr. Karako said";
"co-host Savannah Guthrie" then "Guthrie asked". The source phrase of the quote holds no role
word, so the speaker's role stayed unknown. `DescribedRoles` finds the name's mentions in the
article and reads the description beside each, with the same role words (roles.tsv) as a source
phrase:

- the words right before the name, as far as a noun phrase goes ("billionaire venture capitalist
  Tim Draper", "CMS's deputy chief information officer, Henry Chao,");
- an appositive set off by a comma right after it ("Mark Hibbs, a senior fellow with the Carnegie
  Endowment, ..."), read up to its first preposition: its last role word there is its head ("a
  missile expert at the Institute for ...", "the White House correspondent").

A title with no kind of voice ("director of congressional relations for the American Farm Bureau
Federation") gives the role of the body it names, when no mention has a role word. A mention with
another first name before the surname is someone else ("Michelle Obama" for "Barack Obama") and is
passed over.
"""
from __future__ import annotations

from ..text.columns import columns
from ..text.normalize import fold
from .data import AttributionData
from .named_mentions import _NormIndex
from .speakers import (HONORIFICS, _role_matches, body_role_after_title, non_persons, role_lemmas,
                       title_body_role)

#: Tags a pre-name description may hold: nouns, adjectives, possessives, numbers, and the
#: capitalised words of an organisation or place ("CNN's", "Silicon Valley").
_PRE_TAGS = frozenset(("NN", "NNS", "NNP", "NNPS", "JJ", "POS", "CD", "VBN", "VBG"))
#: Tokens that end an appositive: punctuation that closes it, and words that start a clause.
_APPOSITIVE_END = frozenset((",", ".", ";", ":", "(", ")", "\u2014", "--", "\u2013", '"', "\u201c",
                             "\u201d", "?", "!"))
_CLAUSE_WORDS = frozenset(("who", "which", "that", "whose", "whom", "where", "when"))
#: Tags an appositive may open with: a noun phrase, never a verb, a clause or a quotation.
_APPOSITIVE_OPENERS = frozenset(("DT", "PRP$", "JJ", "JJS", "JJR", "NN", "NNS", "NNP", "NNPS", "CD",
                                 "RB"))
_MAX_PRE = 8
_MAX_APPOSITIVE = 25


class DescribedRoles:
    """The roles one article's introductions give its named people, asked by name and memoised."""

    def __init__(self, doc, data: AttributionData, gazetteer=None):
        self.doc = doc
        self.data = data
        self.gazetteer = gazetteer
        self._norms: _NormIndex | None = None  # the article's norms, searchable by word
        self._memo: dict = {}

    def role_of(self, name: str) -> str:
        """The role the article's descriptions of `name` give ("" when none does). The first
        mention that has a role word decides: the introduction comes first."""
        words = [w for w in name.split() if w.lower() not in HONORIFICS and w.lower() != "dr."]
        if not words or not words[-1][:1].isupper():
            return ""
        key = tuple(words)
        if key not in self._memo:
            self._memo[key] = self._find(words)
        return self._memo[key]

    def _positions(self, word: str) -> list:
        """Indices of the tokens written exactly `word`, ascending: found through the article's
        norm index (named_mentions._NormIndex, the search coreference uses), not a table of every
        capitalised word."""
        if self._norms is None:
            self._norms = _NormIndex(columns(self.doc).norms)
        toks = self.doc.tokens
        return [n for n in self._norms.positions(fold(word)) if toks[n].text == word]

    def _find(self, words: list[str]) -> str:
        """The role of the first mention with role words; failing that, of the first whose
        appositive names a body after a title with no kind of voice ("director of ... the
        American Farm Bureau Federation"): a later "professor" says more than an earlier
        "chair of the communications department at Virginia Tech University"."""
        toks = self.doc.tokens
        given = set(words[:-1])
        mentions = []
        for n in self._positions(words[-1]):
            first = n
            while first > 0 and toks[first - 1].text in given and \
                    toks[first - 1].sentence == toks[n].sentence:
                first -= 1
            if given and first == n and first > 0 and toks[first - 1].pos == "NNP" and \
                    toks[first - 1].text[:1].isupper() and not self._is_role_word(toks[first - 1]):
                continue  # another first name: someone else of that surname
            mentions.append((first, n))
        for first, n in mentions:
            role = self._before(first) or self._after(n + 1)
            if role:
                return role
        for _, n in mentions:
            span = self._appositive(n + 1)
            role = body_role_after_title(span, 0, len(span), self.gazetteer)
            if role:
                return role
        return ""

    def _is_role_word(self, tok) -> bool:
        roles = self.data.roles
        return tok.norm in roles or tok.lemma in roles

    def _before(self, first: int) -> str:
        """The role of the noun phrase right before the name at token `first`, or ""."""
        toks = self.doc.tokens
        sentence = toks[first].sentence
        end = first
        if first >= 2 and toks[first - 1].text == "," and toks[first - 2].pos in ("NN", "NNS"):
            end = first - 1  # "His spokesman, John Kirby,": the description before the comma
        start = end
        # (a role word whatever its tag: "co-host" is often read as a verb)
        while start > 0 and end - start < _MAX_PRE and toks[start - 1].sentence == sentence and \
                (toks[start - 1].pos in _PRE_TAGS or self._is_role_word(toks[start - 1])) and \
                not toks[start - 1].in_quote:
            start -= 1
        # an owner's role words are not the person's: "President Trump's son Eric"
        owner = max((n + 1 for n in range(start, end) if toks[n].pos == "POS"), default=start)
        matches = self._person_roles(toks[owner:end])
        return matches[-1][3] if matches else ""

    def _person_roles(self, span) -> list:
        """Role-term matches over the tokens `span` that name a person, not a body or a document
        ("campaign", "report", "court" describe no one's role)."""
        things = non_persons()
        return [m for m in _role_matches([t.norm for t in span], role_lemmas(span, self.data), self.data)
                if m[2].split()[-1] not in things and span[m[1] - 1].norm not in things]

    def _appositive(self, k: int) -> list:
        """The tokens of an appositive set off by a comma after a name that ends at token k (up
        to its closing punctuation, a clause word or a finite verb), or []."""
        toks = self.doc.tokens
        if k + 1 >= len(toks) or toks[k].text != "," or toks[k + 1].sentence != toks[k].sentence:
            return []
        opener = toks[k + 1]
        if opener.pos not in _APPOSITIVE_OPENERS or opener.norm in _CLAUSE_WORDS:
            return []
        span = []
        for t in toks[k + 1:k + 1 + _MAX_APPOSITIVE]:
            if t.text in _APPOSITIVE_END or t.norm in _CLAUSE_WORDS or t.sentence != opener.sentence \
                    or t.pos in ("VBD", "VBZ", "VBP", "MD"):
                break
            span.append(t)
        return span

    def _after(self, k: int) -> str:
        """The role of an appositive after the name that ends at token k, or ""."""
        span = self._appositive(k)
        if not span:
            return ""
        # the head noun phrase: up to the first preposition ("an expert at the Institute for
        # ..."; "a supporter of the military" says nothing of the role), after any owner ("Mr.
        # Baucus's chief of staff"); its last role word is its head ("the White House
        # correspondent", "president and CEO")
        head_end = next((n for n, t in enumerate(span) if t.pos in ("IN", "TO")), len(span))
        owner = max((n + 1 for n in range(head_end) if span[n].pos == "POS"), default=0)
        matches = self._person_roles(span[owner:head_end])
        if not matches:
            return ""
        start, end, term, role = matches[-1]
        return title_body_role(span, (owner + start, owner + end, term, role), self.gazetteer) or role
