"""The attribution stage's shortcuts give what the plain definitions give (session 5 speed pass).

Each shortcut replaced a per-token or per-item walk by a whole-column pass, a bisection or a memo;
these tests hold each one against the walk it replaced, on the seed articles and realistic news
sentences, so a later edit to either side that makes them differ fails here.
"""
from __future__ import annotations

from pathlib import Path

from framing.attribution.build import _kind, _words
from framing.attribution.chunks import PROPER, TIME_WORDS, np_right
from framing.attribution.coref import _SUBORDINATORS, Resolver
from framing.attribution.data import load_data
from framing.attribution.extract import _CUE_FIRST, _Ctx, _cue_lemmas, _inside_name, extract
from framing.attribution.learned import _CANDIDATE_TAGS, load_cue_model
from framing.attribution.spans import BREAKS, candidates, eligible_piece
from framing.attribution import speakers
from framing.model import Article
from framing.text import build_doc

ROOT = Path(__file__).resolve().parent.parent

NEWS = (
    "Defence Minister Khawaja Asif said on Tuesday that the border would reopen, adding that "
    "militants had crossed from Afghan territory. “We will not tolerate cross-border terrorism,” "
    "he told reporters. “There should be no doubt about our resolve.”\n"
    "A senior official, who spoke on condition of anonymity, said talks in Istanbul had ended "
    "without progress. Asked whether Kabul would respond, the spokesman declined to comment.\n"
    "In a CNN poll released Monday, 52 percent of registered voters said they backed the deal, "
    "while 9 percent said they opposed it. Clinton “is the only candidate who can win,” Newton said.\n"
    "Sen. Charles Grassley, R-Iowa, a longtime member of the committee, said the plan was "
    "“dead on arrival” — a charge the White House denies. According to Pakistani officials, "
    "civilians had fled the shelling. The so-called “precision strikes” continued."
)


def _docs():
    from framing.ingest import load_story
    docs = [build_doc(a) for a in load_story(str(ROOT / "seeds")).articles]
    docs.append(build_doc(Article("news", NEWS, "test")))
    return docs


def test_token_tests_of_the_rules_match_their_per_token_definitions():
    data = load_data()
    model = load_cue_model()
    cue_lemmas = _cue_lemmas(data)
    for doc in _docs():
        ctx = _Ctx(doc, data, learned_lemmas=model.lemmas)
        toks = doc.tokens
        # (not a word of a name: "the Alliance Defending Freedom", "High-Level Talks in Tehran")
        starts = [i for i, t in enumerate(toks) if not ctx.inq[i] and (
            (t.pos[:2] == "VB" or t.pos == "NNS") and t.lemma in cue_lemmas or t.norm in _CUE_FIRST)
            and not _inside_name(ctx, i)]
        # (and the verbs of a headline the tagger read as nouns: `_headline_verbs`, session 21)
        starts = sorted(set(starts).union(ctx.headline_verbs))
        assert ctx.cue_starts == starts
        learned = [i for i, t in enumerate(toks) if t.pos[:2] in _CANDIDATE_TAGS and t.text[:1].isalnum()
                   and t.lemma.lower() in model.lemmas]
        assert ctx.learned_candidates == learned
        assert ctx.asked_sentences == {t.sentence for t in toks if t.norm == "asked"}
        assert ctx.evidence_sentences == {t.sentence for t in toks if t.norm in data.evidence_nouns}
        if doc.article.id == "news":  # "Asked whether ...", "In a CNN poll ..."
            assert ctx.asked_sentences and ctx.evidence_sentences
        for s, sent in enumerate(doc.sentences):
            assert ctx.sent_bounds(s) == (sent.token_start, sent.token_end)
        # without the learned lemmas, the rules' tests stand and no candidates are listed
        plain = _Ctx(doc, data)
        assert plain.cue_starts == starts and plain.learned_candidates is None


def _candidates_by_walk(ctx, a, b, hi):
    """spans.candidates as it was written: one test per token of the window."""
    inq, norms, texts = ctx.inq, ctx.norms, ctx.texts
    out = []
    for m in range(a + 1, min(hi, a + 60, b + 12)):
        if m == b or not inq[m] and norms[m] in BREAKS and not inq[m - 1] or \
                not inq[m] and texts[m] in BREAKS:
            out.append(m)
    if b not in out and b <= hi:
        out.append(b)
    if hi not in out:
        out.append(hi)
    return sorted(out)


def _piece_by_walk(ctx, raw):
    """spans.eligible_piece's token range found by walking the tokens."""
    s, e = raw.content[-1]
    lo, hi = ctx.sent_bounds(raw.sentence)
    a = next((k for k in range(lo, hi) if ctx.tokens[k].start >= s), hi)
    b = a
    while b < hi and ctx.tokens[b].end <= e:
        b += 1
    return a, b


def test_end_candidates_and_pieces_match_the_token_walks():
    data = load_data()
    n = 0
    for doc in _docs():
        raws, ctx = extract(doc, data, span_model=None)
        for raw in raws:
            piece = eligible_piece(ctx, raw)
            if piece is None:
                continue
            assert piece == _piece_by_walk(ctx, raw)
            a, b = piece
            hi = ctx.sent_bounds(raw.sentence)[1]
            assert candidates(ctx, a, b, hi) == _candidates_by_walk(ctx, a, b, hi)
            n += 1
    assert n > 20


