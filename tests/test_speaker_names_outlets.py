"""Speakers' names with lower-case particles, royal titles as roles, and news outlets the gazetteer
knows (session 16).

A name such as "Mohammed bin Salman" or "Bill de Blasio" lost its first part at the particle
("Salman", "Blasio"); a crown prince had no role; outlets often cited in news ("the Washington Free
Beacon", "Sky News", "the Atlanta Journal-Constitution") were guessed as persons or had no role, so
the attribution table could not say a medium was speaking.
"""
from __future__ import annotations

import pytest

from test_attribution_helpers import by_cue, run


@pytest.mark.parametrize("text,cue,speaker", [
    ("Saudi Crown Prince Mohammed bin Salman said the kingdom would cut output.", "said",
     "Mohammed bin Salman"),
    ("New York Mayor Bill de Blasio said the city would appeal the ruling.", "said", "Bill de Blasio"),
    ("Abu Bakr al-Baghdadi urged his followers to keep fighting, the recording said.", "urged",
     "Abu Bakr al-Baghdadi"),
    ("The spokesman, Jose de la Cruz, said the road would reopen on Monday.", "said", "Jose de la Cruz"),
])
def test_name_particles_stay_inside_the_name(text, cue, speaker):
    _, atts, _ = run(text)
    assert by_cue(atts, cue).speaker == speaker


def test_a_particle_alone_does_not_make_a_name():
    # "de" before a lower-case word is no name particle: the speaker stays the officials
    _, atts, _ = run("Officials de facto in charge of the port said the ships would wait.")
    assert by_cue(atts, "said").speaker != "de"


@pytest.mark.parametrize("text,cue,role", [
    ("Saudi Crown Prince Mohammed bin Salman said the kingdom would cut output.", "said", "government"),
    ("The emir of Qatar said the talks would resume next week.", "said", "government"),
])
def test_royal_titles_give_a_government_role(text, cue, role):
    _, atts, _ = run(text)
    assert by_cue(atts, cue).role == role


@pytest.mark.parametrize("text,cue,speaker", [
    ("According to the Washington Free Beacon, the governor signed the order on Friday.",
     "According to", "Washington Free Beacon"),
    ("Sky News reported that the ferry had left Dover two hours late.", "reported", "Sky News"),
    ("The plan had stalled for months, according to the Atlanta Journal-Constitution.", "according to",
     "Atlanta Journal-Constitution"),
    ("TOLOnews said the crossing at Torkham reopened on Sunday.", "said", "TOLOnews"),
])
def test_news_outlets_speak_as_media(text, cue, speaker):
    _, atts, _ = run(text)
    att = by_cue(atts, cue)
    assert (att.speaker, att.role) == (speaker, "media")


@pytest.mark.parametrize("text,cue,speaker", [
    ("The Christian Science Monitor reported that the mayor had resigned.", "reported",
     "Christian Science Monitor"),
    ("According to the Columbus Dispatch, the council voted against the plan.", "According to",
     "Columbus Dispatch"),
])
def test_publication_head_words_make_a_medium(text, cue, speaker):
    # "Monitor", "Dispatch", "Review", "Chronicle" ... end a publication's name (org_heads.tsv):
    # "Science Monitor" was a person, and "he" later in the text pointed at it
    _, atts, _ = run(text)
    att = by_cue(atts, cue)
    assert (att.speaker, att.role) == (speaker, "media")


@pytest.mark.parametrize("text,cue,speaker", [
    ("Director of Operations Jane Smith said the flights would resume. Smith added that two were "
     "cancelled.", "added", "Jane Smith"),
    ("NYPD Chief of Department Carlos Gomez said two officers were hurt.", "said", "Carlos Gomez"),
    ("FBI Director Christopher Wray said the inquiry was open.", "said", "Christopher Wray"),
    # no "of" before it: a middle name that is also a first name stays inside the name
    ("Lee Harvey Oswald said nothing to the police that night.", "said", "Lee Harvey Oswald"),
])
def test_a_first_name_after_a_title_with_of_opens_the_person(text, cue, speaker):
    _, atts, _ = run(text)
    assert by_cue(atts, cue).speaker == speaker


def test_the_actor_is_the_person_not_the_body_before_the_name():
    from framing.api import analyze_article
    from framing.model import Article

    text = "NYPD Chief of Department Carlos Gomez said two officers were hurt. Gomez said more would come."
    a = analyze_article(Article(id="t", text=text, outlet="t"))
    names = {m.actor_name for m in a.actor_mentions if m.kind == "person"}
    assert "Carlos Gomez" in names and not any("Department" in n for n in names)


@pytest.mark.parametrize("text,cue,speaker,role,title", [
    ("FBI Director James Comey said the case was closed.", "said", "James Comey", "security", ""),
    ("ACLU Executive Director Anthony Romero said the order would be challenged.", "said",
     "Anthony Romero", "activist", "ACLU Executive Director"),
    ("Film director Spike Lee said the premiere would go ahead.", "said", "Spike Lee", "unknown", ""),
    ("Then-CIA Director John Brennan said the agency had warned them.", "said", "John Brennan",
     "security", "Then-CIA Director"),
])
def test_a_known_body_before_a_title_gives_the_role(text, cue, speaker, role, title):
    # "director", "head", "chair" ... say no kind of voice by themselves: the body does
    att = by_cue(run(text)[1], cue)
    assert (att.speaker, att.role) == (speaker, role)
    if title:
        assert att.title == title


def test_plural_titles_do_not_end_a_sentence():
    # "Reps." and "Sens." are abbreviations: the sentence went on past them, so the source was cut
    # off from its title and the content from its end
    doc, atts, _ = run("Reps. Adam Schiff and Jerry Nadler said the vote would go ahead on Friday.")
    assert len(doc.sentences) == 1
    att = by_cue(atts, "said")
    assert (att.speaker, att.role) == ("Adam Schiff and Jerry Nadler", "political")


def test_one_of_several_titled_people_takes_the_singular_title():
    _, atts, _ = run("Sens. Ted Cruz and Marco Rubio clashed on Thursday. Cruz said the plan was amnesty.")
    att = by_cue(atts, "said")
    assert (att.speaker, att.title) == ("Ted Cruz", "Sen.")


def test_a_name_whose_the_is_its_own():
    # "The Hill=" in the gazetteer: the outlet only as written with its capital "The"; "on the
    # Hill" is Capitol Hill and "Hill" alone a surname
    from framing.api import analyze_article
    from framing.model import Article

    text = ("The Hill reported on Monday that the deal was off. Lawmakers on the Hill said it was dead. "
            "Rep. French Hill said he would vote no.")
    a = analyze_article(Article(id="t", text=text, outlet="t"))
    att = by_cue(a.attributions, "reported")
    assert (att.speaker, att.role) == ("The Hill", "media")
    outlet = [a.article.text[m.start:m.end] for m in a.actor_mentions if m.actor_id == "us_thehill"]
    assert outlet == ["The Hill"]
    assert by_cue(a.attributions, "said").speaker != "The Hill"
