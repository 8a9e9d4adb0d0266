"""A speaker named by a surname only takes the role and side of the one well-known person of that
surname.

"Trump said ..." in an article that never writes "Donald Trump" had no role and no side, so the
voice-by-side figures counted him "(unknown)"; the actors stage already read the bare surname as
the gazetteer's person. Both now ask `Gazetteer.person_by_surname`; not when the article names
someone else of that surname ("Rep. Tim Ryan ... Ryan said").
"""
from __future__ import annotations

from framing.gazetteer import load_gazetteer

from test_attribution_helpers import by_cue, run


def test_a_surname_names_the_one_person_who_has_it():
    g = load_gazetteer()
    assert g.person_by_surname("trump").name == "Donald Trump"
    assert g.person_by_surname("pelosi").name == "Nancy Pelosi"
    assert g.person_by_surname("smith") is None  # nobody


def test_a_surname_shared_by_two_people_names_neither(tmp_path):
    pack = tmp_path / "more_people.tsv"
    pack.write_text("id\tname\taliases\tcountry\trole\n"
                    "ssanders\tSarah Sanders\tSarah Huckabee Sanders\tUSA\tPress Secretary\n",
                    encoding="utf-8")
    assert load_gazetteer().person_by_surname("sanders").name == "Bernie Sanders"
    assert load_gazetteer(extra_paths=(pack,)).person_by_surname("sanders") is None


def test_a_bare_surname_speaker_gets_the_persons_role_and_side():
    _, atts, _ = run("Trump said the wall would be built. Pelosi said the bill would pass.")
    trump, pelosi = by_cue(atts, "said"), atts[1]
    assert (trump.role, trump.affiliation) == ("government", "United States")
    assert (pelosi.speaker, pelosi.role, pelosi.affiliation) == ("Pelosi", "political", "United States")


def test_not_when_the_article_names_someone_else_of_that_surname():
    # (no state after the name: "of Ohio" would give him the US side on its own)
    _, atts, _ = run("Rep. Tim Ryan spoke on Monday. Ryan said the plant would close.")
    att = by_cue(atts, "said")
    # Tim Ryan, a Democrat (the list of US politicians), not the gazetteer's Paul Ryan, a
    # Republican; his party makes him a US voice (session 19)
    assert (att.speaker, att.party, att.affiliation) == ("Tim Ryan", "Democratic", "United States")


def test_an_honorific_keeps_a_surname_from_a_namesake_of_the_other_gender():
    # On AllSides records 4000-4299 "Mr. Trump" had become Melania Trump in one article.
    _, atts, _ = run("Michelle Obama spoke on Monday. Mr. Obama said no.")
    att = by_cue(atts, "said")
    assert att.speaker != "Michelle Obama"
    assert (att.role, att.affiliation) == ("government", "United States")
    _, atts, _ = run("Barack Obama spoke. Michelle Obama smiled. Mrs. Obama said yes. "
                     "Mr. Obama said no.")
    assert [a.speaker for a in atts] == ["Michelle Obama", "Barack Obama"]


def test_the_actors_stage_reads_an_honorific_before_a_shared_surname():
    # On AllSides records 4000-4299: "Mr. Romney" beside Mitt and Ann Romney was an ambiguous guess
    # (before session 12, Ann Romney), "Mrs. Clinton" beside Bill and Hillary Clinton one too.
    from framing.api import analyze_article
    from framing.model import Article
    from framing.resources import Resources

    text = ("Mitt Romney and his wife, Ann Romney, spoke in Boston. Mr. Romney said the campaign "
            "would go on. Mrs. Romney smiled.")
    an = analyze_article(Article(id="t", text=text, outlet="test"), Resources(),
                         ("lexicon", "attribution", "actors"))
    names = {m.text: m.actor_name for m in an.actor_mentions}
    assert names["Mr. Romney"] == "Mitt Romney"
    assert names["Mrs. Romney"] == "Ann Romney"
