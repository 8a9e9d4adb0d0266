"""Session 21 (an unseen war story read end to end: four outlets on the first US-led airstrikes in
Syria, September 2014). A relative clause that ends the subject is part of the source, and its
object is not the speaker ("An organization that tracks the Syrian civil war said"); neither a
relative clause nor a ", which" clause about a body's doings gives the speaker a role or side; "the
head of X, Name," is Name; "about" before a number opens the content ("said about two-thirds of
..."), not the cue; "Centcom" is US Central Command.

The sentences are from AllSides records 1127, 1574, 4634 and 4755, shortened; the changes were read
on records 4600-4999. Each test fails on the session-20 code; "..._still_..." pins what the rules
must leave alone.
"""
from __future__ import annotations

from test_attribution_helpers import by_cue, content, gazetteer, run, source


def test_a_relative_clause_closing_the_subject_belongs_to_the_source():
    for text, src, speaker in (
            ("An organization that tracks the Syrian civil war said today that strikes were conducted "
             "near the border.", "An organization that tracks the Syrian civil war", "organization"),
            ("A group that monitors the war in Syria said 70 fighters were killed.",
             "A group that monitors the war in Syria", "group"),
            ("The analyst who drafted the initial version of the talking points wrote that lawmakers "
             "would not like them.", "The analyst who drafted the initial version of the talking points",
             "analyst")):
        doc, atts, _ = run(text)
        a = atts[0]
        assert (source(doc, a), a.speaker) == (src, speaker), text


def test_a_speech_verb_in_the_relative_clause_still_leaves_its_subject_speaking():
    doc, atts, _ = run("The newspaper obtained a criminal referral on Mr. Steele that shows the FBI "
                       "believed it had corroboration for the dossier.")
    assert source(doc, by_cue(atts, "believed")) == "the FBI"


def test_a_relative_clause_gives_no_role_and_a_which_clause_no_side():
    doc, atts, _ = run("The man who shot the officer said he was sorry.")
    assert by_cue(atts, "said").role == "unknown"  # not "security", from "officer"
    doc, atts, _ = run("The Obama administration, which at a NATO meeting in Wales earlier this month "
                       "also got commitments from European allies, has insisted that the fight could "
                       "not be the United States' fight alone.")
    assert by_cue(atts, "has insisted").affiliation != "NATO"


def test_a_who_clause_still_describes_a_named_person():
    doc, atts, _ = run("John Smith, who heads the foreign ministry, said the talks failed.")
    assert by_cue(atts, "said").role == "government"


def test_the_head_of_a_body_named_after_a_comma_is_that_person():
    doc, atts, _ = run("The head of the main Western-backed Syrian opposition group, Hadi Bahra, welcomed "
                       "the commencement of airstrikes in Syria. \"Tonight, the international community "
                       "has joined our fight against ISIS in Syria,\" he said in a statement.")
    assert by_cue(atts, "welcomed").speaker == "Hadi Bahra"
    assert by_cue(atts, "said").speaker == "Hadi Bahra"


def test_about_before_a_number_opens_the_content():
    for text, cue, first in (
            ("Military leaders have said about two-thirds of the estimated 31,000 Islamic State "
             "militants were in Syria.", "have said", "about two-thirds"),
            ("Boehner also proposed about $1 trillion in spending cuts.", "also proposed", "about $1")):
        doc, atts, _ = run(text)
        assert content(doc, by_cue(atts, cue)).startswith(first), text


def test_about_is_still_the_cues_preposition_before_a_noun_phrase():
    doc, atts, _ = run("She talked about the plan at length.")
    assert content(doc, by_cue(atts, "talked about")) == "the plan at length"


def test_centcom_is_us_central_command():
    if gazetteer() is None:
        return
    doc, atts, _ = run("Centcom said that U.S. aircraft also struck eight targets near Aleppo.")
    a = by_cue(atts, "said")
    assert (a.affiliation, a.role) == ("United States", "military")


def test_a_first_name_joined_to_another_by_and_is_no_cue():
    doc, atts, _ = run("Ansi called the two brothers, Said and Cherif Kouachi, “heroes” for carrying out "
                       "the attack.")
    assert all(a.cue_text != "Said" for a in atts), [a.cue_text for a in atts]


