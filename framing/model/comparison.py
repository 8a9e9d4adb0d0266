"""The cross-outlet comparison of one story: what each outlet carries, leaves out or states differently.

`framing.compare.compare_story` fills a `StoryComparison`; renderers only read it. Every part is a
small frozen dataclass of plain JSON-friendly fields (str, int, float, bool, tuples and str-keyed
dicts of them). Every figure that comes from an article carries the article's id and character
offsets into `Article.text`, so `article.text[start:end]` is the text the figure was read from.
Offsets of -1 mean "none" (e.g. no headline mention). This module imports nothing else of ours.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ArticleRef:
    """One column of the story: an article and the outlet that published it."""

    id: str
    outlet: str
    title: str
    date: str  # ISO date or ""
    words: int
    sentences: int
    units: int  # sentences/clauses that took part in the alignment


@dataclass(frozen=True)
class ClaimMention:
    """One article's wording of a claim: a sentence or clause, and where it stands in the article."""

    article_id: str
    outlet: str
    sentence: int  # index into the article's Doc.sentences
    start: int  # the unit (clause or whole sentence) that aligned
    end: int
    sentence_start: int
    sentence_end: int
    text: str  # article.text[start:end]
    position: str  # "headline" | "subhead" | "lede" | "body"
    fraction: float  # place among the body sentences: 0.0 = first, 1.0 = last
    similarity: float  # mean similarity to the claim's other mentions (1.0 when alone)


@dataclass(frozen=True)
class Claim:
    """A fact as the outlets state it: aligned sentences/clauses, one body unit per article, plus an
    outlet's second wording of the fact (AlignParams.second_threshold, second_anchor;
    docs/compare.md)."""

    id: str  # "c001", ordered by how many outlets carry the claim, then first appearance
    text: str  # the most central mention's wording
    terms: tuple[str, ...]  # the words that weigh most in the claim
    outlets: tuple[str, ...]  # outlets carrying it, in story order
    articles: tuple[str, ...]
    mentions: tuple[ClaimMention, ...]  # body mentions first (one per article), then headlines/subheads
    cohesion: float  # mean pairwise similarity of the body mentions (1.0 for a single mention)


@dataclass(frozen=True)
class CoverageCell:
    """Claim x article: the sentence the article used for the claim and how prominently."""

    claim_id: str
    article_id: str
    outlet: str
    position: str  # the most prominent place: "headline" > "subhead" > "lede" > "body"
    fraction: float  # body place of the body mention (0.0 when the claim is only in a headline)
    sentence: int
    start: int
    end: int
    headline_start: int = -1  # the headline/subhead mention, when there is one
    headline_end: int = -1


@dataclass(frozen=True)
class Omission:
    """A claim one outlet alone carries ("only_one") or one outlet alone leaves out ("all_but_one")."""

    claim_id: str
    kind: str  # "only_one" | "all_but_one"
    outlet: str  # the outlet that alone carries / alone omits the claim
    carried_by: tuple[str, ...]
    text: str
    # The closest wording the outlets said to leave the claim out do have (for "only_one": any
    # other outlet; for "all_but_one": the omitting outlet), so a reader can check the omission:
    # the alignment stops at a threshold and adds an outlet's second wording to a claim only
    # when it is as alike as the first, so a fact worded twice, or in other words, can sit
    # outside the claim. "" / -1 / 0.0 when none.
    closest_article_id: str = ""
    closest_outlet: str = ""
    closest_start: int = -1
    closest_end: int = -1
    closest_text: str = ""
    closest_similarity: float = 0.0
    possibly_carried: bool = False  # closest_similarity >= AlignParams.near_threshold


@dataclass(frozen=True)
class WordChange:
    """One difference between two near-identical sentences, by tokens."""

    kind: str  # "replace" | "insert" | "delete"
    a_text: str
    b_text: str
    a_start: int  # offsets into article a's text (-1 for an insertion)
    a_end: int
    b_start: int  # offsets into article b's text (-1 for a deletion)
    b_end: int


