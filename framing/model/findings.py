"""Lexicon findings: one matched term (or scare quote) in an article, with what it means.

Every finding points into `Article.text` by offsets (`text[start:end] == finding.text`) and says
whose words they are (`voice`): the outlet's narrator, a quoted speaker, or the narrator putting a
few words in scare quotes. This module imports nothing else of ours but framing.model.fastmake.
"""
from __future__ import annotations

from .fastmake import record

NARRATOR = "narrator"
QUOTED = "quoted"
SCARE_QUOTE = "scare_quote"
VOICES = (NARRATOR, QUOTED, SCARE_QUOTE)


@record
class Finding:
    """A lexicon match.

    term / category / polarity / strength / explanation / alternative: from the lexicon row
      (`source` is its "file:line", `pack` the pack it came from).
    voice: "narrator" (the outlet's own words), "quoted" (inside a quotation credited to a speaker)
      or "scare_quote" (inside, or being, a short quotation with no speaker: the narrator's choice).
    negated: a negator ("not", "never", "no" ...) stands in the three words before the term in the
      same clause ("not unprovoked", "never confirmed"). The finding stays (the word was used) but
      its polarity does not count towards the article's tone.
    flag: False for information-only rows (plain reporting verbs, neutral and mild words).
    valence: VADER's lexicon valence of the matched words (-4 .. 4), None when VADER has none.
    subjectivity: textblob/pattern subjectivity of the matched words (0 .. 1), None when unknown.
    """

    start: int
    end: int
    text: str
    term: str
    category: str
    polarity: int
    strength: int
    explanation: str
    alternative: str
    voice: str
    negated: bool = False
    sentence: int = -1
    pack: str = ""
    source: str = ""
    flag: bool = True
    valence: float | None = None
    subjectivity: float | None = None

    @property
    def narrator_side(self) -> bool:
        """True for the outlet's own choices: narrator wording and scare quotes."""
        return self.voice != QUOTED
