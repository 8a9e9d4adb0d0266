"""Alignment of sentences and clauses into claims, placement, coverage and omissions."""
from __future__ import annotations

from test_compare_support import check_offsets, make_story, seed_analyses, validate

from framing.compare import CompareParams, compare_story
from framing.compare.align import AlignParams
from framing.compare.units import article_units, layout


def claim_of(comparison, outlet, needle):
    for c in comparison.claims:
        for m in c.mentions:
            if m.outlet == outlet and needle in m.text:
                return c
    raise AssertionError(f"no claim with {needle!r} from {outlet}")


KAFR = {
    "Outlet A": ("Rebels attack police station in northern Kafr\n"
                 "Rebels attacked a police station in the northern town of Kafr on Monday, killing 12 "
                 "officers, the interior ministry said.\n"
                 "The government declared a three-day curfew across the province on Tuesday.\n"
                 "Aid groups said food supplies in the town were running low.\n"
                 "The central bank raised interest rates by half a point last week."),
    "Outlet B": ("Insurgents storm police post in Kafr\n"
                 "On Monday, insurgents stormed a police post in Kafr, a town in the north, and killed 15 "
                 "officers.\n"
                 "Officials imposed a three-day curfew across the province on Tuesday.\n"
                 "The regime blamed foreign-backed terrorists for the violence."),
    "Outlet C": ("Police officers killed in Kafr raid\n"
                 "Gunmen killed 12 police officers in an attack on a station in the northern town of Kafr "
                 "on Monday.\n"
                 "The United Nations called for restraint and an independent investigation."),
}


def test_paraphrased_sentences_align_and_unrelated_ones_do_not():
    analyses, story = make_story(KAFR, date="2024-03-06")
    c = compare_story(analyses, story)
    attack = claim_of(c, "Outlet A", "Rebels attacked a police station")
    assert set(attack.outlets) == {"Outlet A", "Outlet B", "Outlet C"}
    curfew = claim_of(c, "Outlet A", "three-day curfew")
    assert set(curfew.outlets) == {"Outlet A", "Outlet B"}
    # unrelated facts stay alone, even though they share a story and some words
    for needle, outlet in [("central bank", "Outlet A"), ("food supplies", "Outlet A"),
                           ("United Nations", "Outlet C"), ("regime blamed", "Outlet B")]:
        assert claim_of(c, outlet, needle).outlets == (outlet,)
    assert check_offsets(c, analyses) > 10


def test_omitted_fact_and_exclusive_facts():
    analyses, story = make_story(KAFR, date="2024-03-06")
    c = compare_story(analyses, story)
    curfew = claim_of(c, "Outlet A", "three-day curfew")
    omitted = [o for o in c.omissions if o.claim_id == curfew.id]
    assert [(o.kind, o.outlet) for o in omitted] == [("all_but_one", "Outlet C")]
    only = {(o.outlet, o.text) for o in c.omissions if o.kind == "only_one"}
    assert ("Outlet A", "The central bank raised interest rates by half a point last week.") in only
    assert ("Outlet C", "The United Nations called for restraint and an independent investigation.") in only


def test_an_omission_shows_the_closest_wording_and_whether_it_may_be_carried():
    # Outlet Two states the ceasefire twice. Its second wording is close to One's sentence but
    # shares little with Three's, so on average it is not alike enough to join the claim the three
    # outlets' first wordings make: it stays an "only_one" omission of Two, with One's sentence as
    # the closest wording, and is marked possibly carried.
    analyses, story = make_story({
        "One": "Pakistan and Afghanistan agreed to a ceasefire on Sunday in talks mediated by Qatar "
               "and Turkey in Doha.\n"
               "The central bank raised interest rates by half a point last week.",
        "Two": "Afghanistan and Pakistan agreed on Sunday to an immediate ceasefire, after talks in "
               "Doha mediated by Qatar and Turkey.\n"
               "The ceasefire agreed in Doha on Sunday ended a week of fighting.\n"
               "Schools in the capital reopened after a week of closures.",
        "Three": "Pakistan and Afghanistan agreed to an immediate truce, their foreign ministers "
                 "announced.",
    })
    c = compare_story(analyses, story)
    first = claim_of(c, "One", "agreed to a ceasefire")
    assert set(first.outlets) == {"One", "Two", "Three"}
    by_text = {o.text: o for o in c.omissions}
    second = next(o for t, o in by_text.items() if t.startswith("The ceasefire agreed in Doha"))
    assert (second.kind, second.outlet) == ("only_one", "Two")
    assert second.possibly_carried and second.closest_outlet == "One"
    assert second.closest_text.startswith("Pakistan and Afghanistan agreed to a ceasefire")
    assert second.closest_similarity >= c.params["align"]["near_threshold"]
    # facts the other outlet has nothing like stay firm omissions
    schools = next(o for t, o in by_text.items() if t.startswith("Schools"))
    bank = next(o for t, o in by_text.items() if t.startswith("The central bank"))
    assert not schools.possibly_carried and not bank.possibly_carried
    assert check_offsets(c, analyses) > 3