def test_a_headline_label_before_a_clause_with_its_own_speaker_is_a_topic():
    for text, speaker in (("Charlie Hebdo: Al Qaeda in Yemen says it ordered and financed the attack",
                           "Al Qaeda in Yemen"),):
        doc, atts, _ = run(text + "\n\nThe text follows here in full.")
        assert [source(doc, a) for a in atts] == [speaker], text
    doc, atts, _ = run("Charlie Hebdo Reaction: Turkey, Russia, Egypt React To Magazine With Mosque "
                       "Shootings\n\nThe text follows here in full.")
    assert not atts  # "Reaction:" labels a section (labels.tsv)


def test_a_headline_label_still_speaks_when_its_words_have_no_speaker():
    for text in ("Sanders: Clinton needs to release her transcripts", "Police: 5 dead in shooting at mall"):
        doc, atts, _ = run(text + "\n\nThe text follows here in full.")
        assert [a.cue_text for a in atts] == [":"], text


def test_a_place_closing_a_title_is_not_part_of_the_name():
    for text, speaker in (
            ("Moroccan-born Mayor of Rotterdam Ahmed Aboutaleb told Muslims in the country on live "
             "television that those who have a problem with Western culture could leave.", "Ahmed Aboutaleb"),
            ("The Governor of New York Andrew Cuomo said the state was ready.", "Andrew Cuomo")):
        doc, atts, _ = run(text)
        assert atts[0].speaker == speaker, text


def test_a_title_of_a_body_still_keeps_its_name():
    doc, atts, _ = run("Secretary of State John Kerry said the talks went well.")
    assert by_cue(atts, "said").speaker == "John Kerry"
    doc, atts, _ = run("The Department of Homeland Security said it was ready.")
    assert by_cue(atts, "said").speaker == "Department of Homeland Security"


def test_the_head_word_of_an_institutions_name_stands_for_it():
    doc, atts, _ = run("The Britain-based Syrian Observatory for Human Rights said 14 militants were killed. "
                       "The Observatory also said five civilians died.")
    first, second = atts
    assert first.speaker == "Syrian Observatory for Human Rights"  # not where it is based
    assert second.speaker == first.speaker
    doc, atts, _ = run("The Council on Foreign Relations published a report on Monday. The Council said "
                       "the policy failed.")
    assert by_cue(atts, "said").speaker == "Council on Foreign Relations"


def test_a_first_name_alone_is_the_one_person_named_before_with_it():
    doc, atts, _ = run("U.S. officials have confirmed the strikes, NPR Pentagon correspondent Tom Bowman "
                       "said. Tom explains how these attacks fit into the larger conflict.")
    assert by_cue(atts, "explains").speaker == "Tom Bowman"
    doc, atts, _ = run("Hillary Clinton spoke on Monday. Bill Clinton said she would win. Hillary said "
                       "she was ready.")
    assert [a.speaker for a in atts if a.source and source(doc, a) == "Hillary"] == ["Hillary Clinton"]


def test_a_first_name_two_people_share_stays_unresolved():
    doc, atts, _ = run("Tom Bowman said the strikes went on. Tom Gjelten said they would widen. Tom "
                       "explains why.")
    assert by_cue(atts, "explains").speaker == "Tom"


def test_the_addressee_is_not_the_content():
    for text, cue, first in (
            ("The spokesman told Reuters the talks had failed.", "told", "the talks"),
            ("Police spokeswoman Karina Sadowsky told the Associated Press several stones and a Molotov "
             "cocktail were found at the crime scene.", "told", "several stones"),
            ("Labour's shadow chancellor John McDonnell told the Today programme the deal was worse.",
             "told", "the deal"),
            ("The attorneys general have argued in court the mandate is still on the books.",
             "have argued", "the mandate")):
        doc, atts, _ = run(text)
        assert content(doc, by_cue(atts, cue)).startswith(first), text


def test_a_date_and_a_name_with_an_article_still_run_on():
    doc, atts, _ = run("\"We feel these allegations have been answered,\" press secretary Sarah Huckabee "
                       "Sanders told reporters in December 2017, after the accusers appeared on television.")
    assert content(doc, by_cue(atts, "told")).startswith("\u201cWe") or \
        content(doc, by_cue(atts, "told")).startswith('"We')
    from framing.attribution.chunks import np_right

    doc, _, _ = run("Campaigners at Adopt a Revolution agreed.")
    end = np_right(doc.tokens, 0, len(doc.tokens))
    assert doc.text[doc.tokens[0].start:doc.tokens[end - 1].end] == "Campaigners at Adopt a Revolution"
