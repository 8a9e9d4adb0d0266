"""Embedded social-media posts (framing.text.posts): a tweet extracted from a news page is a
paragraph that ends with its signature, "— Name (@handle) Month D, YYYY". Its words are the
account's, not the outlet's: quoted for every stage, credited to the name by the attribution stage.
The texts are written in the shape AllSides articles carry such posts."""
from __future__ import annotations

import json

from framing.api import analyze_article
from framing.model import Article
from framing.resources import Resources
from framing.text import build_doc
from framing.text.posts import find_posts
from test_attribution_helpers import content, run

TWEET = ("This is a horrible and very unfair situation. Cannot allow this miscarriage of justice! "
         "https://t.co/rHPfYX6Vbv — Donald J. Trump (@realDonaldTrump) February 11, 2020")
STORY = ("The president weighed in on the sentencing late on Monday.\n\n" + TWEET + "\n\n"
         "Prosecutors called the situation horrible for the department.")


def _posts(text: str) -> list[str]:
    doc = build_doc(Article("t", text, "test"))
    return [text[q.start:q.end] for q in find_posts(text, list(doc.paragraphs))]


def test_a_tweet_paragraph_is_a_quotation_without_marks():
    doc = build_doc(Article("t", STORY, "test"))
    posts = [q for q in doc.quotes if not q.marks]
    assert [STORY[q.start:q.end] for q in posts] == [
        "This is a horrible and very unfair situation. Cannot allow this miscarriage of justice! "
        "https://t.co/rHPfYX6Vbv"]
    inside = [t.text for t in doc.tokens if t.in_quote]
    assert "horrible" in inside and "Trump" not in inside and "Prosecutors" not in inside


def test_what_is_not_a_post():
    # a signature alone on its line: the paragraph before it may be the article's own text
    assert _posts("Officials spoke at noon on Friday.\n\n— Reuters Top News (@Reuters) June 28, 2019") == []
    # a handle in running text, with no signature closing the paragraph
    assert _posts("The senator (@SenJohnThune) said on March 6, 2016 that he would vote yes.") == []
    # a post's own dash is not the signature's
    assert _posts("Democrats look like they held a meaningless shutdown — all at once. "
                  "— Matt Viser (@mviser) January 22, 2018") == [
        "Democrats look like they held a meaningless shutdown — all at once."]
    # a dash written against the post's last link, a full stop after the date
    assert _posts("Like you have never seen them before. pic.twitter.com/P2qpm3h3Pm— Apple Music "
                  "(@AppleMusic) September 27, 2016.") == [
        "Like you have never seen them before. pic.twitter.com/P2qpm3h3Pm"]


def test_a_post_is_credited_to_the_name_in_its_signature():
    doc, atts, _ = run(STORY)
    posted = [a for a in atts if a.cue_lemma == "post"]
    assert len(posted) == 1
    post = posted[0]
    assert post.source_text == "Donald J. Trump" and post.kind == "direct" and post.cue_text == "—"
    assert content(doc, post).startswith("This is a horrible") and content(doc, post).endswith("rHPfYX6Vbv")
    # an organisation's short form in brackets stays with its name
    doc, atts, _ = run("Health officials in Geneva issued a warning.\n\nPreliminary investigations "
                       "found no clear evidence of transmission. pic.twitter.com/Fnl5P877VG — World "
                       "Health Organization (WHO) (@WHO) January 14, 2020")
    assert [a.source_text for a in atts if a.cue_lemma == "post"] == ["World Health Organization (WHO)"]


def test_a_posts_words_are_not_the_outlets():
    an = analyze_article(Article("t", STORY, "test"), Resources())
    voices = {(f.text.lower(), f.voice) for f in an.findings if f.text.lower() == "horrible"}
    assert voices == {("horrible", "quoted"), ("horrible", "narrator")}
    tweet_sentence = next(s for s in an.sentence_scores if STORY[s.start:s.end].startswith("This is"))
    assert tweet_sentence.voice == "quote"


def test_i_in_a_post_is_not_the_writer():
    doc, atts, _ = run("The minority leader announced a press conference.\n\nI will explain why at my "
                       "press conference at 10am ET: https://t.co/Pk4jPUtJIS — Kevin McCarthy "
                       "(@GOPLeader) January 2, 2019")
    assert "the author" not in [a.speaker for a in atts]
    assert [a.source_text for a in atts if a.cue_lemma == "post"] == ["Kevin McCarthy"]


def test_the_account_is_no_antecedent_for_the_narrative_after_it():
    # "He" after the post is the congressman the narrative follows, not the broadcaster's account
    doc, atts, _ = run("Kevin Brady spoke to reporters in the Capitol on Thursday.\n\n"
                       "Brady on the tax bill: the vote will come next week. pic.twitter.com/a1B2c3 "
                       "— CSPAN (@cspan) December 14, 2017\n\n"
                       "He said the conference report would be ready by Friday.")
    said = [a for a in atts if a.cue_text == "said"]
    assert [a.speaker for a in said] == ["Kevin Brady"]


def test_the_json_report_of_a_story_with_a_post_validates(tmp_path):
    from test_cli import run as run_cli, schema_validator

    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text(STORY, encoding="utf-8")
    (story / "b.txt").write_text("Prosecutors said on Tuesday that the sentence was fair and within the "
                                 "guidelines.\n\nThe judge will rule next week.", encoding="utf-8")
    out = tmp_path / "story.json"
    result = run_cli("analyze", str(story), "--format", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    schema_validator().validate(data)
    article = next(a for a in data["articles"] if "Trump" in a["article"]["text"])
    assert [q["marks"] for q in article["text_layer"]["quotes"]] == [""]
    # the report's attribution table says what the signature's dash is
    md = tmp_path / "story.md"
    assert run_cli("analyze", str(story), "--format", "md", "-o", str(md)).exit_code == 0
    row = next(line for line in md.read_text(encoding="utf-8").splitlines() if "Donald J. Trump" in line
               and "direct" in line)
    assert "— (post)" in row
