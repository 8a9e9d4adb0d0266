"""Cleaning: Unicode normalisation, web-leftover rules, headline/timestamp detection, layout."""
from __future__ import annotations

from pathlib import Path

import pytest

from framing.ingest import clean_text, load_rules, load_story, looks_like_headline
from framing.ingest.dates import timestamp_line, to_iso
from framing.ingest.normalize import normalize_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"


# --- normalisation --------------------------------------------------------------------------

def test_normalisation_keeps_characters_and_lines():
    raw = ("Pakistan\u2019s \u201cfraternal role\u201d \u2014 Tu\u0308rkiye\u00a0and\u00a0Qatar\r\n"
           "zero\u200bwidth soft\u00adhyphen\tand   spaces \r\n\r\nlast")
    text, notes = normalize_text(raw)
    lines = text.split("\n")
    assert len(lines) == 4  # CRLF -> LF, no line added or lost
    assert lines[0] == "Pakistan\u2019s \u201cfraternal role\u201d \u2014 T\u00fcrkiye and Qatar"  # NFC, curly kept
    assert lines[1] == "zerowidth softhyphen and spaces"
    assert lines[2] == "" and notes == []


def test_mojibake_is_repaired_and_said():
    raw = "Iran\u00e2\u20ac\u2122s offer was \u00e2\u20ac\u0153welcomed\u00e2\u20ac\u009d by Pakistan."
    text, notes = normalize_text(raw)
    assert text == "Iran\u2019s offer was \u201cwelcomed\u201d by Pakistan."
    assert notes and "mojibake" in notes[0]


def test_real_accents_are_not_taken_for_mojibake():
    text, notes = normalize_text("The caf\u00e9 in T\u00fcrkiye served cr\u00e8me br\u00fbl\u00e9e.")
    assert text == "The caf\u00e9 in T\u00fcrkiye served cr\u00e8me br\u00fbl\u00e9e." and notes == []


# --- rules ----------------------------------------------------------------------------------

