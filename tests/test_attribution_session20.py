"""Session 20 (precision on news never seen): a cue word inside a name ("the Alliance Defending
Freedom", "CQ Roll Call") is no cue; a quotation inside a noun phrase (a nickname, 'John “Mac”
Stipanovich'; a title, 'the "Hannity" host') is part of the source, not its content; a fronted
adverbial ("In a 1963 speech, he declared:") is no content; a colon cue closing its paragraph takes
the next paragraph; a report's agent is not the source of the report's finding ("A recent survey by
Comcast Xfinity found": the survey is); "who" after a head that is no person stands for the person
in its tail ("the attention of Donald Trump Jr., who tweeted"), or for the people before an adverbial
or a caption's place ("sheriffs after the shooting, who said", "Gennifer Flowers, right, who").

The sentences are from AllSides records outside 2800-3099 and PolNeAR train articles. Each test
fails on the session-19 code; the tests named "..._still_..." pin what the rules must leave alone.
"""
from __future__ import annotations

from test_attribution_helpers import by_cue, content, run, source


def test_a_cue_word_inside_a_name_is_no_cue():
    cases = (
        ("What impact with the gay marriage ruling have on religious liberty? CBN News spoke with Austin "
         "Nimocks of the Alliance Defending Freedom for his perspective.", "Defending"),
        ("Rep. Joe Baca, D-Calif., apologized Tuesday for calling a colleague a ‘bimbo’ earlier in the day "
         "in a phone call to CQ Roll Call late Tuesday afternoon.", "Call"),
        ("Walter Shapiro is a Roll Call columnist, a lecturer in political science at Yale and a fellow at "
         "the Brennan Center for Justice.", "Call"),
        ("“People in Khartoum don’t know anything about the rest of the country,” sniffs Said Shareef, a "
         "rebel commander.", "Said"),
    )
    for text, word in cases:
        _, atts, _ = run(text)
        assert all(a.cue_text != word for a in atts), (text, [a.cue_text for a in atts])


def test_a_headline_in_title_case_still_has_its_cue():
    for text, cue, src in (
            ("Glenn Beck Says Trump, ‘Alt Right’ Pose A Threat To Democracy.", "Says", "Glenn Beck"),
            ("Mike Pence Calls for Special Prosecutor after Report Reveals Clinton’s Meetings with "
             "Foundation Donors.", "Calls for", "Mike Pence")):
        doc, atts, _ = run(text)
        assert source(doc, by_cue(atts, cue)) == src, text


def test_a_quoted_nickname_is_part_of_the_name():
    cases = (
        ("“If there is some connection to terrorism, well, then, that’s that,” Charles “Cully” Stimson "
         "said. “But let’s not assume that because he was a Saudi national in their air force and he "
         "murdered our people, that he is a terrorist.”", "said", "Charles “Cully” Stimson",
         "“If there is some connection to terrorism, well, then, that’s that,” | “But let’s not assume "
         "that because he was a Saudi national in their air force and he murdered our people, that he is "
         "a terrorist.”"),
        ("John “Mac” Stipanovich, a longtime Republican operative in Florida, called Trump’s performance "
         "at a news conference with the Finnish president on Wednesday “unhinged.”", "called",
         "John “Mac” Stipanovich, a longtime Republican operative in Florida,", None),
    )
    for text, cue, src, expected in cases:
        doc, atts, _ = run(text)
        att = by_cue(atts, cue)
        assert source(doc, att) == src, text
        if expected is not None:
            assert content(doc, att) == expected, text
        assert "“Mac”" not in content(doc, att) and "“Cully”" not in content(doc, att)


def test_a_quoted_title_is_part_of_the_source():
    text = ('"You made us a promise, the American people, for seven years. You guaranteed you’d end '
            'ObamaCare," the "Hannity" host said. "You assured all of us you would develop a health care '
            'bill that actually worked for the American people."')
    doc, atts, _ = run(text)
    att = by_cue(atts, "said")
    assert source(doc, att) == 'the "Hannity" host'
    assert content(doc, att).startswith('"You made us a promise')
    text = ('Some security experts and election integrity advocates have also criticized the county\'s '
            'decision to award the "Voting Solutions for All People" contract to a vendor called '
            'Smartmatic, which was the subject of a congressionally requested inquiry 14 years ago.')
    doc, atts, _ = run(text)
    assert all(a.cue_text != "called" for a in atts), [(a.cue_text, content(doc, a)) for a in atts]