def test_an_outlets_second_wording_of_a_fact_joins_its_claim():
    # Two states the ceasefire twice; clustering takes one sentence per article into a claim, and
    # the second wording, as alike to One's sentence as the first, then joins it: it is not an
    # omission of One's.
    analyses, story = make_story({
        "One": "Pakistan and Afghanistan agreed to a ceasefire on Sunday in talks mediated by Qatar "
               "and Turkey in Doha.\n"
               "The central bank raised interest rates by half a point last week.",
        "Two": "Afghanistan and Pakistan agreed on Sunday to an immediate ceasefire, after talks in "
               "Doha mediated by Qatar and Turkey.\n"
               "The ceasefire agreed in Doha on Sunday, with Qatar and Turkey mediating, ended a week "
               "of fighting.\n"
               "Schools in the capital reopened after a week of closures.",
    })
    c = compare_story(analyses, story)
    ceasefire = claim_of(c, "One", "agreed to a ceasefire")
    assert [m.outlet for m in ceasefire.mentions] == ["One", "Two", "Two"]
    assert claim_of(c, "Two", "The ceasefire agreed in Doha") is ceasefire
    assert not any(o.text.startswith("The ceasefire agreed in Doha") for o in c.omissions)
    cells = [cell for cell in c.coverage if cell.claim_id == ceasefire.id]
    assert [cell.outlet for cell in cells] == ["One", "Two"]  # one cell per article still
    validate(c)
    assert check_offsets(c, analyses) > 3
    # with second_threshold 1.0 the claim keeps one sentence per article, as before
    params = CompareParams(align=AlignParams(second_threshold=1.0))
    old = compare_story(analyses, story, params=params)
    assert [m.outlet for m in claim_of(old, "One", "agreed to a ceasefire").mentions] == ["One", "Two"]


def test_real_second_wordings_join_their_claims():
    # NPR and the Washington Times (AP) on the Brussels lockdown, 23 November 2015 (AllSides,
    # excerpts). NPR's sentence on Hollande meeting Cameron takes the Times' sentence on Cameron in
    # Paris into a claim first; NPR's own report that Cameron will ask Parliament to authorise
    # strikes in Syria, the fact the Times' sentence states, then joins that claim.
    analyses, story = make_story({
        "NPR": "Brussels will remain in a heightened state of security until at least Monday, the "
               "country's prime minister Charles Michel said.\n"
               "Still, said Michel, the country is still facing a \"serious and imminent\" threat.\n"
               "So far, the government has detained 21 people in more than 20 raids across the "
               "country.\n"
               "Meanwhile, in Paris, President François Hollande met with British Prime Minister "
               "David Cameron.\n"
               "Cameron and Hollande also visited the Bataclan Theater to honor the 89 people who "
               "were killed there during the Paris attacks a little more than a week ago.\n"
               "Reuters reports that Cameron will ask Parliament to authorize British attacks in "
               "Syria.\n"
               "The U.K. is already bombing the Islamic State in Iraq.",
        "Washington Times": "BRUSSELS (AP) — Belgian police launched more raids in Brussels and "
               "beyond early Monday, detaining five more people as they continued their hunt for a "
               "fugitive suspect in the Paris attacks.\n"
               "In Paris, British Prime Minister David Cameron said he will ask for parliamentary "
               "approval for the U.K. to join airstrikes against Islamic State extremists in Syria.\n"
               "Between Sunday night and midday Monday, 21 people were detained\n"
               "Cameron and French President Francois Hollande, meeting in Paris, paid a quiet visit "
               "to the Bataclan concert venue, which saw the worst of the carnage in Paris.",
    }, date="2015-11-23")
    c = compare_story(analyses, story)
    syria = claim_of(c, "Washington Times", "parliamentary approval")
    assert claim_of(c, "NPR", "ask Parliament to authorize") is syria
    assert claim_of(c, "NPR", "Bataclan") is claim_of(c, "Washington Times", "Bataclan")


