"""compare_story: line the outlets' articles of one story up against each other.

One pass over the analyses, each part in its own module:
units -> align -> claims (coverage, omissions) -> copydiff; mentions -> facts (figures, dates,
disagreements); terms; readability; similarity; stage_tables (naming matrix, voice share).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from typing import Callable, Sequence

from ..model import ArticleAnalysis
from ..model.comparison import ArticleRef, StoryComparison
from ..text.columns import columns as text_columns  # is_word: Doc.word_count, without a Token walk
from .align import AlignParams, align_units
from .claims import build_claims, omissions
from .copydiff import ALL_PAIRS_UP_TO, MIN_RATIO, copy_diffs
from .facts import Context, match_facts
from .mentions import article_facts
from .readability import readability
from .similarity import outlet_similarity
from .stage_tables import naming_matrix, voice_share
from .terms import TermParams, distinctive_terms
from .tokens import release
from .units import MIN_CLAUSE_WORDS, MIN_UNIT_WORDS, Unit, article_units


@dataclass(frozen=True)
class CompareParams:
    """Every threshold of the comparison, in one place (documented in docs/compare.md)."""

    align: AlignParams = field(default_factory=AlignParams)
    terms: TermParams = field(default_factory=TermParams)
    stage_tables: bool = True  # call the actors/attribution helpers for naming matrix, voice share


def _outlets(analyses: Sequence[ArticleAnalysis]) -> list[str]:
    seen: list[str] = []
    for a in analyses:
        if a.article.outlet not in seen:
            seen.append(a.article.outlet)
    return seen


def fact_contexts(claims, omitted, units=(), analyses=(), alignment=None, facts=(),
                  near_threshold: float = 1.0) -> tuple[Context, ...]:
    """Where figures and dates of different outlets are comparable: the units of every claim two
    or more outlets carry; every omission marked possibly carried, with its closest wording; and
    each unit holding a figure or date with its most similar unit of another article that holds
    one, at `near_threshold` or more, when the claims keep them apart (a claim takes one sentence
    per article, so an outlet that states a fact twice has its second wording outside).
    All "low": a sentence alignment is a weaker link than a shared event or outcome word, and
    the one false disagreement it gave on the labelled stories came from a claim (seven against
    eight percentage points, in two polls), so its disagreements are shown as possible."""
    out = [Context(c.id, c.text, tuple((m.article_id, m.start, m.end) for m in c.mentions), "low")
           for c in claims if len(c.outlets) > 1]
    by_id = {c.id: c for c in claims}
    for om in omitted:
        if om.possibly_carried:
            c = by_id[om.claim_id]
            spans = tuple((m.article_id, m.start, m.end) for m in c.mentions)
            out.append(Context(f"{c.id}~", c.text,
                               spans + ((om.closest_article_id, om.closest_start, om.closest_end),),
                               "low"))
    if alignment is None or alignment.neighbours is None or not units:
        return tuple(out)
    index = {a.article.id: k for k, a in enumerate(analyses)}
    by_article: dict[int, list[int]] = {}  # article -> its units, in text order
    for u_i, u in enumerate(units):
        by_article.setdefault(u.article, []).append(u_i)
    starts = {k: [units[u_i].start for u_i in us] for k, us in by_article.items()}
    wanted = set()  # units holding a figure or a date
    for f in facts:
        for m in list(f.figures) + list(f.dates):
            k = index.get(m.article_id, -1)
            pos = bisect_right(starts.get(k, ()), m.start) - 1
            if pos >= 0 and m.start < units[by_article[k][pos]].end:
                wanted.add(by_article[k][pos])
    claim_of = {}
    for c in claims:
        for m in c.mentions:
            claim_of[(m.article_id, m.start)] = c.id
    for i, j, _ in alignment.neighbours.best_pairs(wanted, near_threshold):
        ui, uj = units[i], units[j]
        ai, aj = analyses[ui.article].article, analyses[uj.article].article
        if ai.outlet == aj.outlet:
            continue
        ci, cj = claim_of.get((ai.id, ui.start)), claim_of.get((aj.id, uj.start))
        if ci is not None and ci == cj:
            continue  # already compared in their claim
        out.append(Context(f"u{i}~u{j}", ai.text[ui.start:ui.end],
                           ((ai.id, ui.start, ui.end), (aj.id, uj.start, uj.end)), "low"))
    return tuple(out)


def compare_story(analyses: Sequence[ArticleAnalysis], story=None, resources=None,
                  params: CompareParams | None = None,
                  embed: Callable | None = None) -> StoryComparison:
    """Compare the analysed articles of one story. See docs/compare.md for the method.

    `story` (framing.model.Story) gives the name and the manifest's actor overrides; `resources`
    is passed on to the helpers that need the lexicon. `embed` is an optional offline sentence
    embedding function (list of texts -> 2-D array) used by the alignment instead of character
    n-grams. Deterministic: the same analyses in the same order give the same result.
    """
    try:
        return _compare(list(analyses), story, resources, params or CompareParams(), embed)
    finally:
        release()


def _compare(analyses, story, resources, params, embed) -> StoryComparison:
    notes: list[str] = []
    seen_ids: set[str] = set()
    unique = []
    for a in analyses:  # spans are keyed by article id: a repeated id could not be traced back
        if a.article.id in seen_ids:
            notes.append(f"article id {a.article.id!r} appears twice: the second copy is left out")
            continue
        seen_ids.add(a.article.id)
        unique.append(a)
    analyses = unique
    outlets = _outlets(analyses)

    units: list[Unit] = []
    refs = []
    layouts = []
    for i, a in enumerate(analyses):
        u, lay = article_units(a, i)
        units.extend(u)
        layouts.append(lay)
        refs.append(ArticleRef(id=a.article.id, outlet=a.article.outlet, title=a.article.title,
                               date=a.article.date, words=sum(text_columns(a.doc).is_word),
                               sentences=len(a.doc.sentences), units=len(u)))
    alignment = align_units(analyses, units, params.align, embed=embed)
    claims, cells = build_claims(analyses, units, alignment, outlets)
    omitted = omissions(claims, outlets, analyses, units, alignment, params.align.near_threshold)
    diffs = copy_diffs(claims, analyses)

    fig_counter, date_counter = [0], [0]
    facts = [article_facts(a, fig_counter, date_counter) for a in analyses]
    groups, disagreements = match_facts(analyses, facts, fact_contexts(
        claims, omitted, units, analyses, alignment, facts, params.align.near_threshold))
    figures = tuple(f for af in facts for f in af.figures)
    dates = tuple(d for af in facts for d in af.dates)
    events = tuple(e for af in facts for e in af.events)

    terms = distinctive_terms(analyses, outlets, params.terms)
    rows, article_rows, r_notes = readability(analyses, outlets, layouts)
    notes.extend(r_notes)
    similarity = outlet_similarity(analyses, outlets, claims, terms)

    naming, voices = {}, {}
    if params.stage_tables:
        voices, v_notes = voice_share(analyses, outlets)
        naming, n_notes = naming_matrix(analyses, story, resources)
        notes.extend(v_notes + n_notes)
    if len(outlets) < 2:
        notes.append("only one outlet: nothing to compare across outlets")

    used = {
        "align": asdict(params.align),
        "terms": asdict(params.terms),
        "units": {"min_unit_words": MIN_UNIT_WORDS, "min_clause_words": MIN_CLAUSE_WORDS},
        "copy": {"min_ratio": MIN_RATIO, "all_pairs_up_to": ALL_PAIRS_UP_TO},
        "embedding": bool(embed),
    }
    return StoryComparison(
        story=getattr(story, "name", "") or "",
        outlets=tuple(outlets), articles=tuple(refs), claims=claims, coverage=cells,
        omissions=omitted, copy_diffs=diffs, figures=figures, dates=dates, events=events, fact_groups=groups,
        disagreements=disagreements, distinctive_terms=terms, readability=rows,
        article_readability=article_rows, similarity=similarity, naming_matrix=naming, voice_share=voices, params=used,
        notes=tuple(notes))