def test_a_quotation_opening_its_clause_is_still_speech_without_its_comma():
    text = ("“The Iowa caucus is a battle of niches” Grubbs said. “The RFS is a very strong niche in "
            "Iowa, a big part of the agriculture community.”")
    doc, atts, _ = run(text)
    att = by_cue(atts, "said")
    assert source(doc, att) == "Grubbs"
    assert content(doc, att).startswith("“The Iowa caucus is a battle of niches”")


def test_a_fronted_adverbial_is_no_content():
    cases = (
        ("To begin, I should acknowledge just how wrong I was about this election.", "should acknowledge",
         "just how wrong I was about this election"),
        ("In a subsequent interview with The New York Times, she joked about moving to New Zealand if "
         "Trump is elected.", "joked", "moving to New Zealand if Trump is elected"),
        ("Since earlier this year, Mr. Xi and other leaders have said cutting that output must be a key "
         "part of their program to reinvigorate growth.", "have said",
         "cutting that output must be a key part of their program to reinvigorate growth"),
    )
    for text, cue, expected in cases:
        doc, atts, _ = run(text)
        att = next((a for a in atts if a.cue_text.startswith(cue)), None)
        assert att is not None, text
        # (the cue may take the preposition: "joked about | moving to ...")
        assert content(doc, att).endswith(expected), text
        assert not content(doc, att).startswith(("To begin", "In a", "Since")), text


def test_a_clause_before_a_postposed_cue_is_still_its_content():
    for text, cue, expected in (
            ("The super PAC replaced more than $500,000 worth of planned ads with commercials exclusively "
             "opposing Bush, the reports show.", "show",
             "The super PAC replaced more than $500,000 worth of planned ads with commercials exclusively "
             "opposing Bush"),
            ("Clinton is ahead in the state, he said.", "said", "Clinton is ahead in the state")):
        doc, atts, _ = run(text)
        assert content(doc, by_cue(atts, cue)) == expected, text


def test_a_colon_cue_takes_the_next_paragraph():
    text = ("Today, she runs magazines in six states.\n\nIn his letter denying the women’s accounts, "
            "Sondland’s lawyer wrote:\n\nAs you are doubtless aware, one of the three complainants, Nicole "
            "Vogel, is the owner and publisher of the Portland Monthly.\n")
    doc, atts, _ = run(text)
    att = by_cue(atts, "wrote:")
    assert source(doc, att) == "Sondland’s lawyer"
    assert content(doc, att) == ("As you are doubtless aware, one of the three complainants, Nicole Vogel, "
                                 "is the owner and publisher of the Portland Monthly.")


def test_a_report_not_its_agent_is_the_source():
    cases = (
        ("A recent survey by Comcast Xfinity found that 40 percent of its customers would rather stream "
         "''Seinfeld.''", "found", "A recent survey by Comcast Xfinity"),
        ("A 2014 study by Loyola Law School professor Justin Levitt found 31 incidents of voter "
         "impersonation out of more than a billion ballots cast.", "found",
         "A 2014 study by Loyola Law School professor Justin Levitt"),
        ("A study by Michael Greenstone and Thomas Covert of the University of Chicago and Professor Knittel "
         "concluded that at current battery prices, for an electric vehicle to be cheaper to run than a "
         "gas-powered car, oil would have to cost $350 a barrel.", "concluded",
         "A study by Michael Greenstone and Thomas Covert of the University of Chicago and Professor Knittel"),
    )
    for text, cue, src in cases:
        doc, atts, _ = run(text)
        assert source(doc, by_cue(atts, cue)) == src, text
    # the agent still speaks for its report
    assert _speaker_of(cases[0][0], "found") == "Comcast Xfinity"


def test_a_passive_agent_is_still_the_source():
    text = "The practice of reporting the data was criticized by Miller and some civil rights advocates."
    doc, atts, _ = run(text)
    assert source(doc, by_cue(atts, "was criticized")).startswith("Miller")


def _speaker_of(text: str, cue: str) -> str:
    _, atts, _ = run(text)
    return by_cue(atts, cue).speaker


