"""The attribution stage's session 11 shortcuts give what the lookups they replaced give.

- `extract._LemmaCodes.codes_of`: an article's lemma codes from the small table of the lower-case
  lemmas whose code is not 0, equal to the memo's answers (and the memo itself answers when a
  lemma is not lower case).
"""
from __future__ import annotations

from framing.attribution.data import load_data
from framing.attribution.extract import _Ctx, _lemma_codes, _LemmaCodes, load_cue_model
from framing.model import Article
from framing.text import build_doc
from framing.text.columns import columns

NEWS = (
    "Defence Minister Khawaja Asif said on Tuesday that the border would reopen. Asif told "
    "reporters in Islamabad that “we will respond”. Officials warned, claimed and insisted that "
    "the plan was dead; critics called it a sham. Pezeshkian told state television that Iran and "
    "Pakistan would cooperate, according to a statement. Grassley argued the vote showed support "
    "for the bill, and Asif said Saturday he would not comment."
)


def _memo_codes(codes: _LemmaCodes, lemmas) -> list:
    """The codes as the memo gives them, one lemma at a time (0 for none)."""
    fresh = _LemmaCodes(codes.cue_lemmas, codes.learned)
    return [fresh[lemma] for lemma in lemmas]


def test_lemma_codes_of_an_article_equal_the_memo():
    data = load_data()
    model = load_cue_model()
    codes = _lemma_codes(data, model.lemmas if model is not None else None)
    lemmas = columns(build_doc(Article("n", NEWS, "test"))).lemmas
    assert "".join(lemmas).islower()  # the text layer's lemmas: the table answers
    got = codes.codes_of(lemmas)
    assert [c or 0 for c in got] == _memo_codes(codes, lemmas)
    assert any(got)
    # every lemma the table holds, and lemmas that are not lower case (the memo answers)
    table = sorted(codes.nonzero)
    assert [c or 0 for c in codes.codes_of(table)] == _memo_codes(codes, table)
    odd = ["Say", "CLAIM", "said", "Warn", "the", "İstanbul", "ǅ", "2019", ","]
    assert [c or 0 for c in codes.codes_of(odd)] == _memo_codes(codes, odd)
    assert [c or 0 for c in codes.codes_of(lemmas + odd)] == _memo_codes(codes, lemmas + odd)
    assert codes.codes_of([]) == []


def test_context_candidates_equal_with_the_memo(monkeypatch):
    data = load_data()
    model = load_cue_model()
    doc = build_doc(Article("n", NEWS, "test"))
    ctx = _Ctx(doc, data, learned_lemmas=model.lemmas)
    monkeypatch.setattr(_LemmaCodes, "codes_of", lambda self, lemmas: [self[x] for x in lemmas])
    plain = _Ctx(doc, data, learned_lemmas=model.lemmas)
    assert ctx.cue_starts == plain.cue_starts and ctx.cue_starts
    assert ctx.learned_candidates == plain.learned_candidates and ctx.learned_candidates