@dataclass(frozen=True)
class CopyDiff:
    """Two outlets sharing nearly the same sentence (wire copy, a press release) and what changed."""

    claim_id: str
    a_article: str
    a_outlet: str
    a_start: int
    a_end: int
    b_article: str
    b_outlet: str
    b_start: int
    b_end: int
    ratio: float  # difflib ratio over word tokens (1.0 = identical)
    changes: tuple[WordChange, ...]


@dataclass(frozen=True)
class Attributed:
    """Whom the article credits for a figure or date ("" when it is the outlet's own statement)."""

    speaker: str
    method: str  # "attribution" (the attribution stage) | "according_to" | "reporting_verb" | "quote" | ""
    start: int = -1  # the speaker's words in the text, when known
    end: int = -1


@dataclass(frozen=True)
class FigureMention:
    """A number and what it counts ("more than 200 ... militants", "four-day negotiations")."""

    id: str  # "f12": unique within the comparison
    article_id: str
    outlet: str
    start: int  # the number expression, with its qualifier ("as many as 23")
    end: int
    text: str
    value: float  # the number as written (23, 200, 24 for "dozens")
    low: float  # the range the wording allows (qualifiers, vague numbers); -1 = unbounded below
    high: float  # -1 = unbounded above
    qualifier: str  # "", "more than", "as many as", "about", "dozens" ...
    counted: str  # the class of thing counted: "soldier", "militant", "day", "round" ... or ""
    counted_text: str
    counted_start: int
    counted_end: int
    outcome: str  # what happened to them: "killed", "injured", "detained" ... or ""
    event: str  # the event the figure is about, when it is a duration or count of rounds ("talks")
    sentence: int
    in_quote: bool
    attributed: Attributed


@dataclass(frozen=True)
class DateMention:
    """A date or day in the text, resolved where possible, and the event it dates."""

    id: str  # "d7"
    article_id: str
    outlet: str
    start: int
    end: int
    text: str
    kind: str  # "absolute" | "weekday" | "relative" | "month" | "year"
    iso: str  # "2025-10-15"; "--10-15" when the year is unknown; "2025-10" for a month; "2025" for a
    # year alone ("in 2016"); "" unresolved
    weekday: str  # "tuesday" for weekday mentions, else ""
    resolved: bool  # iso is a full date
    reference: str  # what it was resolved against: "article_date" | "dateline" | "text_year" | ""
    event: str  # canonical event ("ceasefire", "clashes", "talks") or ""
    event_text: str
    event_start: int
    event_end: int
    link: str  # how the event was found: "verb" | "object" | "subject" | "noun" | "sentence" | ""
    phase: str  # "start" | "end" | "agree" | "schedule" ... or ""
    ordinal: int  # "second round" -> 2; 0 when none
    sentence: int
    in_quote: bool
    attributed: Attributed


@dataclass(frozen=True)
class EventMention:
    """A named event ("ceasefire", "clashes", "the second round of talks") as an article writes it."""

    article_id: str
    outlet: str
    start: int
    end: int
    text: str
    event: str  # canonical event (data/compare/events.tsv)
    ordinal: int  # "second round" -> 2; 0 when none
    sentence: int
    in_quote: bool


@dataclass(frozen=True)
class FactSide:
    """One outlet's version in a cross-outlet match: the value and where it is written."""

    value: str  # "2025-10-15" / "--10-15" / "tuesday" / "23" / "more than 200"
    mention_id: str
    article_id: str
    outlet: str
    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    attributed_to: str
    confidence: str  # how sure the event link is: "high" | "medium" | "low"


@dataclass(frozen=True)
class FactGroup:
    """Figures or dates from two or more outlets that refer to the same thing."""

    id: str  # "g3"
    kind: str  # "date" | "figure"
    key: str  # what they refer to: "ceasefire (agree)", "soldier killed", "day talks"
    label: str  # the same in plain words
    outlets: tuple[str, ...]
    sides: tuple[FactSide, ...]
    agree: bool


