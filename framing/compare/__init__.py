"""Cross-outlet comparison of one story: claims, coverage, omissions, rewritten copy, figures and
dates that disagree, distinctive terms, readability and outlet similarity.

    from framing.compare import compare_story
    comparison = compare_story(analyses, story, resources)   # -> StoryComparison

Method and thresholds: docs/compare.md. One module per job:
units (sentences/clauses and their place), align (TF-IDF + constrained average linkage; the
sparse arithmetic in sparse.py, numpy only),
claims (coverage matrix, omissions), copydiff (word-level diffs of shared copy), numbers/dates/
events/credit/mentions (figures and dates with what they refer to and who says so), facts
(cross-outlet matching and disagreements), terms (Fightin' Words), readability (textstat's formulas,
computed without textstat),
similarity (which outlets frame alike), stage_tables (naming matrix, voice share from other stages).
"""
from .align import AlignParams
from .story import CompareParams, compare_story
from .terms import TermParams

__all__ = ["AlignParams", "CompareParams", "TermParams", "compare_story"]
