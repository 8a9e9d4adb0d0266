"""The actors stage's per-article shortcuts give the answers of the plain per-token rules.

Gazetteer coverage is precomputed per token instead of looked up seven tokens back at every call,
clauses are cut at candidate tokens found once per article, and mentions whose role does not change
are not copied. Session 4: the gazetteer hits are aligned unsorted, the token flags hand out their
index lists, title-case headlines are only tested where three capitalised words are, and a changed
role is set without dataclasses.replace. These tests rebuild the plain answers on real seed
articles and compare.
"""
from __future__ import annotations

import dataclasses

from framing.actors import tokenflags as tf
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


def test_unsorted_hits_are_the_sorted_hits(seed_doc, gaz):
    from framing.gazetteer import _HIT_ORDER

    unsorted = gaz.find_hits(seed_doc.text, sort=False)
    assert unsorted != gaz.find_hits(seed_doc.text)  # automaton order differs from text order
    assert sorted(unsorted, key=_HIT_ORDER) == gaz.find_hits(seed_doc.text)


def test_flag_index_lists_equal_the_bit_columns(seed_doc, gaz):
    flags = tf.token_flags(seed_doc, gaz)
    assert flags.paren == flags.indices(flags.text, tf.PAREN)
    assert flags.pronouns == flags.indices(flags.norm, tf.PRONOUN)
    assert flags.agency == flags.indices(flags.word, tf.AGENCY)
    assert flags.initiator == flags.indices(flags.word, tf.INITIATOR)
    assert flags.splits == sorted(set(flags.indices(flags.text, tf.SPLIT_PUNCT))
                                  | set(flags.indices(flags.norm, tf.SPLIT_WORD)))
    assert flags.agency and flags.splits  # the seeds report violence, in clauses


def _plain_title_case(doc, s_idx):
    s = doc.sentences[s_idx]
    toks = doc.tokens[s.token_start:s.token_end]
    words = [t for t in toks if t.text[:1].isalpha()]
    caps = [t for t in words if t.text[:1].isupper() and any(c.isalpha() for c in t.text)]
    if len(words) < 4:
        return False
    if len(caps) == len(words):
        return True
    if len(caps) < 0.7 * len(words):
        return False
    return any(t.norm not in ("the", "a") and t.pos.startswith("VB") for t in caps)


def test_headlines_equal_the_plain_rule(gaz):
    text = ("Border Talks With Afghanistan Stall As Kabul Rejects Terms\n\n"
            "Pakistan and Afghanistan failed to agree on Sunday, officials in Islamabad said. "
            "The Taliban Government Says Talks Will Continue. It was not clear when.")
    doc = build_doc(Article(id="h", text=text, outlet="x"))
    finder = MentionFinder(gaz)
    finder.find(doc)
    plain = [_plain_title_case(doc, k) for k in range(len(doc.sentences))]
    assert finder.headline == plain
    assert plain[0] and not plain[1]


def test_changed_role_equals_dataclasses_replace(seed_doc, gaz):
    mentions = find_mentions(seed_doc, gaz)
    roles = {(m.start, m.end): "patient" for m in mentions[::3]}
    out = with_roles(mentions, roles)
    assert out == tuple(dataclasses.replace(m, role=roles[(m.start, m.end)])
                        if (m.start, m.end) in roles else m for m in mentions)
    assert type(out[0]) is type(mentions[0]) and out[0].__dict__.keys() == mentions[0].__dict__.keys()
