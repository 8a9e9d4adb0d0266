"""nltk's Punkt sentence splitter as we configure it, without its per-call overhead.

We run Punkt untrained, with a curated abbreviation list and a short list of frequent sentence
starters (function words: "in the U.S. The company said" is two sentences), and no collocations
or orthographic statistics. `PunktSentenceTokenizer.span_tokenize` spends most
of its time in layers of generators and in re-annotating, for every candidate boundary, a short
context string ("said. The") with PunktToken objects. `FastPunkt.span_tokenize` follows the same
steps with nltk's regular expressions (written out below), in plain loops, and decides each context by
`_decide`, which is Punkt's first and second annotation passes reduced to what can happen with
those empty statistics (see its docstring), remembered per context string.

`FastPunkt.reference_spans` runs nltk's own code; tests compare the two on news text and on
awkward constructed strings, and the equality script compares whole Docs against the old version.

The regular expressions below are nltk 3.10's (PunktLanguageVars with its default English settings
and PunktToken's type patterns), written out here so that sentence splitting never imports nltk:
`import nltk` runs nltk/__init__, which imports scikit-learn and scipy.stats (~190 MB, over a second
per process). They are compiled, as nltk compiles them, with the `regex` engine (nltk's
`redos.compile` wraps a `regex` pattern in a time-out guard that does not change what it matches);
its Unicode classes (\\s, \\W, \\d) are not exactly the standard library's. nltk itself is
imported only by `reference_spans` (tests and checks).
"""
from __future__ import annotations

import regex

from .memo import make_room

_WHITESPACE = " \t\n\r\x0b\x0c"  # string.whitespace: what Punkt looks back for

#: PunktLanguageVars.sent_end_chars: characters that may end a sentence.
SENT_END_CHARS = (".", "?", "!")
#: PunktSentenceTokenizer.PUNCTUATION: a following token that makes an initial or number no break.
PUNCTUATION = tuple(";:,.!?")

# PunktLanguageVars._re_non_word_chars: characters that cannot appear within words (curly quotes
# and guillemets included), plus the sentence-end characters other than the period.
_NON_WORD = r"(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\xab\xbb?!])"
# PunktLanguageVars._re_multi_char_punct: hyphen runs and ellipses.
_MULTI_CHAR = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"
# PunktLanguageVars._re_word_start: characters that cannot start a word token.
_WORD_START = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,]"

# PunktLanguageVars._period_context_fmt: a candidate boundary and the token after it.
PERIOD_CONTEXT = r"""
        [\.\?!]                 # a potential sentence ending
        (?=(?P<after_tok>
            %(NonWord)s          # either other punctuation
            |
            \s+(?P<next_tok>\S+) # or whitespace and some other token
        ))""" % {"NonWord": _NON_WORD}

# PunktLanguageVars._word_tokenize_fmt: split punctuation other than periods off words.
WORD_TOKENS = r"""(
        %(MultiChar)s
        |
        (?=%(WordStart)s)\S+?  # Accept word characters until end is found
        (?= # Sequences marking a word's end
            \s|                                 # White-space
            $|                                  # End-of-string
            %(NonWord)s|%(MultiChar)s|          # Punctuation
            ,(?=$|\s|%(NonWord)s|%(MultiChar)s) # Comma if at end of word
        )
        |
        \S
    )""" % {"NonWord": _NON_WORD, "MultiChar": _MULTI_CHAR, "WordStart": _WORD_START}

# PunktLanguageVars.re_boundary_realignment: closing marks that belong to the sentence before.
REALIGNMENT = r'["\')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)'
# PunktToken._RE_NUMERIC, _RE_INITIAL, _RE_ELLIPSIS
NUMERIC = r"^-?[\.,]?\d[\d,\.-]*\.?$"
INITIAL = r"[^\W\d]\.$"
ELLIPSIS = r"\.\.+$"
# A context that opens with a run of ASCII letters and a sentence-end character followed by
# another token (white space and a non-space, or a non-word character). See FastPunkt._plain.
PLAIN_BREAK = r"([A-Za-z]+)([.?!])(?:\s+\S|%(NonWord)s)" % {"NonWord": _NON_WORD}


