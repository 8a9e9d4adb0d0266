"""Session 22: a count of unnamed sources ("Two U.S. officials said ...") is who speaks, not a figure
the story reports. Found in the AllSides story on Jeff Sessions' recusal (records 1585 and 5697):
NPR's "one Russian official" and Newsmax's "Two U.S. officials said" were shown as a possible
disagreement about "how many: official". The attribution stage runs for real."""
from __future__ import annotations

from framing.api import analyze_article
from framing.compare import compare_story
from framing.compare.mentions import article_facts
from framing.model import Article, Story
from framing.resources import Resources

_RES = Resources()


def _analysis(text, outlet="X"):
    return analyze_article(Article(id=outlet.lower(), text=text, outlet=outlet, date="2017-03-03"),
                           _RES, ("lexicon", "attribution", "actors"))


def _figures(text):
    return [(f.text, f.counted) for f in article_facts(_analysis(text), [0], [0]).figures]


def test_a_count_of_unnamed_sources_is_no_figure():
    assert _figures("Two U.S. officials, speaking on condition of anonymity, said Sessions was one "
                    "of many subjects of the investigation.") == []
    assert _figures("One person familiar with the matter told reporters the talks had failed.") == []
    assert _figures("The journalist said two sources familiar with the matter confirmed that the "
                    "staffer had been fired.") == []


def test_what_the_sources_report_and_crowds_that_speak_stay_figures():
    # the number in what is said is a figure; so is a crowd, named people, or a large count
    assert ("12", "soldier") in _figures("Two U.S. officials said 12 soldiers were killed.")
    assert ("About 10,000", "people") in _figures("About 10,000 people said they would march on Sunday.")
    assert _figures("Aides to 13 GOP members have told the leadership they oppose the bill.")


def test_source_counts_in_two_outlets_are_no_disagreement():
    npr = _analysis('Sessions said he "should have slowed down and said I did meet with one Russian '
                    'official a couple of times."', "NPR")
    newsmax = _analysis("Two U.S. officials said Sessions was one of many subjects of a government "
                        "investigation of contacts between Russia and the campaign.", "Newsmax")
    story = Story(name="test", articles=(npr.article, newsmax.article))
    c = compare_story([npr, newsmax], story, _RES)
    assert not [g for g in c.fact_groups if "official" in g.label]
    assert not c.disagreements