@pytest.mark.parametrize("line, reason_word", [
    ("Advertisement", "advertisement"),
    ("Sponsored", "advertisement"),
    ("Story continues below advertisement", "advertisement"),
    ("Story Continued Below", "advertisement"),
    ("Advertisement:", "advertisement"),
    ("Photo", "gallery"),
    ("Slideshow (5 Images)", "gallery"),
    ("prev Image 2 of 2", "gallery"),
    ("7 years ago", "timestamp"),
    ("More On This...", "related"),
    ("CLICK TO GET THE FOX NEWS APP", "app"),
    ("[pullquote]", "placeholder"),
    ("SHARE THIS ARTICLE Share Tweet Post Email", "share"),
    ("Your email address will not be published. Required fields are marked *", "comment"),
    ("Save my name, email, and website in this browser for the next time I comment.", "comment"),
    ("Scroll to Top", "navigation"),
    ("NEWSLETTER", "newsletter"),
    ("| Join the GlobalSecurity.org mailing list |", "newsletter"),
    ("Sign up for our daily briefing", "newsletter"),
    ("Sign up to get breaking alerts", "sign-up"),
    ("Share on Facebook", "share"),
    ("Tweet", "share"),
    ("WhatsApp", "share"),
    ("Facebook Twitter WhatsApp Email", "share"),
    ("|", "punctuation"),
    ("0", "number"),
    ("Soldiers patrol the border crossing at Torkham, Pakistan, October 15, 2025. — Reuters", "caption"),
    ("Photo: Reuters", "photo"),
    ("Protesters march in Kabul on Sunday. (AP Photo/Rahmat Gul)", "caption"),
    ("File photo", "photo"),
    ("Read more: Border crossing reopens for trade", "read-more"),
    ("This website uses cookies to ensure you get the best experience.", "cookie"),
    ("© 2025 The Daily Example. All rights reserved.", "copyright"),
    ("Reporting by Asif Shahzad; Editing by Nick Macfie", "credit"),
    ("Enlarge this image toggle caption Jeff Chiu/AP Jeff Chiu/AP", "image player"),
    ("Enlarge this image Sara Lind/AP Sara Lind/AP", "caption"),
    # a caption whose photographer's credit ends the line: the credit would be a person actor
    ("Traders at the Karachi exchange on Monday, March 3, 2025. (Asim Hafeez/Reuters)", "caption"),
    ("Pakistani troops near the border on Sunday [Abdul Majeed/AFP/Getty Images]", "caption"),
    ("The minister leaves the talks in Doha. Photograph: Karim Jaafar/AFP via Getty Images", "caption"),
    ("Delegates arrive for the summit. Photographer: Ana Ruiz/Bloomberg", "caption"),
    ("Image The envoy in Tehran on Tuesday. Credit... Arash Khamooshi/The New York Times", "caption"),
    ("Voters queue outside a polling station. | Tom Brenner/AP Photo", "caption"),
    ("Refugees wait at the Torkham crossing. Naveed Ali / AP", "caption"),
    ("Hamid Karzai/AP", "caption"),
    ("Provincial Police Department via AP", "credit"),
    ("This article tagged under: Barack Obama", "tag"),
    ("Related Coverage Pompeo says did not author New York Times 'resistance' column", "related"),
    # a caption whose credit names no photographer: "(X via AP)", "(AP Photo)"
    ("This photo taken from video provided by WEAR-TV shows emergency responders near the base, "
     "Friday, Dec. 6, 2019. (WEAR-TV via AP)", "caption"),
    ("Children play in the lake outside the town on Monday. (Olga Burtseva via AP)", "caption"),
    ("President Xi reviews honor guards in Qingdao, China, April 23, 2019. (Xinhua via Reuters)",
     "caption"),
    ("Lawmakers leave the chamber after the vote. (AP Photo)", "caption"),
    # a long AP file-photo caption (over 80 words): "FILE - In this ... file photo, ... (AP Photo/X)"
    ("FILE - In this March 31, 2020 file photo, New York City Mayor Bill de Blasio speaks at the USTA "
     "Indoor Training Center where a 350-bed temporary hospital will be built in New York. De "
     "Blasio oversaw the dispersal of a large, tightly packed Hasidic Jewish funeral and lashed out "
     "at the mourners who had gathered in defiance of social distancing rules. He tweeted Tuesday, "
     "April 28, that his message to the Jewish community and all communities is that the time for "
     "warnings has passed, and that the police would act. (AP Photo/Frank Franklin II, File)",
     "caption"),
    # newsletter sign-up forms of any length (Politico's and the New York Times' boxes)
    ("POLITICO Playbook newsletter Sign up today to receive the #1-rated newsletter in politics "
     "Email Sign Up By signing up you agree to receive email newsletters or alerts from POLITICO. "
     "You can unsubscribe at any time. This site is protected by reCAPTCHA and the Google Privacy "
     "Policy and Terms of Service apply.", "sign-up"),
    ("Newsletter Sign Up Continue reading the main story Please verify you're not a robot by "
     "clicking the box. Invalid email address. Please re-enter. You must select a newsletter to "
     "subscribe to. Sign Up You will receive emails containing news content, updates and "
     "promotions from The New York Times. You may opt-out at any time.", "sign-up"),
    ("The Associated Press contributed to this report.", "credit"),
    ("Staff writers Ana Ruiz and Tom Ash contributed to this story.", "credit"),
    ("Contributing: Reuters", "credit"),
    ("The views expressed in this commentary are solely the author's own.", "disclaimer"),
    ("This article is more than 2 years old", "timestamp"),
    ("This is a rush transcript. Copy may not be in its final form.", "transcript"),
    ("JUST WATCHED Officer Friendly or G.I. Joe Replay More Videos ... MUST WATCH Officer Friendly "
     "or G.I. Joe 00:59", "video player"),
    ("Photos: Obama in Europe President Obama visits Stonehenge on Friday, September 5. Hide Caption "
     "1 of 21 Photos: Obama in Europe Obama speaks at the NATO summit. Hide Caption 2 of 21", "gallery"),
    # a related article's headline and its link (The Guardian, 112 in the AllSides corpus)
    ("Trump associates' links with Russia: what we know so far Read more", "related-article"),
    ("Has Zuckerberg lost control of the monster he created? | John Naughton Read more",
     "related-article"),
])
def test_leftover_lines_match_a_rule(line, reason_word):
    rule = load_rules().match(line)
    assert rule is not None and reason_word in rule.reason


