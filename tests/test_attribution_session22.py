"""Session 22 (an unseen story read end to end: four outlets on Jeff Sessions' recusal, March 2017).
A report's passive credits the report to the agent after "by": "The meetings, first reported by the
Washington Post, ..." had the meetings as speaker and the Post as content; "The letter was first
reported by The New York Times" made "was first" a cue of its own. The agent ends before its time
("by the White House on Monday"). "The organization" is the institution named last within the reach
of "they" that is not a news outlet (it had stayed unresolved, or gone to the World Health
Organization named paragraphs before: AllSides 3302, 4761, 4774, 5287, 5960). A name after an
organisation's description ("a large nurses' union, Nurses United,") is an institution, unless a
title or a person's description comes with it.

Sentences from AllSides records 1585, 4603, 4754, 4775 and 4910, shortened; the change was read
on records 4000-4999 (12 attributions changed, all right). Each test fails on the session-21 code;
"..._still_..." pins what the rules must leave alone.
"""
from __future__ import annotations

from test_attribution_helpers import content, gazetteer, run, source

from framing.attribution.data import load_data
from framing.attribution.speakers import describe
from framing.model import Article
from framing.text import build_doc


def _triples(text):
    doc, atts, _ = run(text)
    return [(source(doc, a), a.cue_text, content(doc, a)) for a in atts]


def test_a_participle_clause_credits_its_noun_to_the_agent():
    assert _triples("The meetings, first reported by the Washington Post, came as Sessions was a top "
                    "surrogate.") == [("the Washington Post", "first reported", "The meetings")]
    assert _triples("The deal, first reported by Reuters on Monday, would cut tariffs.") == [
        ("Reuters", "first reported", "The deal")]


def test_a_reports_passive_with_be_credits_the_subject_to_the_agent():
    assert _triples("The news of Ryan's retirement was first reported by Axios.") == [
        ("Axios", "was first reported", "The news of Ryan's retirement")]
    assert _triples("Those problems and others have been revealed by congressional oversight "
                    "investigators.") == [
        ("congressional oversight investigators", "have been revealed", "Those problems and others")]


def test_other_verbs_full_passives_are_still_no_attribution():
    # physical or procedural senses of cue verbs: no speaker in "by" here
    for text in ("The checkpoint was attacked by pro-Russian insurgents.",
                 "The nominees were confirmed by wide margins.",
                 "This article was supported by a grant from the Pulitzer Center."):
        assert _triples(text) == [], text


def test_the_organization_is_the_institution_named_last_nearby():
    # AllSides 4774 and 5287: "the organization" is whichever institution was just named, not
    # unresolved ("organization") and not one whose name holds the word
    doc, atts, _ = run('In a report, the IMF said U.S. consumption "has benefited from steady job '
                       'creation." The organization also said that budget cuts had been milder.')
    assert [(source(doc, a), a.speaker) for a in atts] == [("the IMF", "IMF"),
                                                          ("The organization", "IMF")]
    _, atts, _ = run("The World Health Organization estimates that 4,500 people have died. The "
                     "Carter Center said there are no complications. The organization said in a "
                     "tweet that he would stay in hospital.")
    assert atts[-1].speaker == "Carter Center"


def test_the_organization_is_still_not_a_news_outlet_or_one_named_far_back():
    # AllSides 3563: the fund the donations went to, not the paper quoted before
    _, atts, _ = run("As of June 8, over 10,000 people had been arrested, according to The Guardian. "
                     "Donations flooded in to the Minnesota Freedom Fund after the organization "
                     "said it was working to pay bail.")
    assert atts[-1].speaker != "Guardian"
    filler = " ".join(["The protests went on through the night in several cities."] * 8)
    _, atts, _ = run(f"The IMF said growth would slow. {filler} The organization said it would "
                     "hold a news conference.")
    assert atts[-1].speaker != "IMF"


def test_a_name_after_an_organisation_description_is_an_institution():
    # AllSides 5960: the union was read as a person, so "the organization" went to the CDC
    _, atts, _ = run("The CDC said the crew members were OK. This week, a large nurses' union, "
                     "Nurses United, cited unnamed nurses as the organization alleged the hospital "
                     "was not equipped.")
    assert [a.speaker for a in atts][-2:] == ["Nurses United", "Nurses United"]


def test_a_titled_or_related_name_after_such_a_description_is_still_a_person():
    for text in ("Writing for a unanimous court, conservative Justice Antonin Scalia, said it was "
                 "illegal.", "Hogg's mother, Rebecca Boldrick, says she received a letter.",
                 "A member of the group, Amy Lee, said it was over."):
        doc = build_doc(Article(id="x", text=text, outlet="X"))
        toks = doc.tokens
        a = next(k for k, t in enumerate(toks) if t.text in ("a", "Hogg", "A"))
        b = max(k for k, t in enumerate(toks) if t.text == ",") + 1
        assert describe(toks, a, b, text, load_data(), gazetteer()).kind == "person", text