def test_a_second_wording_needs_an_anchor_of_the_event():
    # Reuters and CNN on Cohen's guilty plea, 21 August 2018 (AllSides, excerpts; the labels' dev
    # half). Reuters' "Giuliani told Reuters" averages as alike to the Giuliani claim as a second
    # wording, but it shares only his name with CNN's sentence (the labels pair them with nothing):
    # it no longer joins. Reuters' sentence on the payments to Daniels and McDougal shares their
    # names and "star"/"model" with CNN's (labelled the same fact): it still joins.
    analyses, story = make_story({
        "Reuters": "NEW YORK (Reuters) - U.S. President Donald Trump’s former personal lawyer "
                   "Michael Cohen testified on Tuesday that Trump had directed him to commit a crime "
                   "by arranging payments ahead of the 2016 presidential election to silence two "
                   "women who said they had affairs with Trump.\n"
                   "Cohen’s voice cracked several times as he pleaded guilty to eight criminal "
                   "charges in federal court in Manhattan, including tax evasion, bank fraud and "
                   "campaign finance violations.\n"
                   "Adult-film star Stormy Daniels was given $130,000 and former Playboy model Karen "
                   "McDougal was paid $150,000.\n"
                   "His lawyer Rudy Giuliani has said the payments were made to spare Trump and his "
                   "family embarrassment and were unrelated to the campaign.\n"
                   "“I think the president is absolutely in the clear,” Giuliani told Reuters.\n"
                   "The guilty pleas came in the same hour that a federal jury in Alexandria, "
                   "Virginia, convicted former Trump campaign chairman Paul Manafort of eight "
                   "charges of tax and bank fraud and failing to disclose foreign bank accounts.",
        "CNN": "After all, his one-time personal lawyer Michael Cohen testified as part of a plea "
               "agreement in New York City that then-candidate Trump had \"directed\" and "
               "\"coordinated\" his efforts to hide payments discussed in the run-up to the 2016 "
               "election to two women -- porn star Stormy Daniels and ex-Playboy model Karen "
               "McDougal -- in an effort to keep their allegations of extramarital affairs with "
               "Trump out of the press.\n"
               "That is a violation of campaign finance laws, one of the eight charges that Cohen "
               "pleaded guilty to on Tuesday.\n"
               "\"All they get to do is write a report,\" Trump lawyer Rudy Giuliani told CNN's Dana "
               "Bash in May.\n"
               "There is the legal end of things, which has led to a series of criminal charges out "
               "of the Mueller team and its most high-profile conviction in the form of Trump's "
               "former campaign chairman, Manafort, on Tuesday.",
    }, date="2018-08-22")
    c = compare_story(analyses, story)
    giuliani = claim_of(c, "CNN", "All they get to do")
    assert [m.outlet for m in giuliani.mentions] == ["Reuters", "CNN"]
    assert claim_of(c, "Reuters", "Giuliani told Reuters").outlets == ("Reuters",)
    cohen = claim_of(c, "CNN", "then-candidate Trump")
    assert claim_of(c, "Reuters", "Stormy Daniels was given") is cohen
    # on similarity alone (session 19) the Reuters quote joined CNN's
    old = compare_story(analyses, story, params=CompareParams(align=AlignParams(second_anchor=False)))
    assert claim_of(old, "Reuters", "Giuliani told Reuters") is claim_of(old, "CNN", "All they get")


def test_seed_wording_of_another_fact_at_one_meeting_stays_out():
    # Outlet B's "the interior minister informed the Iranian president of matters related to the
    # border" averages 0.18 with the claim of the Tehran meeting (Outlet A's and Outlet C's ledes,
    # Outlet B's "made the offer ... during a meeting in Tehran") but shares no verb, number or two
    # nouns with their sentences: another fact of the same meeting. It is Outlet B's alone, an
    # omission marked possibly carried, as before session 19.
    analyses, story = seed_analyses()
    c = compare_story(analyses, story)
    meeting = claim_of(c, "Outlet B", "made the offer to Interior Minister")
    assert set(meeting.outlets) == {"Outlet A", "Outlet B", "Outlet C"}
    border = claim_of(c, "Outlet B", "informed the Iranian president of matters")
    assert border is not meeting and border.outlets == ("Outlet B",)
    omission = next(o for o in c.omissions if o.claim_id == border.id)
    assert omission.kind == "only_one" and omission.possibly_carried
    old = compare_story(analyses, story, params=CompareParams(align=AlignParams(second_anchor=False)))
    assert claim_of(old, "Outlet B", "informed the Iranian president") is \
        claim_of(old, "Outlet B", "made the offer to Interior Minister")