@pytest.mark.parametrize("line", [
    "The advertisement campaign cost the ministry $2 million, auditors said.",
    "Share prices in Karachi fell 3 percent after the talks collapsed.",
    "Leave a reply to the ministry's letter was all the Taliban would say, according to officials.",
    "Security cooperation discussed in Tehran",
    "Iran gives \"special importance\" to Pakistan ties: Pezeshkian",
    "“We will not leave a reply unanswered,” the spokesman said. — a line with quotes is text",
    "Sign-up figures for the new pension scheme doubled in March, the ministry said on Tuesday in Islamabad.",
    "2025",
    "By Monday, the talks had collapsed.",
    "Photographs of the meeting were released by the presidency on Wednesday evening.",
    "Critics said the agency chose to hide caption data from deaf viewers, a charge it denied.",
    "The video shows the officer walking away.",
    "Two years ago, the plant closed.",
    "Get the facts first.",
    "Here is the full statement, via Reuters:",
    "Higher fuel prices contributed to this year's deficit, the ministry said.",
    "He said the opinions expressed at the meeting were divided.",
    "Five people were killed, according to AP/Reuters tallies, and dozens were hurt.",
    "The senator called the deal a win for Main Street/Wall Street alike (a slogan she repeats).",
    "The bill was tagged as a priority by the leadership: it passed on Monday.",
    "Related coverage of the hearings ran on every network that night, the ratings showed.",
    "The footage was first broadcast by a local station (and later shared via AP) on Friday night.",
    "Children should read more, the minister said.",
    "Experts say voters want to read more",
])
def test_real_sentences_match_no_rule(line):
    assert load_rules().match(line) is None


def test_link_hover_cards_glued_into_a_sentence_go():
    # a news site's link hover card: the full name glued to related headlines, ending "MORE"
    text = ("The plan was backed by Sen. Dana Reyes Dana (Dee) Marie ReyesSenate panel delays vote on "
            "border bill Five things to watch in the budget fight MORE (D-Nev.) and by Rep. Tom Ash "
            "Thomas Alan AshHouse passes farm bill MORE, who said it would pass.")
    out = clean_text(text)
    assert out.text == ("The plan was backed by Sen. Dana Reyes (D-Nev.) and by Rep. Tom Ash, who said it "
                        "would pass.")
    assert [r.reason for r in out.removed] == ["link hover card (full name and headlines)"] * 2


def test_hover_cards_after_a_spaced_or_glued_display_name_go():
    # the same cards when the full name follows the display name after a space ("Paul Ryan Paul
    # Davis Ryan Retirees ..."), with the same first name ("Joe Biden Joe Biden Parnas: ..."), or
    # glued to it ("Chad WolfChad WolfHouse ..."): the display name stays whole
    text = ("Speaker Paul Ryan Paul Davis Ryan Retirees should say no thanks to the plan Governor "
            "dresses as candidates for Halloween MORE (R-Wis.) said the bill would pass, as did "
            "former Vice President Joe Biden Joe Biden Parnas: ambassador removed to clear path "
            "Five takeaways from the interview MORE and acting Secretary Chad WolfChad WolfHouse "
            "committee asks for more information about protests MORE.")
    out = clean_text(text)
    assert out.text == ("Speaker Paul Ryan (R-Wis.) said the bill would pass, as did former Vice "
                        "President Joe Biden and acting Secretary Chad Wolf.")
    assert len(out.removed) == 3