@dataclass(frozen=True)
class Disagreement:
    """Outlets that give different dates or figures for the same thing, with both (all) spans."""

    group_id: str
    kind: str  # "date" | "figure"
    key: str
    label: str
    confidence: str  # "high" | "medium" | "low" (low: show as "possible")
    values: tuple[str, ...]  # the distinct values, sorted
    sides: tuple[FactSide, ...]
    explanation: str


@dataclass(frozen=True)
class Occurrence:
    article_id: str
    start: int
    end: int


@dataclass(frozen=True)
class DistinctiveTerm:
    """A word or phrase an outlet uses more than the rest of the story (Monroe et al. 2008)."""

    outlet: str
    term: str
    n: int  # 1 = word, 2-3 = phrase
    count: int  # in this outlet
    count_rest: int  # in the other outlets together
    log_odds: float  # delta: log-odds ratio with the informative Dirichlet prior
    z: float  # delta / its standard deviation
    quoted_share: float  # share of this outlet's occurrences inside quotation marks
    occurrences: tuple[Occurrence, ...]  # the first few, for highlighting


@dataclass(frozen=True)
class ReadabilityRow:
    """How hard an outlet's text (or one article's, when `article_id` is set) is to read, and how
    much of it is quoted speech."""

    outlet: str
    articles: int
    words: int
    sentences: int
    mean_sentence_words: float
    median_sentence_words: float
    max_sentence_words: int
    flesch_reading_ease: float
    flesch_kincaid_grade: float
    gunning_fog: float
    smog_index: float
    dale_chall: float
    quoted_words: int
    quoted_share: float  # quoted words / words
    quotes: int
    article_id: str = ""  # "" for an outlet's row (its articles pooled)


@dataclass(frozen=True)
class NearestOutlet:
    outlet: str
    nearest: str
    similarity: float


@dataclass(frozen=True)
class OutletSimilarity:
    """Which outlets frame alike: cosine similarities of per-outlet feature profiles."""

    outlets: tuple[str, ...]
    families: tuple[str, ...]  # feature families that were available ("coverage", "terms", ...)
    combined: tuple[tuple[float, ...], ...]  # outlets x outlets, mean over the families
    by_family: dict = field(default_factory=dict, hash=False, compare=False)  # family -> matrix
    nearest: tuple[NearestOutlet, ...] = ()  # each outlet's most similar other outlet


@dataclass(frozen=True)
class StoryComparison:
    """Everything the comparison found for one story. See docs/compare.md."""

    story: str
    outlets: tuple[str, ...]
    articles: tuple[ArticleRef, ...]
    claims: tuple[Claim, ...]
    coverage: tuple[CoverageCell, ...]  # sparse claim x article matrix: carried cells only
    omissions: tuple[Omission, ...]
    copy_diffs: tuple[CopyDiff, ...]
    figures: tuple[FigureMention, ...]
    dates: tuple[DateMention, ...]
    events: tuple[EventMention, ...]
    fact_groups: tuple[FactGroup, ...]
    disagreements: tuple[Disagreement, ...]
    distinctive_terms: tuple[DistinctiveTerm, ...]
    readability: tuple[ReadabilityRow, ...]  # per outlet, its articles pooled
    article_readability: tuple[ReadabilityRow, ...]  # per article, in `articles` order
    similarity: OutletSimilarity
    # From the actors and attribution helpers, as plain JSON data ({} when the stage did not run):
    naming_matrix: dict = field(default_factory=dict, hash=False, compare=False)
    voice_share: dict = field(default_factory=dict, hash=False, compare=False)  # outlet -> aggregate
    params: dict = field(default_factory=dict, hash=False, compare=False)  # thresholds used
    notes: tuple[str, ...] = ()  # what could not be done and why ("no attributions: ...")