def test_paraphrase_with_reordered_words_aligns_across_two_outlets():
    analyses, story = make_story({
        "One": "Pakistan and Afghanistan agreed to a ceasefire on October 19 during talks mediated by Qatar.\n"
               "Schools in the capital reopened after a week.",
        "Two": "Prices of wheat rose sharply in local markets.\n"
               "In talks that Qatar mediated, a ceasefire between Afghanistan and Pakistan was agreed on October 19.",
    })
    c = compare_story(analyses, story)
    ceasefire = claim_of(c, "One", "ceasefire")
    assert ceasefire.outlets == ("One", "Two")
    assert claim_of(c, "One", "Schools").outlets == ("One",)
    assert claim_of(c, "Two", "wheat").outlets == ("Two",)


def test_unrelated_sentences_sharing_a_name_do_not_align():
    analyses, story = make_story({
        "One": "Pakistan's cricket team won the one-day series against England in Lahore.",
        "Two": "Pakistan's interior minister met Iran's president in Tehran to discuss border security.",
    })
    c = compare_story(analyses, story)
    assert all(len(cl.outlets) == 1 for cl in c.claims)
    assert len(c.claims) == 2


def test_a_claim_of_one_outlet_alone_holds_one_body_sentence_per_article():
    # two wordings of one fact in one article, and no other outlet: nothing to join
    analyses, story = make_story({
        "One": "Militants attacked a border post on Monday, killing 12 soldiers.\n"
               "Militants attacked the border post on Monday and killed 12 soldiers, officials said.",
        "Two": "Prices of wheat rose sharply in local markets after the harvest failed.",
    })
    c = compare_story(analyses, story)
    for cl in c.claims:
        body = [m.article_id for m in cl.mentions if m.position in ("lede", "body")]
        assert len(body) == len(set(body))
    assert all(len(cl.outlets) == 1 for cl in c.claims)


def test_both_wordings_of_a_fact_join_the_other_outlets_claim():
    analyses, story = make_story({
        "One": "Militants attacked a border post on Monday, killing 12 soldiers.\n"
               "Militants attacked the border post on Monday and killed 12 soldiers, officials said.",
        "Two": "On Monday militants attacked a border post and killed 12 soldiers.",
    })
    c = compare_story(analyses, story)
    shared = [cl for cl in c.claims if set(cl.outlets) == {"One", "Two"}]
    assert len(shared) == 1 and [m.outlet for m in shared[0].mentions] == ["One", "One", "Two"]
    assert not c.omissions


def test_clause_split_lets_each_half_align_with_its_own_sentence():
    analyses, story = make_story({
        "One": "Officials met in the capital on Monday.\n"
               "As many as 23 soldiers were killed in the attack on the border posts.\n"
               "More than 200 militants were killed in the retaliatory strikes that followed.",
        "Two": "The army said 23 soldiers were killed in the attack on the border posts, while 200 "
               "militants were killed in the retaliatory strikes that followed.",
    })
    units, _ = article_units(analyses[1], 1)
    assert [analyses[1].article.text[u.start:u.end][:9] for u in units] == ["The army ", "while 200"]
    c = compare_story(analyses, story)
    soldiers = claim_of(c, "One", "23 soldiers")
    militants = claim_of(c, "One", "200 militants")
    assert soldiers.id != militants.id
    assert any("23 soldiers" in m.text for m in soldiers.mentions if m.outlet == "Two")
    assert any("200" in m.text for m in militants.mentions if m.outlet == "Two")


def test_a_clause_without_its_own_subject_stays_with_its_sentence():
    """Christian Science Monitor, 2014-09-24 (AllSides): cut at ", but", the second half was the
    claim "but not confirmed by the Pentagon.", a fragment aligned with another outlet's "The
    Pentagon has confirmed a new set of strikes"."""
    analyses, _ = make_story({
        "One": "Officials met in the capital on Monday to discuss the strikes.\n"
               "Additional airstrikes were reported overnight Wednesday, but not confirmed by the "
               "Pentagon.\n"
               "He was arrested in June, but released two days later without charge by the police.\n"
               "The ministry denied the report, but the officials in Kabul confirmed it to reporters.\n"
               "The group threatened not only the cartoonists in Paris, but also France and the United "
               "States.",
        "Two": "Officials met in the capital on Monday.",
    })
    text = analyses[0].article.text
    units = [text[u.start:u.end] for u in article_units(analyses[0], 0)[0]]
    assert "Additional airstrikes were reported overnight Wednesday, but not confirmed by the " \
           "Pentagon." in units
    assert not any(u.startswith(("but released", "but also France")) for u in units)
    assert "but the officials in Kabul confirmed it to reporters." in units  # its own subject


