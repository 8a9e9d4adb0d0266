"""Part-of-speech tags and lemmas, offline.

Tags come from textblob's PatternTagger lexicon (it ships in the wheel; nltk's perceptron tagger would
need nltk_data). That tagger confuses past tense (VBD) and past participle (VBN), which matters for
spotting passives, so a few context rules repair it. Lemmas: framing.text.lemmas.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import compress, repeat
from operator import contains, eq, is_, ne

from .lemmas import lemma, lemmas as lemmas_of
from .lexical_tags import _FIRST, _REST, lexical_tag, lexical_tags
from .memo import make_room
from .normalize import FOLD, ascii_punct
from .resplit import DOMAIN_ENDINGS
from .tokenize import is_domain, is_word_text

_BE = {"be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m"}
_HAVE = {"has", "have", "had", "having", "'ve", "'d"}
_GET = {"get", "gets", "got", "gotten", "getting"}
_SKIP = {"RB", "RBR", "RBS"}
_SUBJECT_TAGS = {"NN", "NNS", "NNP", "NNPS", "PRP", "WP", "WDT", "EX"}
_OBJECT_START = {"DT", "PRP$", "CD", "JJ", "NN", "NNS", "NNP", "NNPS", "PRP", "TO", "RP"}


_NOMINAL_LEFT = {"DT", "PRP$", "POS"}
_POSSESSIVE_PRONOUNS = {"one"}


def _after_modal(words, tags, i: int, lo: int = 0) -> bool:
    """True when a modal ("will", "could"), maybe followed by adverbs or "not", precedes token i
    in its sentence (which starts at lo)."""
    j = i - 1
    while j >= lo and (tags[j] in _SKIP or words[j] in ("not", "n't")):
        j -= 1
    return j >= lo and tags[j] == "MD"


_NOUNS = {"NN", "NNS", "NNP", "NNPS"}
_NOUN_OR_ADJ = _NOUNS | {"JJ"}
_VERB_FORMS = {"VBG", "VBD", "VBN"}
_MODAL_TARGETS = {"NN", "NNS", "JJ"}


def _repair_range(cased, words, tags: list[str], lo: int, hi: int, visit) -> list[int]:
    """Repair the tagger's common slips in place from the words around each token.

    VBD/VBN confusions (which passives depend on), participles used as adjectives ("an unprovoked
    attack"), gerunds used as nouns ("the killing of"), and unknown all-capital acronyms ("TTP").
    The sentence is tokens [lo, hi) of the lists; `visit` holds, in order, every index of it that a
    rule can apply to (see `_candidates`), visited left to right, so a repair sees the repaired
    tags before it. Returns the indices whose tag was set.
    """
    changed = []
    for i in visit:
        tag = tags[i]
        prev_tag = tags[i - 1] if i > lo else ""
        nxt_tag = tags[i + 1] if i + 1 < hi else ""
        nxt_word = words[i + 1] if i + 1 < hi else ""
        if tag == "NN" and _in_capitals(cased[i]):
            tags[i] = "NNP"
        elif words[i] == "'s" and prev_tag == "PRP" and words[i - 1] not in _POSSESSIVE_PRONOUNS:
            tags[i] = "VBZ"  # "he's heading", "it's over"
        elif (tag in ("NN", "NNS", "JJ") and _after_modal(words, tags, i, lo)
                and not cased[i][:1].isupper()):
            tags[i] = "VB"  # "will result", "could shift"
        elif tag == "VBG" and prev_tag in _NOMINAL_LEFT and nxt_word == "of":
            tags[i] = "NN"
        elif tag in ("VBD", "VBN") and prev_tag in _NOMINAL_LEFT and nxt_tag in _NOUN_OR_ADJ and \
                not (words[i - 1] == "'" and i - 2 >= lo and words[i - 2] == "'"):
            # (not after two apostrophes, a closing quotation mark in the "''...''" style:
            # ",'' wrote Jared Bernstein" is a verb)
            tags[i] = "JJ"
        elif tag in ("VBD", "VBN"):
            j = i - 1
            while j >= lo and (tags[j] in _SKIP or words[j] in ("not", "n't")):
                j -= 1
            prev_word = words[j] if j >= lo else ""
            prev_tag = tags[j] if j >= lo else ""
            if prev_word in _BE or prev_word in _HAVE or prev_word in _GET:
                tags[i] = "VBN"
            elif prev_tag in _SUBJECT_TAGS and tag == "VBN" and nxt_word != "by" and (
                nxt_tag in _OBJECT_START
                or nxt_tag in ("IN", "RB", ".", ",") and prev_tag in ("PRP", "WP", "WDT")
            ):
                tags[i] = "VBD"  # "the militants who attacked the posts", "he said ."
            elif prev_tag in ("PRP", "WP", "WDT", "EX") and tag == "VBN":
                tags[i] = "VBD"
            else:
                continue
        else:
            continue
        changed.append(i)
    return changed


def own_candidate(cased: str, word: str, tag: str) -> bool:
    """Whether a token is a repair candidate by itself (see `_candidates`): a verb form, an
    all-capital NN, or "'s"."""
    return tag in _VERB_FORMS or (tag == "NN" and cased.isupper()) or word == "'s"


def _candidates(cased, words, tags: list[str], bounds, own=None) -> list[int]:
    """Sorted indices, over sentences `bounds` [(lo, hi), ...], that a repair rule can apply to.

    A token's own tag does not change before its turn, so they are known at the start: verb forms
    (VBG, VBD, VBN), the word "'s", all-capital NN (acronyms), and the NN/NNS/JJ tokens the modal
    rule can reach. Other tokens match no rule.
    `own`, when given, holds `own_candidate` of every token (tag_article keeps it per word form).

    The modal rule ("will result") looks back from a token over adverbs, "not" and "n't" for a
    modal in its sentence. No repair makes or unmakes an adverb or a modal (repairs give NNP,
    VBZ, VB, NN, JJ, VBN, VBD, and only to verb forms, "'s", acronyms and these NN/NNS/JJ), so
    what that look-back finds is known at the start too: it reaches a modal exactly from the
    tokens after the modal up to the first one that is no adverb, "not" or "n't". Only those are
    visited for it (`_candidates_reference` visited every NN/NNS/JJ of a sentence holding a
    modal; tested equal).
    """
    n = len(tags)
    if own is not None:
        found = list(compress(range(n), own))
    else:
        found = list(compress(range(n), map(_VERB_FORMS.__contains__, tags)))
        if "NN" in tags:  # the upper-case ones among the NN tokens, found in C
            nouns = list(compress(range(n), map("NN".__eq__, tags)))
            found += compress(nouns, map(str.isupper, map(cased.__getitem__, nouns)))
        if "'s" in words:
            found += compress(range(n), map("'s".__eq__, words))
    if "MD" in tags:
        starts = [lo for lo, _ in bounds]
        index = tags.index
        m = index("MD")
        while True:
            hi = bounds[bisect_right(starts, m) - 1][1]
            k = m + 1
            while k < hi:
                if tags[k] in _MODAL_TARGETS:
                    found.append(k)
                if not (tags[k] in _SKIP or words[k] in ("not", "n't")):
                    break
                k += 1
            try:
                m = index("MD", m + 1)
            except ValueError:
                break
    return sorted(set(found))


def _candidates_reference(cased, words, tags: list[str], bounds, own=None) -> list[int]:
    """`_candidates` with every NN/NNS/JJ of a sentence holding a modal (the definition the
    faster one must give the same repairs as; tested)."""
    n = len(tags)
    found = list(_candidates(cased, words, [t if t != "MD" else "" for t in tags], bounds, own))
    if "MD" in tags:
        starts = [lo for lo, _ in bounds]
        for k in sorted({bisect_right(starts, i) - 1 for i in range(n) if tags[i] == "MD"}):
            lo, hi = bounds[k]
            found += [i for i in range(lo, hi) if tags[i] in _MODAL_TARGETS]
    return sorted(set(found))


def repair_sentences(cased, words, tags: list[str], bounds, own=None, candidates=None) -> list[int]:
    """Apply the repairs to each sentence [lo, hi) of `bounds`; returns the indices set.
    `own`: see `_candidates`; `candidates`: the function finding the indices to visit
    (`_candidates` when not given)."""
    visit = (candidates or _candidates)(cased, words, tags, bounds, own)
    if not visit:
        return []
    changed = []
    for lo, hi in bounds:
        a = bisect_left(visit, lo)
        b = bisect_left(visit, hi, a)
        if a < b:
            changed += _repair_range(cased, words, tags, lo, hi, visit[a:b])
    return changed


_FORMS: dict[str, tuple[str, str, str, str, bool, bool]] = {}
#: The bound of _FORMS (framing.text.memo), twice the other memos': a batch worker's share of the
#: AllSides corpus (3,148 articles with two workers) holds about 72,000 distinct token texts, so at
#: 50,000 the memo emptied to its first 10,000 halfway through and a third more forms went through
#: `_form_entries` again (102,672 against 71,547), at about 17 microseconds each.
FORMS_LIMIT, FORMS_KEEP = 100_000, 20_000


def _form_entry(form: str) -> tuple[str, str, str, str, bool, bool]:
    """(folded, folded lower-case, tag when not sentence-first, lemma for that tag, repair
    candidate with that tag, Token.is_word) of a token's text: everything about a token that
    does not depend on its neighbours. The definition `_form_entries` must equal (tested)."""
    cased = ascii_punct(form)
    norm = cased.lower()
    tag = lexical_tag(cased)
    return (cased, norm, tag, lemma(norm, tag), own_candidate(cased, norm, tag),
            is_word_text(form))


def _form_entries(forms) -> None:
    """Memoise `_form_entry` of each of `forms` (new forms, each once), with one whole-list step
    per field: an article brings tens of forms never seen before (hundreds at the start of a
    run), and one Python call per form and field was most of the cost of a new form."""
    cased = list(map(str.translate, forms, repeat(FOLD)))
    norms = list(map(str.lower, cased))
    tags = list(map(_REST.get, cased))
    if None in tags:
        for i in compress(range(len(tags)), map(is_, tags, repeat(None))):
            tags[i] = lexical_tag(cased[i])
    lemmas = lemmas_of(norms, tags)
    own = map(own_candidate, cased, norms, tags)
    words = map(is_word_text, forms)
    make_room(_FORMS, len(forms), FORMS_LIMIT, FORMS_KEEP)
    _FORMS.update(zip(forms, zip(cased, norms, tags, lemmas, own, words)))


def _first_tag(word: str) -> str:
    """`lexical_tag(word, True)`: the tag of a sentence's first word."""
    return _FIRST.get(word) or lexical_tag(word, True)


def tag_article(forms: list[str], bounds) -> tuple[tuple[str, ...], list[str], list[str]]:
    """Norms (folded, lower-case), Penn tags and lemmas of an article's tokens, given their text
    and the sentences as token ranges [(lo, hi), ...]: `tag_article_words` without is_word."""
    return tag_article_words(forms, bounds)[:3]


def tag_article_words(forms: list[str], bounds
                      ) -> tuple[tuple[str, ...], list[str], list[str], list[bool]]:
    """Norms (folded, lower-case), Penn tags, lemmas and is_word (Token.is_word, which build_doc
    hands to the shared token columns) of an article's tokens, given their text and the
    sentences as token ranges [(lo, hi), ...].

    One memo lookup per token gives what does not depend on context; then each sentence's first
    word is tagged as such, the context repairs run, and lemmas are looked up again only where a
    tag changed. Equal to `tag_words` and `lemma` sentence by sentence (tested).
    """
    if not forms:
        return (), [], [], []
    entries = list(map(_FORMS.get, forms))
    if None in entries:
        # Only the new forms are visited (found in C), each once, all together.
        new = list(dict.fromkeys(compress(forms, map(is_, entries, repeat(None)))))
        _form_entries(new)
        get = _FORMS.get
        for i in compress(range(len(entries)), map(is_, entries, repeat(None))):
            entries[i] = get(forms[i]) or _form_entry(forms[i])  # (another thread may evict)
    cased, norms, tags, lemmas, own, words = zip(*entries)
    tags = list(tags)
    lemmas = list(lemmas)
    own = list(own)
    # Sentence-first words: their tag looked up as such, in C; the few that differ are fixed.
    firsts = [lo for lo, hi in bounds if lo < hi]
    first_cased = list(map(cased.__getitem__, firsts))
    first_tags = list(map(_first_tag, first_cased))
    for k in compress(range(len(firsts)), map(ne, first_tags, map(tags.__getitem__, firsts))):
        lo = firsts[k]
        tags[lo] = first_tags[k]
        lemmas[lo] = lemma(norms[lo], first_tags[k])
        own[lo] = own_candidate(cased[lo], norms[lo], first_tags[k])
    for i in _retag_names(cased, tags, firsts):
        lemmas[i] = lemma(norms[i], "NNP")
        own[i] = own_candidate(cased[i], norms[i], "NNP")
    for i in repair_sentences(cased, norms, tags, bounds, own):
        lemmas[i] = lemma(norms[i], tags[i])
    return norms, tags, lemmas, list(words)


def _retag_names(cased, tags: list[str], firsts: list[int]) -> list[int]:
    """Tag NNP, in place, the tokens that are names whatever the lexicon says: web domains
    (`_domain_names`), "US" in capitals (`_us_names`), then modals that are a person's name
    (`_modal_names`, which reads the tags before it). Returns the indices whose tag changed."""
    changed = [i for i in _domain_names(cased) if tags[i] != "NNP"]
    if "US" in cased:
        changed += _us_names(cased, tags)
    for i in changed:
        tags[i] = "NNP"
    if "MD" in tags:
        modals = _modal_names(cased, tags, firsts)
        for i in modals:
            tags[i] = "NNP"
        changed += modals
    return changed


#: The end of a token `is_domain` can accept, followed by the separator "\x00" (see _domain_names).
_DOMAIN_END = re.compile(r"\.(?:" + DOMAIN_ENDINGS + r")\x00")


def _domain_names(forms) -> list[int]:
    """Indices of the tokens that are web domains: names of sites and organisations ("MoveOn.org
    said", "FactCheck.org found"), tagged NNP (the lexicon's rules make most of them NN)."""
    # A domain token ends in "." and one of DOMAIN_ENDINGS: one search over all the tokens,
    # joined, finds whether any token can be one (in most articles none can), before each
    # token holding a "." is tried.
    if _DOMAIN_END.search("\x00".join(forms) + "\x00") is None:
        return []
    dotted = compress(range(len(forms)), map(contains, forms, repeat(".")))
    return [i for i in dotted if is_domain(forms[i])]


def _us_names(cased, tags: list[str]) -> list[int]:
    """Indices of "US" written in capitals that is the country, tagged NNP in place: the lexicon
    tags it PRP (the pronoun, from text set in capitals), so "US officials said" lost the "US" of
    its source and its side. It stays a pronoun in capitals text: after a word in capitals, with
    a word in capitals or nothing but punctuation after it ("LET US PRAY", "HE TOLD US.")."""
    found = []
    n = len(cased)
    for i in compress(range(n), map(eq, cased, repeat("US"))):
        if tags[i] != "PRP":
            continue
        before = cased[i - 1] if i > 0 else ""
        after = cased[i + 1] if i + 1 < n else ""
        if _in_capitals(before) and (_in_capitals(after) or not after[:1].isalnum()):
            continue
        tags[i] = "NNP"
        found.append(i)
    return found


def _in_capitals(word: str) -> bool:
    """A word of two or more letters, all capitals."""
    return len(word) > 1 and word.isalpha() and word.isupper()


#: Modals that are also names ("Theresa May", "George Will", "Rep. Will Hurd").
_NAME_MODALS = frozenset({"May", "Will"})


def _modal_names(cased, tags: list[str], firsts: list[int]) -> list[int]:
    """Indices of modals that are the name of a person: a capitalised "May" or "Will" right after a
    proper noun, inside a sentence ("Theresa May said", "Mrs May told", "columnist George Will, who";
    the lexicon tags them MD, and "May" then read as an auxiliary cut the source to "Theresa").
    A sentence's first word stays a modal ("Will the deal survive?")."""
    found = []
    index = tags.index
    first = set(firsts)
    i = -1
    while True:
        try:
            i = index("MD", i + 1)
        except ValueError:
            return found
        if cased[i] in _NAME_MODALS and i not in first and i > 0 and tags[i - 1] in ("NNP", "NNPS"):
            found.append(i)


def tag_forms(forms: list[str]) -> tuple[tuple[str, ...], list[str], list[str]]:
    """`tag_article` for one sentence."""
    return tag_article(forms, [(0, len(forms))])


def tag_words(words: list[str]) -> list[str]:
    """Penn Treebank tags for a sentence's tokens (ASCII punctuation, original case)."""
    tags = lexical_tags(list(words))
    _retag_names(words, tags, [0])
    repair_sentences(words, [w.lower() for w in words], tags, [(0, len(tags))])
    return tags