def test_a_summary_box_heading_glued_to_its_first_line_goes():
    text = ("Story highlights Missouri Gov. Jay Nixon notes the over-militarization of police\n\n"
            "Nixon also criticizes the release of a store video\n\n"
            "Story highlights how a small town lost its river, the mayor said.")
    out = clean_text(text)
    assert out.text.split("\n\n") == [
        "Missouri Gov. Jay Nixon notes the over-militarization of police",
        "Nixon also criticizes the release of a store video",
        "Story highlights how a small town lost its river, the mayor said."]
    assert [r.reason for r in out.removed] == ["summary box heading glued to its first line"]


@pytest.mark.parametrize("text", [
    "Smith told John Smith that the board would meet. MORE details will follow on Monday.",
    'He declared: "NO MORE DEALS!" and left the room.',
    "Supporters of the Marijuana Opportunity Reinvestment and Expungement (MORE) Act rallied.",
    "THE MASS GRAVES OF MOSTLY FELLOW MUSLIMS. MANY REPORTS OF RAPE AND OF WOMEN SOLD MORE OFTEN.",
    "Ann Lee met Ann Lee Park at the fair. Lee Park said more would come. MORE fairs are planned.",
])
def test_text_that_only_looks_like_a_hover_card_stays(text):
    assert clean_text(text).text == text


def test_rest_scope_only_applies_in_the_second_half():
    body = [f"Officials said crossing number {n} would reopen on Monday for trucks carrying food."
            for n in range(6)]
    late = clean_text("\n".join(body + ["Related Stories", "Border trade resumes", "Talks set for May"]))
    assert late.text.split("\n\n") == body
    assert [r.line for r in late.removed] == [7, 8, 9]
    assert late.removed[-1].reason.startswith("related-links list (follows")
    early = clean_text("\n".join(["Related Stories"] + body))
    assert early.text.split("\n\n") == body and len(early.removed) == 1


def test_rules_file_errors_name_file_and_line(tmp_path):
    path = tmp_path / "rules.tsv"
    path.write_text("scope\tmax_words\tpattern\treason\nline\t3\t(unclosed\tbroken\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"rules.tsv:2: bad pattern"):
        load_rules(path)
    path.write_text("scope\tmax_words\tpattern\treason\nsometimes\t3\tx\ty\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"rules.tsv:2: scope"):
        load_rules(path)


# --- headline, timestamps, layout ----------------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("Naqvi holds High-Level Talks in Tehran as Pakistan, Iran unite against Terrorism", True),
    ("Pakistan Welcomes Iran’s Mediation Offer as Border Talks With Afghanistan Stall: FO", True),
    ("Why did the Istanbul talks fail?", True),
    ("Talks stall over U.S.", True),
    ("Iranian president proposes easing Pak-Afghan tensions.", False),
    ("Iran has offered to mediate between Pakistan and Afghanistan after recent peace talks in Istanbul "
     "collapsed without progress.", False),
    ("Monday, 17 November 2025 10:41 AM", False),
    ("one", False),
])
def test_looks_like_headline(line, expected):
    assert looks_like_headline(line) is expected


@pytest.mark.parametrize("line, iso", [
    ("Monday, 17 November 2025 10:41 AM", "2025-11-17"),
    ("Published: Nov. 17, 2025 5:00 pm ET", "2025-11-17"),
    ("Updated 2025-11-17T10:00:00Z", "2025-11-17"),
    ("Sunday 2 March 2025 | 14:05 PKT", "2025-03-02"),
    ("17/11/2025", "2025-11-17"),
    ("03/04/2025", ""),  # day and month cannot be told apart
    ("The talks ended on 17 November 2025 without a deal.", None),
    ("Oct. 12", None),
])
def test_timestamp_lines(line, iso):
    assert timestamp_line(line) == iso


def test_to_iso_for_metadata_values():
    assert to_iso("2024-09-03T08:15:00+05:00") == "2024-09-03"
    assert to_iso("7/22/2024") == "2024-07-22"
    assert to_iso("12/22/16") == "2016-12-22"
    assert to_iso("1/2/2024") is None
    assert to_iso("no date here") is None