def test_layout_headline_subhead_lede_body():
    analyses, _ = make_story({"One": (
        "Iran offers to mediate in border dispute\n"
        "Iran has offered to mediate between Pakistan and Afghanistan. The offer came on Tuesday. "
        "Officials welcomed it.\n"
        "Talks in Istanbul end without progress\n"
        "The talks in Istanbul ended without a breakthrough.\n"
        "Both sides said they would keep talking.")})
    doc = analyses[0].doc
    lay = layout(doc)
    assert lay.positions == ("headline", "lede", "lede", "lede", "subhead", "body", "body")
    assert lay.fractions[1] == 0.0 and lay.fractions[-1] == 1.0


def test_headline_joins_the_claim_of_its_lede_and_coverage_says_headline():
    analyses, story = make_story({
        "One": "Iran offers to mediate between Pakistan and Afghanistan\n"
               "Iran has offered to mediate between Pakistan and Afghanistan after peace talks collapsed.\n"
               "Officials in Kabul did not comment.",
        "Two": "Wheat prices rose in the capital.\n"
               "Iranian officials offered on Wednesday to mediate between Afghanistan and Pakistan after the talks failed.",
    })
    c = compare_story(analyses, story)
    offer = claim_of(c, "One", "Iran has offered")
    assert {m.position for m in offer.mentions if m.outlet == "One"} == {"headline", "lede"}
    cell = next(x for x in c.coverage if x.claim_id == offer.id and x.outlet == "One")
    assert cell.position == "headline" and cell.headline_start == 0
    cell_two = next(x for x in c.coverage if x.claim_id == offer.id and x.outlet == "Two")
    assert cell_two.position in ("lede", "body") and cell_two.headline_start == -1


def test_seed_alignment_finds_shared_facts():
    analyses, story = seed_analyses()
    c = compare_story(analyses, story)
    shared = [cl for cl in c.claims if len(cl.outlets) > 1]
    assert len(shared) >= 5
    texts = [" | ".join(m.text for m in cl.mentions) for cl in shared]
    # the two outlets' sentences on the 23 soldiers, and on the October 19 ceasefire, line up
    assert any("23 Pakistani soldiers also embraced" in t and "martyrdom of 23" in t for t in texts)
    assert any("agreed to a ceasefire on October 19" in t and "signed a ceasefire agreement" in t for t in texts)
    assert check_offsets(c, analyses) > 50


def test_seed_outlets_second_wordings_join_their_claims():
    # Outlet B says twice that Qatar mediated the first round of talks in Doha; Press TV says it
    # once, with the October 19 ceasefire signed there. Both of B's sentences share the claim, and
    # B's "first round" sentence is no longer an omission of Press TV's.
    analyses, story = seed_analyses()
    c = compare_story(analyses, story)
    ceasefire = claim_of(c, "Press TV", "signed a ceasefire agreement")
    b = [m.text for m in ceasefire.mentions if m.outlet == "Outlet B"]
    assert len(b) == 2
    assert any(t.startswith("Pakistan and Afghanistan agreed to a ceasefire on October 19") for t in b)
    assert any(t.startswith("The first round of the peace negotiations") for t in b)
    assert not any(o.text.startswith("The first round of the peace negotiations") for o in c.omissions)


def test_alignment_is_deterministic():
    analyses, story = seed_analyses()
    a = compare_story(analyses, story)
    b = compare_story(analyses, story)
    assert a.claims == b.claims and a.coverage == b.coverage and a.omissions == b.omissions


def test_an_offline_embedding_backend_can_replace_character_ngrams():
    import numpy as np

    calls = []

    def embed(texts):  # a stand-in for a sentence-embedding model: letter counts
        calls.append(len(texts))
        return np.array([[t.count(ch) for ch in "abcdefghijklmnopqrstuvwxyz"] for t in texts], dtype=float)

    analyses, story = make_story(KAFR, date="2024-03-06")
    c = compare_story(analyses, story, embed=embed)
    assert calls and c.params["embedding"] is True
    assert set(claim_of(c, "Outlet A", "three-day curfew").outlets) == {"Outlet A", "Outlet B"}
    check_offsets(c, analyses)