class FastPunkt:
    """Sentence spans of one paragraph, exactly as nltk's Punkt with abbreviations and sentence
    starters only."""

    def __init__(self, abbreviations, sentence_starters=()):
        self._abbrev = frozenset(abbreviations)
        self._starters = frozenset(sentence_starters)
        self._period_context = regex.compile(PERIOD_CONTEXT, regex.UNICODE | regex.VERBOSE)
        self._word_tokens = regex.compile(WORD_TOKENS, regex.UNICODE | regex.VERBOSE)
        self._realign = regex.compile(REALIGNMENT, regex.MULTILINE)
        self._numeric = regex.compile(NUMERIC)
        self._initial = regex.compile(INITIAL, regex.UNICODE)
        self._ellipsis = regex.compile(ELLIPSIS)
        self._plain_break = regex.compile(PLAIN_BREAK)
        self._sent_end = frozenset(SENT_END_CHARS)
        self._punctuation = frozenset(PUNCTUATION)
        self._decided: dict[str, bool] = {}
        self._reference = None

    @property
    def _nltk(self):
        """nltk's PunktSentenceTokenizer on the same parameters (imported on first use only)."""
        if self._reference is None:
            from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

            params = PunktParameters()
            params.abbrev_types = set(self._abbrev)
            params.sent_starters = set(self._starters)
            self._reference = PunktSentenceTokenizer(params)
        return self._reference

    # -- the decision for one candidate boundary ---------------------------------------------

    def _breaks(self, tok: str, nxt: str) -> bool:
        """Whether token `tok`, followed by token `nxt`, ends a sentence after both passes.

        First pass: ".", "?" and "!" are breaks; runs of periods are ellipses; a word ending in
        one period is an abbreviation when listed (also its last hyphen part), else a break.
        Second pass, with no collocations or orthographic data: an abbreviation or ellipsis
        (not an initial) becomes a break only when the next token is capitalised and one of the
        sentence starters (the orthographic heuristic can only answer False or "unknown"); an
        initial ("J.") or a number ending in a period stops being a break when the next token is
        punctuation or starts lower-case, or, for an initial, upper-case.
        """
        if tok in self._sent_end:
            brk = True
        elif self._ellipsis.match(tok):
            return self._starts(nxt)
        elif tok.endswith(".") and not tok.endswith(".."):
            if self._abbreviation(tok):
                return not self._initial.match(tok) and self._starts(nxt)
            brk = True
        else:
            return False
        if not tok.endswith("."):
            return brk  # the second pass only looks at period-final tokens
        kind = self._numeric.sub("##number##", tok.lower())
        typ = kind[:-1] if len(kind) > 1 and kind[-1] == "." else kind
        initial = self._initial.match(tok)
        if initial or typ == "##number##":
            if nxt in self._punctuation or nxt[0].islower():
                return False
            if initial and nxt[0].isupper():
                return False
        return brk

    def _starts(self, nxt: str) -> bool:
        """Punkt's frequent-sentence-starter test: `nxt` is capitalised and its type is a listed
        starter. The type is the token in lower case (numbers as one type), without its final
        period when the first pass made that period a break (PunktToken.type_no_sentperiod: "A."
        is "a", "Dr." stays "dr.")."""
        if not self._starters or not nxt[:1].isupper():
            return False
        typ = self._numeric.sub("##number##", nxt.lower())
        if len(typ) > 1 and typ[-1] == "." and not nxt.endswith("..") and \
                not self._ellipsis.match(nxt) and not self._abbreviation(nxt):
            typ = typ[:-1]
        return typ in self._starters

    def _abbreviation(self, tok: str) -> bool:
        """Punkt's first pass: is the period-final `tok` a listed abbreviation (or is its last
        hyphen part one: "ex-Gov.")?"""
        stem = tok[:-1].lower()
        return stem in self._abbrev or stem.split("-")[-1] in self._abbrev

    def _plain(self, context: str) -> bool:
        """True when `context` surely holds a break, read off its opening alone (else False, and
        `_decide` tokenises it): most candidate boundaries in news ("said. The", "it?"").

        The context opens with W, a run of ASCII letters, a mark (".", "?" or "!"), then white
        space and a token, or a non-word character. Punkt's word tokenizer ends W before "?" or
        "!" (non-word characters), makes the mark a token of its own and finds a token after it:
        "?" or "!" followed by a token is a break. A "." is no non-word character, so "W." is one
        token, followed by another: when W has two letters or more (no initial) and is no listed
        abbreviation, "W." is a break (no ellipsis, number or initial for the second pass to undo).
        Any break makes the answer True, whatever the rest of the context holds. Tested against
        the tokenising path on news contexts and awkward strings.
        """
        m = self._plain_break.match(context)
        if m is None:
            return False
        if m.group(2) != ".":
            return True
        word = m.group(1)
        return len(word) > 1 and word.lower() not in self._abbrev

    def _decide(self, context: str) -> bool:
        """PunktSentenceTokenizer.text_contains_sentbreak(context): a break before the last token."""
        found = self._decided.get(context)
        if found is None:
            if self._plain(context):
                return True
            tokens = []
            for line in context.split("\n"):
                if line.strip():
                    tokens.extend(self._word_tokens.findall(line))
            found = any(self._breaks(tokens[k], tokens[k + 1]) for k in range(len(tokens) - 1))
            make_room(self._decided)
            self._decided[context] = found
        return found

    # -- the splitter ---------------------------------------------------------------------------

    def _contexts(self, text: str):
        """(match, context) for each candidate boundary: _match_potential_end_contexts."""
        out = []
        prev_start = prev_stop = 0
        prev_match = None
        for match in self._period_context.finditer(text):
            start = match.start()
            before = text[prev_stop:start]
            last_space = max(map(before.rfind, _WHITESPACE))
            # nltk reports "no white space" and "white space at index 0" alike, as 0.
            word_start = last_space + prev_stop + 1 if last_space > 0 else prev_start
            if prev_match is not None and prev_stop <= word_start:
                out.append((prev_match, text[prev_start:prev_stop] + prev_match.group()
                            + prev_match.group("after_tok")))
            prev_match = match
            prev_start, prev_stop = word_start, start
        if prev_match is not None:
            out.append((prev_match, text[prev_start:prev_stop] + prev_match.group()
                        + prev_match.group("after_tok")))
        return out

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each sentence of `text`, as nltk's span_tokenize (realigned)."""
        slices = []
        last_break = 0
        for match, context in self._contexts(text):
            if self._decide(context):
                slices.append((last_break, match.end()))
                last_break = match.start("next_tok") if match.group("next_tok") else match.end()
        slices.append((last_break, len(text.rstrip())))
        spans = []
        realign = 0
        for k, (start, stop) in enumerate(slices):
            start += realign
            if k + 1 == len(slices):
                if text[start:stop]:
                    spans.append((start, stop))
                continue
            nxt_start, nxt_stop = slices[k + 1]
            m = self._realign.match(text[nxt_start:nxt_stop])
            if m:
                spans.append((start, nxt_start + len(m.group(0).rstrip())))
                realign = m.end()
            else:
                realign = 0
                if text[start:stop]:
                    spans.append((start, stop))
        return spans

    def reference_spans(self, text: str) -> list[tuple[int, int]]:
        """nltk's own PunktSentenceTokenizer.span_tokenize on the same parameters."""
        return list(self._nltk.span_tokenize(text))
