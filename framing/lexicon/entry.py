"""One lexicon row, as loaded and validated from a pack file."""
from __future__ import annotations

from dataclasses import dataclass

from .categories import is_flag


@dataclass(frozen=True)
class Entry:
    """A term with its category, direction, strength and the words a reader sees.

    `key` is the matching form of `term` (folded, hyphens as spaces, tokenised like article text).
    `source` is "path:line" so every finding can be traced to the row that produced it.
    """

    term: str
    category: str
    polarity: int
    strength: int
    explanation: str
    alternative: str
    pos: str = ""
    note: str = ""
    pack: str = ""
    source: str = ""
    key: str = ""
    derived_from: str = ""  # base adjective when this entry is a derived "-ly" adverb

    @property
    def flag(self) -> bool:
        return is_flag(self.category, self.polarity, self.strength)

    @property
    def multiword(self) -> bool:
        return " " in self.key

    def as_dict(self) -> dict:
        return {
            "term": self.term, "category": self.category, "polarity": self.polarity,
            "strength": self.strength, "explanation": self.explanation,
            "alternative": self.alternative, "pos": self.pos, "note": self.note,
            "pack": self.pack, "source": self.source, "flag": self.flag,
            "derived_from": self.derived_from,
        }
