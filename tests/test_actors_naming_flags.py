"""The naming matrix marks a label only when a lexicon finding that is a flag covers it. Information-
only findings ("government", "White House", "spokesman": neutral labels the lexicon lists to explain
them) had marked every neutral name with the flag sign, telling a reader that the lexicon objected
to "Afghan Taliban government" as it does to "Afghan Taliban regime" (found reading the Ebola story,
AllSides 601, 1412 and 5960, where "Department of Homeland Security" and "spokesman Wendell Watson"
were marked). The lexicon and actors stages run for real."""
from __future__ import annotations

from framing.actors import naming_matrix
from framing.api import analyze_article
from framing.model import Article
from framing.resources import Resources

_RES = Resources()


def _uses(text, outlet="Outlet A"):
    an = analyze_article(Article(id=outlet.lower(), text=text, outlet=outlet), _RES,
                         ("lexicon", "actors"))
    m = naming_matrix([an])
    return {u.label: u for c in m.cells for u in c.labels}, an


def test_a_neutral_label_is_not_marked_and_a_loaded_one_is():
    uses, an = _uses("The Afghan Taliban regime rejected the offer. The Afghan Taliban government "
                     "said nothing. A White House spokesman declined to comment.")
    assert uses["Afghan Taliban regime"].flagged
    assert uses["Afghan Taliban regime"].flagged_terms == ("taliban regime",)
    assert not uses["Afghan Taliban government"].flagged
    # the lexicon does know "government": as information, not as a flag
    assert any(f.term == "government" and not f.flag for f in an.findings)
    assert not any(u.flagged for u in uses.values() if u is not uses["Afghan Taliban regime"])