def test_who_after_a_head_that_is_no_person_stands_for_the_person_in_its_tail():
    cases = (
        ("Kassam’s ban got the attention of Donald Trump Jr., who tweeted: “This is insane.”", "tweeted:",
         "Donald Trump Jr."),
        ("The provision was included to alleviate the concerns of pro-gun advocates who have warned that "
         "the bill goes too far.", "have warned", "pro-gun advocates"),
        ("At one point, he played a short video of a West African gravedigger who said he had buried "
         "hundreds of people.", "said", "West African gravedigger"),
        ("The attack drew sharp condemnation from top Pakistani officials, who vowed to hunt down the "
         "attackers.", "vowed", "top Pakistani officials"),
    )
    for text, cue, speaker in cases:
        assert _speaker_of(text, cue) == speaker, text


def test_who_after_an_adverbial_or_a_caption_place_stands_for_the_people_before_it():
    assert _speaker_of("Attorney General Jeff Sessions told Fox News he met with sheriffs after the shooting, "
                       "who said they were ready to help.", "said") == "sheriffs"
    assert _speaker_of('President Clinton admitted to having an "inappropriate relationship" with Gennifer '
                       'Flowers, right, who claimed a 12-year affair.', "claimed") == "Gennifer Flowers"


def test_who_after_a_person_still_stands_for_the_whole_phrase():
    assert _speaker_of("Elizabeth Goitein, a co-director of the Liberty and National Security Program at the "
                       "Brennan Center for Justice, who recently wrote about the law, disagreed.",
                       "recently wrote") == "Elizabeth Goitein"
    assert _speaker_of("It’s just gotten another opportunity to remind America that someone who merely "
                       "wants to vote can be punished.", "merely wants") != "America"


def test_called_before_the_name_of_something_only_names_it():
    for text in ("A similar exercise called the National Register of Citizens (NRC) was carried out in the "
                 "northeast state of Assam where nearly two million people were left off the citizens' list.",
                 "The advocacy group Autism Speaks is sponsoring a competition called the House to Home Prize, "
                 "which will produce more."):
        _, atts, _ = run(text)
        assert all(a.cue_text != "called" for a in atts), text


def test_called_with_a_judgement_after_the_name_still_reports_it():
    doc, atts, _ = run("Sen. Lindsey Graham, a national security hawk, called the President an "
                       "\"incompetent commander in chief.\"")
    assert content(doc, by_cue(atts, "called")) == 'the President an "incompetent commander in chief."'


def test_a_party_label_with_its_periods_stays_in_an_inverted_source():
    # "D-Calif." is split into "D-Calif" and "." and "R-S.C." into "R-S", ".", "C.": the
    # description stopped at the first period, so the source was lost (the cue took "D-Calif" as
    # its content) or cut ("Sen. Lindsey Graham, R-S"). AllSides records 1500-1899 and 80.
    doc, atts, _ = run('"There\'s very little trust in the government," said Rep. Adam Schiff, '
                       'D-Calif., who sits on the House Intelligence Committee.')
    att = by_cue(atts, "said")
    assert source(doc, att) == "Rep. Adam Schiff, D-Calif., who sits on the House Intelligence Committee"
    assert att.speaker == "Adam Schiff"
    doc, atts, _ = run('"I have no idea what\'s going on," said Sen. Lindsey Graham, R-S.C., on Sunday.')
    assert source(doc, by_cue(atts, "said")) == "Sen. Lindsey Graham, R-S.C."


def test_which_after_people_of_a_body_is_the_body():
    # ", which" stands for no person: "a current employee of defense contractor Booz Allen
    # Hamilton, which released a statement" was the employee (AllSides record 80), "Randi
    # Weingarten, president of the American Federation of Teachers, which boasts" was Weingarten
    _, atts, _ = run("Snowden said he was a current employee of defense contractor Booz Allen "
                     "Hamilton, which released a statement Sunday confirming he had been a "
                     "contractor with them in Hawaii.")
    assert by_cue(atts, "released a").speaker == "Booz Allen Hamilton"
    _, atts, _ = run("The shift is real, said Randi Weingarten, president of the American "
                     "Federation of Teachers, which boasts 1.7 million members.")
    assert by_cue(atts, "boasts").speaker == "American Federation of Teachers"


def test_a_list_of_names_opening_the_clause_is_the_whole_source():
    # "President Obama, Clapper and others also have said" had the source "Clapper and others"
    # (AllSides record 80); a fronted place is still no part of it
    doc, atts, _ = run("President Obama, Clapper and others also have said the programs are "
                       "subject to strict supervision of a secret court.")
    assert source(doc, by_cue(atts, "also have said")) == "President Obama, Clapper and others"
    doc, atts, _ = run("In Washington, Clapper and others said the programs were legal.")
    assert source(doc, by_cue(atts, "said")) == "Clapper and others"