def test_hard_wrapped_text_is_joined_into_paragraphs():
    raw = ("Parliament votes to extend emergency powers\n\n"
           "Lawmakers voted on Thursday to extend the government's emergency powers for\n"
           "another three months, despite protests outside the building and warnings from\n"
           "rights groups that the measures had been used against journalists.\n\n"
           "The opposition said it would challenge the decision in the constitutional\n"
           "court, arguing that the vote had been rushed through without debate.\n")
    cleaned = clean_text(raw)
    paragraphs = cleaned.text.split("\n\n")
    assert paragraphs[0] == "Parliament votes to extend emergency powers"
    assert paragraphs[1].startswith("Lawmakers voted on Thursday") and paragraphs[1].endswith("journalists.")
    assert len(paragraphs) == 3 and cleaned.headline == paragraphs[0]


def test_one_paragraph_per_line_text_is_not_joined():
    raw = ("Iran, Pakistan confer on regional developments\n"
           "Iran and Pakistan have exchanged views about key regional and multilateral developments as well "
           "as ways to further strengthen bilateral relations.\n"
           "The two sides also discussed preparations for political consultations.\n")
    assert len(clean_text(raw).text.split("\n\n")) == 3


def test_trailing_agency_credit_and_repeated_lines():
    raw = ("Floods cut off northern villages\nFloods cut off northern villages\n"
           "Heavy rain cut off dozens of villages in the north on Monday, and the army was called in to "
           "help evacuate residents stranded on rooftops, officials said. — APP")
    cleaned = clean_text(raw)
    assert cleaned.text.endswith("officials said.")
    assert [(r.text, r.reason, r.line) for r in cleaned.removed] == [
        ("Floods cut off northern villages", "repeated line", 2),
        ("— APP", "agency credit at the end of the article", 3)]


def test_cleaning_a_page_from_another_site():
    """A page pasted from a site none of the rules was written for: every leftover goes, with its
    line and reason; every sentence of the article stays."""
    article = load_story(FIXTURES / "dockworkers_paste.txt").articles[0]
    removed = {r.line: (r.text, r.reason) for r in article.removed}
    expected = {1: "navigation", 2: "breadcrumb", 3: "cookie", 4: "cookie", 8: "byline", 9: "timestamp",
                11: "share", 12: "share", 13: "share", 15: "caption", 21: "advertisement", 25: "photo",
                27: "read-more", 31: "photo", 35: "social", 36: "related", 37: "related", 38: "related",
                39: "copyright", 40: "breadcrumb"}
    assert {line: reason for line, (_, reason) in removed.items() if expected.get(line, "?") in reason} \
        .keys() == expected.keys() == removed.keys()
    assert article.title == "Dockworkers extend strike as talks with port operators stall"
    assert article.date == "2024-03-04"
    assert "byline: By Daniel Okafor and Lena Fischer" in article.notes
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 6
    assert paragraphs[0] == article.title
    assert "“Our members are not going back until there is a fair offer on the table,” union secretary" \
        in paragraphs[2]
    assert paragraphs[-1].startswith("The transport minister urged both sides to return to mediation")


def test_a_read_more_link_glued_to_a_paragraph_goes_and_the_paragraph_stays():
    text = ("As recently as Monday, two US air force B-1B bombers flew from Guam to join their "
            "counterparts for a mission over the Korean peninsula. Read more\n\n"
            "Trump associates' links with Russia: what we know so far Read more\n\n"
            "Intense pressure has led him to recuse himself.")
    out = clean_text(text)
    assert out.text.split("\n\n") == [
        "As recently as Monday, two US air force B-1B bombers flew from Guam to join their "
        "counterparts for a mission over the Korean peninsula.",
        "Intense pressure has led him to recuse himself."]
    assert sorted(r.text for r in out.removed) == [
        "Read more", "Trump associates' links with Russia: what we know so far Read more"]