def _subjects_eager(doc):
    """The sentence-opening subjects (`first`) of Resolver._all_subject_mentions as they were first
    written: every sentence, all at once."""
    toks = doc.tokens
    out = []
    for s in doc.sentences:
        if not any(toks[m].pos in PROPER for m in range(s.token_start, s.token_end)):
            continue
        k = s.token_start
        while k < s.token_end and (toks[k].pos in ("CC", "RB", ",") or toks[k].norm in _SUBORDINATORS):
            k += 1
        end = np_right(toks, k, s.token_end, appositive=False)
        if end is not None and toks[k].norm not in TIME_WORDS and \
                any(toks[m].pos in PROPER for m in range(k, end)) and \
                end < s.token_end and (toks[end].pos.startswith("VB") or toks[end].pos in ("MD", "RB")):
            out.append((toks[k].start, k, end))
    return out


def test_lazy_sentence_subjects_are_the_eager_list():
    data = load_data()
    for doc in _docs():
        found = [(at, a, b) for at, a, b, first in Resolver(doc, data)._all_subject_mentions() if first]
        assert found == _subjects_eager(doc)
    assert any(_subjects_eager(doc) for doc in _docs())


def test_kind_by_bisection_is_the_walk_over_all_quotations():
    data = load_data()
    for doc in _docs():
        raws, ctx = extract(doc, data)
        spans = [list(r.content) for r in raws]
        # also spans that start inside, end inside, or hold several quotations
        spans += [[(q.start + 1, q.end + 5)] for q in ctx.quotes] + [[(q.start - 3, q.end - 1)] for q in ctx.quotes]
        if len(ctx.quotes) > 2:
            spans.append([(ctx.quotes[0].start, ctx.quotes[2].end)])
        for content in spans:
            assert _kind(content, ctx.quotes, doc.text, ctx.quote_ends) == _kind(content, ctx.quotes, doc.text)  # the walk


def test_content_word_count_skips_words_without_a_letter_or_digit():
    for text in ("“We will keep fighting,” he told supporters — in Oregon.", "— – ... _ __ -- ’s",
                 "_x x_ _ snake_case", "a\u2009—\u2009b\u00a0…\u3000c", "\u2014", "", "  ", "x"):
        assert _words(text) == sum(1 for w in text.split() if any(c.isalnum() for c in w)), text
    assert _words("The “so-called” deal — was dead …") == 5


def _source_spans(doc, data):
    raws, _ = extract(doc, data)
    return [(r.source, doc.sentence_text(r.sentence)) for r in raws if r.source is not None]


def test_speaker_reading_remembered_across_articles_is_the_fresh_reading():
    data = load_data()
    docs = _docs()
    speakers._DESCRIBED.found.clear()
    first = {}
    for doc in docs:  # the memo fills, the same phrases come back from other articles
        for (a, b), st in _source_spans(doc, data):
            first[(doc.article.id, a, b)] = speakers.describe(doc.tokens, a, b, doc.text, data, None, st)
    for doc in docs:
        for (a, b), st in _source_spans(doc, data):
            speakers._DESCRIBED.found.clear()  # fresh
            fresh = speakers.describe(doc.tokens, a, b, doc.text, data, None, st)
            assert first[(doc.article.id, a, b)] == fresh
            assert speakers._describe(doc.tokens, a, b, doc.text, data, None).name == fresh.name


def test_anonymity_phrase_of_the_sentence_marks_an_unnamed_speaker_only():
    data = load_data()
    text = ("A Republican lawmaker, who spoke on condition of anonymity, said the talks had failed. "
            "A man, who asked not to be named, said the shelling went on all night. "
            "Khawaja Asif said on condition of anonymity that nothing was agreed.")
    doc = build_doc(Article("t", text, "test"))
    toks = doc.tokens
    lawmaker = speakers.describe(toks, 0, 3, doc.text, data)
    assert lawmaker.description == "Republican lawmaker" and not lawmaker.anonymous
    lawmaker_s = speakers.describe(toks, 0, 3, doc.text, data, None, doc.sentence_text(0))
    assert lawmaker_s.anonymous and lawmaker_s.role == lawmaker.role == "political"
    k = doc.sentences[1].token_start
    neighbour = speakers.describe(toks, k, k + 2, doc.text, data)
    neighbour_s = speakers.describe(toks, k, k + 2, doc.text, data, None, doc.sentence_text(1))
    assert neighbour.role == "unknown" and not neighbour.anonymous
    assert neighbour_s.anonymous and neighbour_s.role == "anonymous"
    k = doc.sentences[2].token_start
    named = speakers.describe(toks, k, k + 2, doc.text, data, None, doc.sentence_text(2))
    assert named.name == "Khawaja Asif" and not named.anonymous
    # a pronoun is read the same whatever its sentence says
    he = build_doc(Article("t", "He said on condition of anonymity that the talks failed.", "test"))
    info = speakers.describe(he.tokens, 0, 1, he.text, data, None, he.sentence_text(0))
    assert info.kind == "pronoun" and not info.anonymous


def _content_end_by_walk(ctx, k, hi):
    """extract._content_end as it was written: the clause-end test on every token to the sentence end."""
    from framing.attribution.extract import _ends_clause_at
    return next((m for m in range(k, hi) if _ends_clause_at(ctx, m, hi)), hi)


def test_content_end_visits_only_the_words_that_can_end_a_clause():
    from framing.attribution.extract import _content_end
    data = load_data()
    stops = 0
    for doc in _docs():
        ctx = _Ctx(doc, data)
        for s in range(len(doc.sentences)):
            lo, hi = ctx.sent_bounds(s)
            for k in range(lo, hi):
                end = _content_end(ctx, k, hi)
                assert end == _content_end_by_walk(ctx, k, hi)
                stops += end < hi
    assert stops > 50
