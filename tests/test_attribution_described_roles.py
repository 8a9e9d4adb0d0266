"""A named speaker quoted by name alone takes the role the article gave them where it introduced
them (framing/attribution/descriptions.py), and the role words of roles.tsv cover the usual
descriptions of news sources (whips, co-hosts, fellows, pastors ...).
"""
from __future__ import annotations

from test_attribution_helpers import by_cue, run


def _role(text: str, cue: str) -> str:
    _, atts, _ = run(text)
    return by_cue(atts, cue).role


def test_an_appositive_at_the_first_mention_gives_the_role_of_a_later_quote():
    text = ("Negotiators met again on Monday. Laura Mendelsohn, a trade economist at the Brookings "
            "Institution, has followed the talks for years. \"Nobody expects a deal before spring,\" "
            "Mendelsohn said.")
    assert _role(text, "said") == "expert"


def test_a_title_before_the_name_gives_the_role_of_a_later_quote():
    text = ("The interview aired on Sunday with co-host Dana Whitfield. Whitfield asked whether the "
            "governor would run again.")
    assert _role(text, "asked") == "media"


def test_the_head_of_the_appositive_decides_not_the_organisation_after_it():
    """"a supporter of the military" says nothing of the role: nothing after the preposition is
    read; "the most senior White House correspondent" is a correspondent, not the White House."""
    text = ("Greg Lindqvist, a longtime supporter of the military, spoke at the event. Lindqvist "
            "said the memorial would open in May.")
    assert _role(text, "said") == "unknown"
    text = ("Nora Calloway, the most senior White House correspondent for the paper, wrote the story. "
            "Calloway said the officials had not responded.")
    assert _role(text, "said") == "media"


def test_an_owner_role_is_not_the_persons():
    text = ("The senator's daughter Emma Rowley spoke at the rally. Rowley said the crowd was larger "
            "than expected.")
    assert _role(text, "said") == "civilian"


def test_another_person_of_the_same_surname_is_passed_over():
    """"Mayor Tom Hale" is not "Rita Hale": her role stays unknown."""
    text = ("Rita Hale had lived on the street for decades. Mayor Tom Hale visited on Friday. Rita Hale "
            "said the water had reached her porch.")
    _, atts, _ = run(text)
    att = by_cue(atts, "said")
    assert att.speaker == "Rita Hale"
    assert att.role == "unknown"


def test_new_role_words():
    assert _role("Majority Whip Steve Scalise said the vote would be held on Thursday.",
                 "said") == "political"
    assert _role("Rev. Samuel Okafor said the church would stay open all night.", "said") == "religious"
    assert _role("A campaign spokesman said the senator would not attend.", "said") == "political"
    assert _role("Advocates for the tenants said the rent increase was unlawful.", "said") == "activist"


def test_a_narrators_i_is_the_author_not_the_last_person_named():
    """A columnist's "I" outside quotation marks was read as the nearest person ("I believe" ->
    the official just named): it is the writer, a voice of the media."""
    _, atts, _ = run("The commissioner defended the plan on Tuesday. I believe the plan will fail "
                     "within a year.")
    att = by_cue(atts, "believe")
    assert (att.speaker, att.role) == ("the author", "media")
    assert by_cue(atts, "defended").speaker != "the author"


def test_a_speakers_i_stays_the_speakers():
    """Inside quotation marks, even an unpaired one, after a colon, or in a transcript, "I" is
    the speaker's own."""
    _, atts, _ = run('"We will win this," Senator Maria Lopez said. "And I think voters know it.')
    assert by_cue(atts, "think").speaker == "Maria Lopez"
    _, atts, _ = run("The governor's statement read: I believe the ruling was wrong and I will appeal it.")
    assert by_cue(atts, "believe").speaker != "the author"
    _, atts, _ = run("HUME: I think the senator made a mistake.")
    assert by_cue(atts, "think").speaker == "HUME"


def test_the_president_of_a_named_body_takes_the_bodys_role():
    """"president of the Tax Foundation" heads no government; "president of Mexico" does."""
    assert _role("Scott Hodge, president of the Tax Foundation, said the cut would pay for itself.",
                 "said") == "organisation"
    assert _role("Dana Price, a vice president at Bellwether Logistics, said the law went too far.",
                 "said") == "organisation"
    assert _role("The president of Mexico said the tariffs would hurt both countries.", "said") == "government"
    assert _role("The president said the tariffs would hurt both countries.", "said") == "government"


def test_an_organisations_name_gives_its_role_by_its_head_word():
    """A body the gazetteer does not know takes the kind of its name's last word (org_heads.tsv);
    a lower-case "the network" names no body."""
    assert _role("The Harbor City Times reported that the mayor had resigned.", "reported") == "media"
    assert _role("The Lakeview Policy Center said the tax would raise $2 billion.", "said") == "organisation"
    assert _role("The network said the interview would air on Sunday.", "said") == "unknown"


def test_party_plurals_and_shares_of_a_people():
    """"Senate Republicans" (a capitalised plural keeps its "s" as its lemma) is political; a share
    of a nation's people speaks as civilians, the people's name alone is left to the gazetteer."""
    assert _role("Senate Republicans said the bill would fail.", "said") == "political"
    assert _role("64 percent of Democrats said they backed the plan.", "said") == "political"
    assert _role("Many Americans say the economy is getting worse.", "say") == "civilian"
    assert _role("Millions of Iranians said the vote was rigged.", "said") == "civilian"
    assert _role("The Russians said they would veto the resolution.", "said") == "government"


def test_a_spokesman_takes_the_role_of_the_body_it_speaks_for():
    """A spokesman for a party or a known organisation speaks for it; for a person or a body
    nothing says anything about, the title's own role stays."""
    assert _role("Kirsten Kukowski, a spokeswoman for the Republican National Committee, said the ad "
                 "was misleading.", "said") == "political"
    assert _role("A spokesman for the Pentagon said the drill was routine.", "said") == "military"
    assert _role("An aide to Boehner said the vote would be delayed.", "said") == "government"


def test_a_title_with_no_kind_of_voice_takes_the_role_of_the_body_it_names():
    """"director of congressional relations for the American Farm Bureau Federation": the first
    named body after the title decides ("executive director of the ACLU of Alabama" is not the
    state's); a role word elsewhere in the article still comes first."""
    assert _role("Kristi Boswell, director of congressional relations for the American Farm Bureau "
                 "Federation, said the cap was still an issue.", "said") == "organisation"
    assert _role("Sue Edman, executive director of the Milwaukee Election Commission, said the "
                 "building would stay open.", "said") == "government"
    text = ("Robert Denton, chair of the communications department at Virginia Tech University, "
            "spoke first. Denton, a professor of political communication, said the ads had worked.")
    assert _role(text, "said") == "expert"


def test_world_leaders_pack_gives_role_and_side_to_a_bare_surname():
    """lexicons/gazetteer/topics/world_leaders_people.tsv: "Merkel said" is Germany's chancellor."""
    _, atts, _ = run("Merkel said the euro would survive the crisis.")
    att = by_cue(atts, "said")
    assert (att.role, att.affiliation) == ("government", "Germany")
    _, atts, _ = run("Rouhani said the talks would go on.")
    assert by_cue(atts, "said").affiliation == "Iran"
