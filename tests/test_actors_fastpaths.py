"""The actors stage's per-article shortcuts give the answers of the plain per-token rules.

Gazetteer coverage is precomputed per token instead of looked up seven tokens back at every call,
clauses are cut at candidate tokens found once per article, and mentions whose role does not change
are not copied. These tests rebuild the plain answers on real seed articles and compare.
"""
from __future__ import annotations

from framing.actors.mentions import MentionFinder, find_mentions, with_roles
from framing.actors.tone import SPLIT_PUNCT, SPLIT_WORDS, clause_spans
from framing.model import Article
from framing.text import build_doc


def _look_back(i, table):
    for k in range(max(0, i - 6), i + 1):
        hit = table.get(k)
        if hit and k <= i < hit[0]:
            return k, hit
    return None


def test_coverage_equals_the_look_back(seed_doc, gaz):
    finder = MentionFinder(gaz)
    finder.find(seed_doc)
    for table, cover in ((finder.ent, finder.cov_ent), (finder.ttl, finder.cov_ttl),
                         (finder.gen, finder.cov_gen), (finder.non, finder.cov_non)):
        assert [cover[i] for i in range(-1, len(seed_doc.tokens) + 1)] == \
            [_look_back(i, table) for i in range(-1, len(seed_doc.tokens) + 1)]
    assert any(finder.ent.values())  # the seeds name countries and groups


def _plain_clauses(doc, s_idx):
    s = doc.sentences[s_idx]
    toks = doc.tokens[s.token_start:s.token_end]
    out, start = [], toks[0].start
    for k, t in enumerate(toks):
        if k and (t.text in SPLIT_PUNCT or (t.norm in SPLIT_WORDS and toks[k - 1].text in (",", ";") or
                                            t.norm in SPLIT_WORDS and t.pos == "CC")):
            if toks[k - 1].end > start:
                out.append((start, toks[k - 1].end))
            start = t.start
    out.append((start, toks[-1].end))
    return out


def test_clauses_equal_the_token_by_token_rule(seed_doc):
    got = [clause_spans(seed_doc, i) for i in range(len(seed_doc.sentences))]
    assert got == [_plain_clauses(seed_doc, i) for i in range(len(seed_doc.sentences))]


def test_clauses_split_at_semicolons_and_contrast():
    text = ("Islamabad says Kabul harbors the militants; the Taliban government denies it, "
            "but talks continue while the border stays closed.")
    d = build_doc(Article(id="c", text=text, outlet="t"))
    got = clause_spans(d, 0)
    assert got == _plain_clauses(d, 0)
    assert [text[a:b] for a, b in got][:2] == ["Islamabad says Kabul harbors the militants",
                                               "; the Taliban government denies it,"]
    assert len(got) == 3  # "while" after a verb, without a comma, does not cut


def test_with_roles_sets_roles_and_keeps_the_rest(seed_doc, gaz):
    mentions = find_mentions(seed_doc, gaz)
    first = mentions[0]
    out = with_roles(mentions, {(first.start, first.end): "agent"})
    assert out[0].role == "agent" and out[0].text == first.text
    assert out[1:] == mentions[1:]
